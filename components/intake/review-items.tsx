'use client';

import type { ReactNode } from 'react';
import Link from 'next/link';
import { ActorPicker, type PickedActor } from '@/components/actors/actor-picker';
import { actorPaths } from '@/components/actors/actor-paths';
import { CountrySelect } from '@/components/actors/country-select';
import { Field, Input, Notice } from '@/components/ui/primitives';
import { actorKindLabels, actorKinds } from '@/server/actors/actors.labels';
import {
  claimCategories,
  claimCategoryLabels,
  claimFigureAtLeast,
  claimFigureLabels,
  claimFigures,
  credibilityGrades,
  credibilityLabels,
  quoteKindLabels,
  quoteKinds,
  verificationStatusLabels,
  verificationStatuses,
} from '@/server/claims/claims.labels';
import { reactionChannelLabels, reactionChannels, reactionStanceLabels, reactionStances } from '@/server/reactions/reactions.labels';
import {
  errorsOf,
  nameOfRef,
  usersOfActor,
  type ActorItem,
  type ClaimItem,
  type ClaimValues,
  type NewActorFields,
  type ReactionItem,
  type ReactionValues,
  type ReviewErrors,
  type ReviewState,
} from './intake-state';
import { EvidenceSentence, ListField, MomentFields, MoreFields, PrecisionField, RefField, RefsField, SelectField, TextField } from './review-fields';

const options = <V extends string | number>(values: readonly V[], labels: Record<V, string>) => values.map((value) => [value, labels[value]] as const);

/** Fields of a record that sit behind "More fields": an error among them opens it. */
const moreReactionFields = ['speakerRef', 'channel', 'reactedPrecision', 'originalText', 'originalLanguage', 'excerpt', 'tags', 'internalNotes'];
const moreClaimFields = [
  'saidPrecision',
  'occurredAt',
  'occurredPrecision',
  'place',
  'status',
  'statusExplanation',
  'credibility',
  'originalText',
  'originalLanguage',
  'excerpt',
  'tags',
  'internalNotes',
];
const hasErrorAmong = (errors: Record<string, string>, fields: readonly string[]) => Object.keys(errors).some((key) => fields.includes(key.split('.')[0] ?? ''));

/**
 * One suggestion: its tick, its title, a possible duplicate, the sentence and why it was suggested, then its fields
 * (`children`). `active` (ticked) cards stand out from the rest.
 */
function SuggestionCard({
  id,
  title,
  tickLabel,
  ticked,
  onTick,
  tickError,
  duplicateOf,
  evidence,
  why,
  active,
  children,
}: {
  id: string;
  title: string;
  tickLabel: string | null;
  ticked: boolean;
  onTick: (ticked: boolean) => void;
  tickError?: string;
  duplicateOf?: { label: string } | null;
  evidence: ReactionItem['evidence'];
  why: string[];
  active: boolean;
  children: ReactNode;
}) {
  return (
    <article aria-labelledby={`${id}-heading`} className={`rounded-md border p-3 ${active ? 'border-stone-300 bg-white' : 'border-stone-200 bg-stone-50'}`}>
      <div className="space-y-2">
        <div className="flex flex-wrap items-start gap-x-3 gap-y-1">
          {tickLabel ? (
            <label className="flex items-center gap-1.5 text-sm font-medium text-stone-800">
              <input
                type="checkbox"
                className="size-4 accent-ink"
                checked={ticked}
                onChange={(event) => onTick(event.target.checked)}
                aria-describedby={tickError ? `${id}-tick-error` : undefined}
              />
              {tickLabel}
            </label>
          ) : null}
          <h3 id={`${id}-heading`} className={`min-w-0 flex-1 text-base font-semibold ${ticked || !tickLabel ? 'text-ink' : 'text-stone-500'}`}>
            {title}
          </h3>
        </div>
        {duplicateOf ? <p className="text-sm font-medium text-amber-800">Possible duplicate of {duplicateOf.label}</p> : null}
        {tickError ? (
          <p id={`${id}-tick-error`} role="alert" className="text-sm text-red-700">
            {tickError}
          </p>
        ) : null}
        <div className="text-sm">
          <EvidenceSentence evidence={evidence} />
        </div>
        {why.length ? <p className="text-xs text-stone-500">Why: {why.join('; ')}</p> : null}
      </div>
      {children}
    </article>
  );
}

interface ItemProps<T> {
  index: number;
  item: T;
  state: ReviewState;
  errors: ReviewErrors;
  onChange: (patch: Partial<T>) => void;
  onRemember: (actor: PickedActor) => void;
}

/** The article's actors the directory already has: nothing to create, one line each (name, the sentence, why). */
export function MatchedActors({ items, partyIds }: { items: readonly ActorItem[]; partyIds: readonly string[] }) {
  return (
    <ul aria-label="Found in the directory" className="divide-y divide-stone-100 rounded-md border border-stone-200 bg-white">
      {items.map((item) => (
        <li key={item.ref} className="grid gap-1 px-3 py-2 sm:grid-cols-[12rem_minmax(0,1fr)] sm:gap-4">
          <p className="text-sm">
            <Link href={actorPaths.actor(item.matchedActorId ?? item.ref)} className="font-medium text-blue-700 underline underline-offset-2" prefetch={false}>
              {item.fields.name}
            </Link>
            {item.matchedActorId && partyIds.includes(item.matchedActorId) ? <span className="block text-xs text-stone-500">Party to this dossier</span> : null}
          </p>
          <div className="space-y-1 text-xs">
            <EvidenceSentence evidence={item.evidence} />
            {item.why.length ? <p className="text-stone-500">Why: {item.why.join('; ')}</p> : null}
          </div>
        </li>
      ))}
    </ul>
  );
}

/** An actor the article proposes as new: created on accept when ticked, every field of the actor form editable. */
export function ActorReview({ index, item, state, errors, onChange, onRemember }: ItemProps<ActorItem>) {
  const id = `actors-${index}`;
  const own = errorsOf(errors, `actors.${index}.`);
  const fields = item.fields;
  const set = (patch: Partial<NewActorFields>) => onChange({ fields: { ...fields, ...patch } });

  const users = item.ticked || item.instead ? [] : usersOfActor(state, item.ref);
  return (
    <SuggestionCard
      active={item.ticked}
      id={id}
      title={`New actor: ${fields.name || 'unnamed'}`}
      tickLabel={`Create ${fields.name || 'this actor'}`}
      ticked={item.ticked && !item.instead}
      onTick={(ticked) => onChange({ ticked, ...(ticked ? { instead: null } : {}) })}
      tickError={own.ticked}
      evidence={item.evidence}
      why={[...item.why, ...(item.mentions.length ? [`also named ${item.mentions.map((mention) => `“${mention}”`).join(', ')}`] : [])]}
    >
      {users.length && !own.ticked ? (
        <div className="mt-2">
          <Notice>
            Not created, but {users.join(', ')} {users.length === 1 ? 'uses' : 'use'} it: tick it again, use a directory actor instead, or untick{' '}
            {users.length === 1 ? 'that record' : 'those records'}.
          </Notice>
        </div>
      ) : null}
      <div className="mt-3 space-y-4">
        <Field id={`${id}-instead`} label="Use an existing directory actor instead" hint="Records of this review then refer to that actor, and nothing new is created.">
          {(props) => (
            <ActorPicker
              inputProps={props}
              value={item.instead}
              onChange={(actor) => {
                if (actor) onRemember(actor);
                onChange({ instead: actor ? { id: actor.id, name: actor.name } : null, ticked: !actor });
              }}
            />
          )}
        </Field>
        {item.ticked && !item.instead ? (
          <>
            <div className="grid gap-4 sm:grid-cols-2">
              <TextField id={`${id}-name`} label="Name" value={fields.name} maxLength={200} error={own.name} onChange={(name) => set({ name })} />
              <SelectField id={`${id}-kind`} label="Kind" value={fields.kind} options={options(actorKinds, actorKindLabels)} error={own.kind} onChange={(kind) => set({ kind })} />
              <TextField id={`${id}-title`} label="Title" value={fields.title} maxLength={200} error={own.title} hint="President, Foreign Minister…" onChange={(title) => set({ title })} />
              <RefField
                id={`${id}-affiliation`}
                label="Affiliation"
                hint="The state or organisation this actor acts for."
                value={fields.affiliationRef}
                state={state}
                error={own.affiliationRef}
                onChange={(affiliationRef) => set({ affiliationRef: affiliationRef === item.ref ? null : affiliationRef })}
                onRemember={onRemember}
              />
            </div>
            <MoreFields label={fields.name || 'the new actor'} forceOpen={hasErrorAmong(own, ['countryCode', 'aliases', 'description'])}>
              <Field id={`${id}-country`} label="Country" error={own.countryCode}>
                {(props) => <CountrySelect {...props} value={fields.countryCode} onChange={(countryCode) => set({ countryCode })} />}
              </Field>
              <ListField id={`${id}-aliases`} label="Aliases" value={fields.aliases} error={own.aliases} hint="Separated by commas." onChange={(aliases) => set({ aliases })} />
              <div className="sm:col-span-2">
                <TextField id={`${id}-description`} label="Description" rows={2} maxLength={2000} value={fields.description} error={own.description} onChange={(description) => set({ description })} />
              </div>
            </MoreFields>
          </>
        ) : null}
      </div>
    </SuggestionCard>
  );
}

export function reactionTitle(state: ReviewState, values: ReactionValues): string {
  const who = values.actorRefs.map((ref) => nameOfRef(state, ref)).join(', ') || 'No actor yet';
  return `${who} — ${reactionStanceLabels[values.primaryStance] ?? 'no stance'}`;
}

/** A suggested reaction with every field of the reaction form. */
export function ReactionReview({ index, item, state, errors, onChange, onRemember, parties }: ItemProps<ReactionItem> & { parties: ReadonlyArray<{ id: string; name: string }> }) {
  const id = `reactions-${index}`;
  const own = errorsOf(errors, `reactions.${index}.`);
  const values = item.values;
  const set = (patch: Partial<ReactionValues>) => onChange({ values: { ...values, ...patch } });
  const otherStances = reactionStances.filter((stance) => stance !== values.primaryStance);
  return (
    <SuggestionCard
      active={item.ticked}
      id={id}
      title={`Reaction ${index + 1}: ${reactionTitle(state, values)}`}
      tickLabel={`Accept reaction ${index + 1}`}
      ticked={item.ticked}
      onTick={(ticked) => onChange({ ticked })}
      tickError={own.ticked}
      duplicateOf={item.duplicateOf}
      evidence={item.evidence}
      why={item.why}
    >
      {item.ticked ? (
        <div className="mt-3 space-y-4">
          <div className="grid gap-4 sm:grid-cols-2">
            <RefsField
              id={`${id}-actors`}
              label="Signatories"
              hint="One actor, or every signatory of a joint statement."
              refs={values.actorRefs}
              state={state}
              error={own.actorRefs}
              onChange={(actorRefs) => set({ actorRefs })}
              onRemember={onRemember}
            />
            <SelectField
              id={`${id}-primary-stance`}
              label="Primary stance"
              value={values.primaryStance}
              options={options(reactionStances, reactionStanceLabels)}
              error={own.primaryStance}
              onChange={(primaryStance) => set({ primaryStance, stances: values.stances.filter((stance) => stance !== primaryStance) })}
            />
          </div>
          <fieldset aria-describedby={own.stances ? `${id}-stances-error` : undefined}>
            <legend className="text-sm font-medium text-stone-800">Other stances</legend>
            <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
              {otherStances.map((stance) => (
                <label key={stance} className="flex items-center gap-1.5 text-sm text-stone-700">
                  <input
                    type="checkbox"
                    className="size-4 accent-ink"
                    checked={values.stances.includes(stance)}
                    onChange={(event) =>
                      set({ stances: event.target.checked ? [...values.stances, stance] : values.stances.filter((other) => other !== stance) })
                    }
                  />
                  {reactionStanceLabels[stance]}
                </label>
              ))}
            </div>
            {own.stances ? (
              <p id={`${id}-stances-error`} role="alert" className="mt-1 text-sm text-red-700">
                {own.stances}
              </p>
            ) : null}
          </fieldset>
          <fieldset aria-describedby={own.targets ? `${id}-targets-error` : `${id}-targets-hint`}>
            <legend className="text-sm font-medium text-stone-800">Targets</legend>
            <p id={`${id}-targets-hint`} className="text-xs text-stone-500">
              The parties the stance concerns. None: the conflict as a whole.
            </p>
            {parties.length === 0 ? (
              <p className="mt-1 text-sm text-stone-500">This dossier has no parties to the conflict yet.</p>
            ) : (
              <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
                {parties.map((party) => (
                  <label key={party.id} className="flex items-center gap-1.5 text-sm text-stone-700">
                    <input
                      type="checkbox"
                      className="size-4 accent-ink"
                      checked={values.targets.includes(party.id)}
                      onChange={(event) =>
                        set({ targets: event.target.checked ? [...values.targets, party.id] : values.targets.filter((target) => target !== party.id) })
                      }
                    />
                    {party.name}
                  </label>
                ))}
              </div>
            )}
            {own.targets ? (
              <p id={`${id}-targets-error`} role="alert" className="mt-1 text-sm text-red-700">
                {own.targets}
              </p>
            ) : null}
          </fieldset>
          <div className="grid gap-4 sm:grid-cols-2">
            <MomentFields
              id={`${id}-reacted-at`}
              label="Reacted at"
              value={values.reactedAt}
              precision={values.reactedPrecision}
              showPrecision={false}
              errors={{ value: own.reactedAt }}
              onChange={({ value }) => set({ reactedAt: value })}
            />
            <TextField id={`${id}-quote`} label="Quote" rows={2} maxLength={10_000} value={values.quote} error={own.quote} onChange={(quote) => set({ quote })} />
            <div className="sm:col-span-2">
              <TextField
                id={`${id}-paraphrase`}
                label="Paraphrase"
                rows={2}
                maxLength={5000}
                value={values.paraphrase}
                error={own.paraphrase}
                onChange={(paraphrase) => set({ paraphrase })}
              />
            </div>
          </div>
          <MoreFields label={`reaction ${index + 1}`} forceOpen={hasErrorAmong(own, moreReactionFields)}>
            <RefField
              id={`${id}-speaker`}
              label="Speaker"
              hint="Who spoke for them, when not one of the actors."
              value={values.speakerRef}
              state={state}
              error={own.speakerRef}
              onChange={(speakerRef) => set({ speakerRef })}
              onRemember={onRemember}
            />
            <SelectField id={`${id}-channel`} label="Channel" value={values.channel} options={options(reactionChannels, reactionChannelLabels)} error={own.channel} onChange={(channel) => set({ channel })} />
            <PrecisionField
              id={`${id}-reacted-precision`}
              label="Reacted at precision"
              value={values.reactedAt}
              precision={values.reactedPrecision}
              error={own.reactedPrecision}
              onChange={({ value, precision }) => set({ reactedAt: value, reactedPrecision: precision })}
            />
            <TextField id={`${id}-original-text`} label="Original text" rows={2} maxLength={10_000} value={values.originalText} error={own.originalText} onChange={(originalText) => set({ originalText })} />
            <TextField id={`${id}-original-language`} label="Original language" maxLength={35} hint="A code such as fr, ru or tr." value={values.originalLanguage} error={own.originalLanguage} onChange={(originalLanguage) => set({ originalLanguage })} />
            <div className="sm:col-span-2">
              <TextField id={`${id}-excerpt`} label="Excerpt" rows={3} maxLength={5000} hint="What the reaction cites from the article." value={values.excerpt} error={own.excerpt} onChange={(excerpt) => set({ excerpt })} />
            </div>
            <ListField id={`${id}-tags`} label="Tags" value={values.tags} error={own.tags} hint="Separated by commas. Desk only." onChange={(tags) => set({ tags })} />
            <TextField id={`${id}-notes`} label="Internal notes" rows={2} maxLength={10_000} hint="Never shown publicly." value={values.internalNotes} error={own.internalNotes} onChange={(internalNotes) => set({ internalNotes })} />
          </MoreFields>
        </div>
      ) : null}
    </SuggestionCard>
  );
}

function FigureFields({ id, values, errors, set }: { id: string; values: ClaimValues; errors: Record<string, string>; set: (patch: Partial<ClaimValues>) => void }) {
  return (
    <fieldset className="sm:col-span-2">
      <legend className="text-sm font-medium text-stone-800">Figures</legend>
      <div className="mt-1 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {claimFigures.map((figure) => (
          <div key={figure}>
            <Field id={`${id}-${figure}`} label={claimFigureLabels[figure]} error={errors[figure]}>
              {(props) => (
                <Input
                  {...props}
                  type="number"
                  inputMode="numeric"
                  min={0}
                  step={1}
                  value={values[figure] ?? ''}
                  onChange={(event) => set({ [figure]: event.target.value === '' ? null : Number(event.target.value) })}
                />
              )}
            </Field>
            <label className="mt-1 flex items-center gap-1.5 text-sm text-stone-700">
              <input type="checkbox" className="size-4 accent-ink" checked={values[claimFigureAtLeast[figure]]} onChange={(event) => set({ [claimFigureAtLeast[figure]]: event.target.checked })} />
              At least ({claimFigureLabels[figure].toLowerCase()})
            </label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

/** A suggested claim with every field of the claim form (relations aside: the claims do not exist yet). */
export function ClaimReview({ index, item, state, errors, onChange, onRemember }: ItemProps<ClaimItem>) {
  const id = `claims-${index}`;
  const own = errorsOf(errors, `claims.${index}.`);
  const values = item.values;
  const set = (patch: Partial<ClaimValues>) => onChange({ values: { ...values, ...patch } });
  const figuresGiven = claimFigures.some((figure) => values[figure] !== null) || hasErrorAmong(own, [...claimFigures, ...Object.values(claimFigureAtLeast)]);
  const figures = <FigureFields id={id} values={values} errors={own} set={set} />;
  return (
    <SuggestionCard
      active={item.ticked}
      id={id}
      title={`Claim ${index + 1}: ${values.claimantRef ? nameOfRef(state, values.claimantRef) : 'No claimant yet'} — ${values.statement || 'no statement'}`}
      tickLabel={`Accept claim ${index + 1}`}
      ticked={item.ticked}
      onTick={(ticked) => onChange({ ticked })}
      tickError={own.ticked}
      duplicateOf={item.duplicateOf}
      evidence={item.evidence}
      why={item.why}
    >
      {item.ticked ? (
        <div className="mt-3 space-y-4">
          <div className="grid gap-4 sm:grid-cols-2">
            <RefField
              id={`${id}-claimant`}
              label="Claimant"
              value={values.claimantRef || null}
              state={state}
              error={own.claimantRef}
              onChange={(claimantRef) => set({ claimantRef: claimantRef ?? '' })}
              onRemember={onRemember}
            />
            <RefsField
              id={`${id}-about`}
              label="About"
              hint="The actors the claim accuses or concerns."
              refs={values.aboutRefs}
              state={state}
              error={own.aboutRefs}
              onChange={(aboutRefs) => set({ aboutRefs })}
              onRemember={onRemember}
            />
            <div className="sm:col-span-2">
              <TextField id={`${id}-statement`} label="Statement" rows={2} maxLength={2000} value={values.statement} error={own.statement} onChange={(statement) => set({ statement })} />
            </div>
            <SelectField id={`${id}-category`} label="Category" value={values.category} options={options(claimCategories, claimCategoryLabels)} error={own.category} onChange={(category) => set({ category })} />
            <MomentFields
              id={`${id}-said-at`}
              label="Said at"
              value={values.saidAt}
              precision={values.saidPrecision}
              showPrecision={false}
              errors={{ value: own.saidAt }}
              onChange={({ value }) => set({ saidAt: value })}
            />
            <TextField id={`${id}-quote`} label="Quote" rows={2} maxLength={10_000} value={values.quote} error={own.quote} onChange={(quote) => set({ quote })} />
            <SelectField id={`${id}-quote-kind`} label="Quote kind" value={values.quoteKind} options={options(quoteKinds, quoteKindLabels)} error={own.quoteKind} onChange={(quoteKind) => set({ quoteKind })} />
            {figuresGiven ? figures : null}
          </div>
          <MoreFields label={`claim ${index + 1}`} forceOpen={hasErrorAmong(own, moreClaimFields)}>
            {figuresGiven ? null : figures}
            <PrecisionField
              id={`${id}-said-precision`}
              label="Said at precision"
              value={values.saidAt}
              precision={values.saidPrecision}
              error={own.saidPrecision}
              onChange={({ value, precision }) => set({ saidAt: value, saidPrecision: precision })}
            />
            <MomentFields
              id={`${id}-occurred-at`}
              label="Occurred at"
              value={values.occurredAt}
              precision={values.occurredPrecision}
              errors={{ value: own.occurredAt, precision: own.occurredPrecision }}
              onChange={({ value, precision }) => set({ occurredAt: value, occurredPrecision: precision })}
            />
            <TextField id={`${id}-place`} label="Place" maxLength={300} value={values.place} error={own.place} onChange={(place) => set({ place })} />
            <SelectField id={`${id}-status`} label="Status" value={values.status} options={options(verificationStatuses, verificationStatusLabels)} error={own.status} onChange={(status) => set({ status })} />
            <SelectField
              id={`${id}-credibility`}
              label="Credibility"
              value={values.credibility}
              options={credibilityGrades.map((grade) => [grade as number, credibilityLabels[grade]] as const)}
              error={own.credibility}
              onChange={(credibility) => set({ credibility })}
            />
            <TextField id={`${id}-status-explanation`} label="Status explanation" rows={2} maxLength={5000} hint="Public: why the desk gives this status." value={values.statusExplanation} error={own.statusExplanation} onChange={(statusExplanation) => set({ statusExplanation })} />
            <TextField id={`${id}-original-text`} label="Original text" rows={2} maxLength={10_000} value={values.originalText} error={own.originalText} onChange={(originalText) => set({ originalText })} />
            <TextField id={`${id}-original-language`} label="Original language" maxLength={35} hint="A code such as az, hy or ru." value={values.originalLanguage} error={own.originalLanguage} onChange={(originalLanguage) => set({ originalLanguage })} />
            <div className="sm:col-span-2">
              <TextField id={`${id}-excerpt`} label="Excerpt" rows={3} maxLength={5000} hint="What the claim cites from the article." value={values.excerpt} error={own.excerpt} onChange={(excerpt) => set({ excerpt })} />
            </div>
            <ListField id={`${id}-tags`} label="Tags" value={values.tags} error={own.tags} hint="Separated by commas." onChange={(tags) => set({ tags })} />
            <TextField id={`${id}-notes`} label="Internal notes" rows={2} maxLength={10_000} hint="Never shown publicly." value={values.internalNotes} error={own.internalNotes} onChange={(internalNotes) => set({ internalNotes })} />
          </MoreFields>
        </div>
      ) : null}
    </SuggestionCard>
  );
}
