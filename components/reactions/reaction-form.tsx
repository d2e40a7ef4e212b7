'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { Controller, useWatch } from 'react-hook-form';
import { ActorMultiPicker, ActorPicker, type PickedActor } from '@/components/actors/actor-picker';
import { CitedSourcesFields } from '@/components/forms/cited-sources-fields';
import { DeskOnlyFields } from '@/components/forms/desk-only-fields';
import { rowField } from '@/components/forms/field-rows';
import { MomentInput, momentInPrecision, type Moment } from '@/components/forms/moment-input';
import { useDeskForm } from '@/components/forms/use-desk-form';
import { FormErrorBanner } from '@/components/ui/form-banner';
import { linkStyle } from '@/components/ui/links';
import { Button, Field, Input, Notice, Select, Textarea } from '@/components/ui/primitives';
import { countingKinds, isCountingKind } from '@/server/reactions/counts-for';
import { defaultAlignments } from '@/server/reactions/alignment';
import { createReactionInput, MAX_REACTION_SOURCES, type CreateReactionFormValues } from '@/server/reactions/reactions.input';
import {
  alignmentLabels,
  alignments,
  datePrecisionLabels,
  datePrecisions,
  reactionChannelLabels,
  reactionChannels,
  reactionStanceLabels,
  reactionStances,
  type Alignment,
  type DatePrecision,
  type ReactionStance,
} from '@/server/reactions/reactions.labels';
import { useTRPC } from '@/trpc/client';
import type { ReactionDetail } from './reaction-badges';
import { reactionPaths } from './reaction-paths';

/** What a signatory may be set to count for: the kinds the roll-up stops at. */
const OVERRIDE_KINDS = [...countingKinds];

export type { ReactionDetail } from './reaction-badges';

/** The form's fields: the create input without the dossier (the page knows it). Update sends the same plus id/version. */
const reactionFormSchema = createReactionInput.omit({ dossierId: true });
type Values = Omit<CreateReactionFormValues, 'dossierId'>;

/** What a link fills in on a new reaction (e.g. "Add reaction" beside a watch-list member that has not reacted). */
export interface ReactionPrefill {
  actors?: PickedActor[];
}

export interface ReactionFormDossier {
  id: string;
  slug: string;
}

/** Kinds a reaction counts for (the override picker offers only these). */

/** Stances in taxonomy order. */
const inTaxonomyOrder = (stances: readonly ReactionStance[]) => reactionStances.filter((stance) => stances.includes(stance));

function initialValues(reaction: ReactionDetail | undefined, prefill: ReactionPrefill | undefined): Values {
  if (reaction) {
    return {
      actors: reaction.signatories.map((signatory) => ({ actorId: signatory.actor.id, countsForId: signatory.overridden ? signatory.countsFor.id : null })),
      speakerId: reaction.speaker?.id ?? null,
      reactedAt: reaction.reactedAt,
      reactedPrecision: reaction.reactedPrecision,
      channel: reaction.channel,
      primaryStance: reaction.primaryStance,
      stances: inTaxonomyOrder(reaction.stances),
      targets: reaction.targets.map((target) => target.id),
      alignments: reaction.alignments.filter((item) => item.edited).map((item) => ({ partyId: item.party.id, alignment: item.alignment })),
      quote: reaction.quote,
      originalText: reaction.originalText,
      originalLanguage: reaction.originalLanguage,
      paraphrase: reaction.paraphrase,
      sources: reaction.sources.map((item) => ({ sourceId: item.source.id, excerpt: item.excerpt })),
      tags: reaction.tags,
      internalNotes: reaction.internalNotes,
    };
  }
  return {
    actors: (prefill?.actors ?? []).map((actor) => ({ actorId: actor.id, countsForId: null })),
    speakerId: null,
    reactedAt: '',
    reactedPrecision: 'day',
    channel: 'statement',
    // Empty until the editor picks a stance; the schema then asks for one.
    primaryStance: '' as ReactionStance,
    stances: [],
    targets: [],
    alignments: [],
    quote: '',
    originalText: '',
    originalLanguage: '',
    paraphrase: '',
    sources: [],
    tags: [],
    internalNotes: '',
  };
}

/** Names of the actors the form refers to by id, so chips show names without asking again. */
function initialNames(reaction: ReactionDetail | undefined, prefill: ReactionPrefill | undefined) {
  const actors = new Map<string, PickedActor>();
  if (reaction) {
    for (const { actor, countsFor } of reaction.signatories) {
      actors.set(actor.id, { id: actor.id, name: actor.name, kind: actor.kind });
      actors.set(countsFor.id, { id: countsFor.id, name: countsFor.name, kind: countsFor.kind });
    }
    if (reaction.speaker) actors.set(reaction.speaker.id, { id: reaction.speaker.id, name: reaction.speaker.name, kind: reaction.speaker.kind });
  }
  for (const actor of prefill?.actors ?? []) actors.set(actor.id, actor);
  return actors;
}

/**
 * The state or organisation an actor's reaction counts for unless overridden: itself when it is one, else the
 * nearest one up its affiliations, else the top of the chain (as server/reactions/counts-for.ts rolls up).
 */
function RollUp({ actorId, depth = 0 }: { actorId: string; depth?: number }) {
  const trpc = useTRPC();
  const actor = useQuery(trpc.actors.byId.queryOptions({ id: actorId }, { staleTime: 60_000 }));
  if (!actor.data) return <>{actor.error ? 'unknown' : '…'}</>;
  const { name, kind, affiliationId } = actor.data;
  if (isCountingKind(kind) || !affiliationId || depth >= 20) {
    return depth === 0 ? (
      <>itself</>
    ) : (
      <>
        {name} <span className="text-stone-500">(by affiliation)</span>
      </>
    );
  }
  return <RollUp actorId={affiliationId} depth={depth + 1} />;
}

/** One signatory's line: what it counts for (the roll-up by default), with an optional override for this reaction. */
function SignatoryCountsFor({
  index,
  actor,
  countsFor,
  error,
  disabled,
  onChange,
}: {
  index: number;
  actor: PickedActor;
  countsFor: PickedActor | null;
  error?: string;
  disabled: boolean;
  onChange: (countsFor: PickedActor | null) => void;
}) {
  const [open, setOpen] = useState(Boolean(countsFor));
  const panelId = useId();
  const inputId = `reaction-actor-${index}-counts-for`;
  const errorId = `${inputId}-error`;
  return (
    <li className="rounded-md border border-stone-200 bg-stone-50/60 px-3 py-2 text-sm">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p>
          <span className="font-medium text-stone-900">{actor.name}</span>
          <span className="text-stone-600">
            {' '}
            counts for{' '}
            {countsFor ? (
              <strong className="font-medium text-stone-900">{countsFor.name} (set for this reaction)</strong>
            ) : (
              <span>
                <RollUp actorId={actor.id} />
              </span>
            )}
          </span>
        </p>
        <Button variant="ghost" className="px-2 py-1" aria-expanded={open} aria-controls={panelId} disabled={disabled} onClick={() => setOpen(!open)}>
          {open ? 'Hide' : 'Change'}
          <span className="sr-only"> what {actor.name} counts for</span>
        </Button>
      </div>
      <div id={panelId} hidden={!open} className="mt-2">
        <label htmlFor={inputId} className="block text-sm font-medium text-stone-800">
          {actor.name} counts for
        </label>
        <ActorPicker
          inputProps={{ id: inputId, 'aria-invalid': Boolean(error), 'aria-describedby': [`${inputId}-hint`, error ? errorId : null].filter(Boolean).join(' ') }}
          kinds={OVERRIDE_KINDS}
          value={countsFor}
          disabled={disabled}
          onChange={onChange}
        />
        <p id={`${inputId}-hint`} className="mt-1 text-xs text-stone-500">
          A state or international organisation, for this reaction only (a head of state speaking as chair of an organisation). Remove
          it to use the default.
        </p>
      </div>
      {error ? (
        <p id={errorId} role="alert" className="mt-1 text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </li>
  );
}

/** Toggle chips for the stances (aria-pressed) and a radio group picking the primary one among those chosen. */
function StancePicker({
  stances,
  primary,
  onChange,
  error,
  disabled,
}: {
  stances: readonly ReactionStance[];
  primary: ReactionStance | '';
  onChange: (next: { stances: ReactionStance[]; primary: ReactionStance | '' }) => void;
  error?: string;
  disabled: boolean;
}) {
  const chosen = inTaxonomyOrder(stances.includes(primary as ReactionStance) || !primary ? stances : [...stances, primary as ReactionStance]);
  const toggle = (stance: ReactionStance) => {
    if (chosen.includes(stance)) {
      const next = chosen.filter((other) => other !== stance);
      onChange({ stances: next, primary: primary === stance ? (next[0] ?? '') : primary });
    } else {
      onChange({ stances: inTaxonomyOrder([...chosen, stance]), primary: primary || stance });
    }
  };
  return (
    <div className="space-y-3">
      <div role="group" aria-labelledby="reaction-stances-label" aria-describedby={`reaction-stances-hint${error ? ' reaction-stances-error' : ''}`}>
        <p id="reaction-stances-label" className="text-sm font-medium text-stone-800">
          Stances
        </p>
        <p id="reaction-stances-hint" className="text-xs text-stone-500">
          Pick every stance the reaction takes; the first one picked becomes primary.
        </p>
        <div className="mt-2 flex flex-wrap gap-2">
          {reactionStances.map((stance) => {
            const on = chosen.includes(stance);
            return (
              <button
                key={stance}
                type="button"
                aria-pressed={on}
                disabled={disabled}
                onClick={() => toggle(stance)}
                className={`rounded-full px-3 py-1 text-sm font-medium ring-1 transition focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 ${
                  on ? 'bg-ink text-white ring-ink hover:bg-slate-800' : 'bg-white text-stone-800 ring-stone-300 hover:bg-stone-100'
                }`}
              >
                <span aria-hidden="true">{on ? '✓ ' : ''}</span>
                {reactionStanceLabels[stance]}
              </button>
            );
          })}
        </div>
      </div>
      {chosen.length > 0 ? (
        <fieldset>
          <legend className="text-sm font-medium text-stone-800">Primary stance</legend>
          <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
            {chosen.map((stance) => (
              <label key={stance} className="flex items-center gap-1.5 text-sm text-stone-700">
                <input
                  type="radio"
                  name="reaction-primary-stance"
                  className="size-4 accent-ink"
                  value={stance}
                  checked={primary === stance}
                  disabled={disabled}
                  onChange={() => onChange({ stances: chosen, primary: stance })}
                />
                {reactionStanceLabels[stance]}
              </label>
            ))}
          </div>
        </fieldset>
      ) : null}
      {error ? (
        <p id="reaction-stances-error" role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/**
 * Create or edit a reaction: who reacted (one actor or a joint statement; what each counts for, overridable), who
 * spoke, when and how, its stances (one primary), the parties it targets and where it stands towards each (defaults
 * follow the stances and targets live; the editor overrides per party), the words, the sources with excerpts, tags
 * and desk notes. Validated in the browser with the router's own schema; server refusals land on their fields.
 */
export function ReactionForm({ dossier, reaction, prefill }: { dossier: ReactionFormDossier; reaction?: ReactionDetail; prefill?: ReactionPrefill }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [initial] = useState(() => initialValues(reaction, prefill));
  const [names] = useState(() => initialNames(reaction, prefill));
  const [, rerender] = useState(0);
  const rememberActor = (actor: PickedActor) => {
    names.set(actor.id, actor);
    rerender((count) => count + 1);
  };
  const nameOf = (id: string): PickedActor => names.get(id) ?? { id, name: 'Chosen actor' };

  const { form, serverError, onServerError, submitHandler, errorOf } = useDeskForm({
    schema: reactionFormSchema,
    defaultValues: initial,
  });
  const { register, control } = form;
  const watched = useWatch({ control });

  const parties = useQuery(trpc.parties.list.queryOptions({ dossierId: dossier.id }));
  const partyList = (parties.data ?? []).filter((party) => party.role === 'party').map((party) => ({ id: party.actor.id, name: party.actor.name }));
  // A target or an edited alignment towards a party no longer listed stays visible, so nothing is dropped silently.
  for (const target of reaction?.targets ?? []) if (!partyList.some((party) => party.id === target.id)) partyList.push(target);

  const onSuccess = (saved: { id: string }) => {
    router.push(reactionPaths.reaction(dossier.slug, saved.id));
    router.refresh();
  };
  const create = useMutation(trpc.reactions.create.mutationOptions({ onSuccess, onError: onServerError }));
  const update = useMutation(trpc.reactions.update.mutationOptions({ onSuccess, onError: onServerError }));
  const pending = create.isPending || update.isPending || create.isSuccess || update.isSuccess;

  const submit = submitHandler((values) => {
    if (reaction) update.mutate({ ...values, id: reaction.id, version: reaction.version });
    else create.mutate({ ...values, dossierId: dossier.id });
  });

  const deleted = Boolean(reaction?.deletedAt);
  const stances = (watched.stances ?? []).filter(Boolean) as ReactionStance[];
  const primary = (watched.primaryStance ?? '') as ReactionStance | '';
  const targets = (watched.targets ?? []).filter(Boolean) as string[];
  const edited = new Map(
    (watched.alignments ?? []).flatMap((row) => (row?.partyId && row.alignment ? [[row.partyId, row.alignment as Alignment] as const] : [])),
  );
  const defaults = defaultAlignments(primary ? [...new Set([primary, ...stances])] : stances, targets, partyList.map((party) => party.id));

  const actorsError = errorOf('actors');
  const stanceError = errorOf('primaryStance') ? (primary ? errorOf('primaryStance') : 'Choose at least one stance') : errorOf('stances');

  const setAlignment = (partyId: string, value: Alignment | '') => {
    const rest = (form.getValues('alignments') ?? []).filter((row) => row.partyId !== partyId);
    form.setValue('alignments', value ? [...rest, { partyId, alignment: value }] : rest, { shouldDirty: true });
  };

  return (
    <form noValidate onSubmit={submit} className="max-w-4xl">
      <fieldset disabled={deleted} className="space-y-8">
        <legend className="sr-only">{reaction ? 'Edit reaction' : 'New reaction'}</legend>
        {deleted ? (
          <Notice>
            This reaction is deleted. Restore it from its page to edit it.
          </Notice>
        ) : null}
        <FormErrorBanner errors={serverError} editing={Boolean(reaction)} />

        <section aria-labelledby="reaction-who-heading" className="space-y-5">
          <h2 id="reaction-who-heading" className="text-lg font-semibold text-ink">
            Who reacted
          </h2>
          <Controller
            control={control}
            name="actors"
            render={({ field }) => {
              const rows = field.value ?? [];
              return (
                <div className="space-y-3">
                  <Field
                    id="reaction-actors"
                    label="Actors"
                    error={actorsError}
                    hint="One actor, or every signatory of a joint statement. A minister or spokesman counts for the state or organisation it is affiliated to."
                  >
                    {(props) => (
                      <ActorMultiPicker
                        inputProps={props}
                        value={rows.map((row) => nameOf(row.actorId))}
                        allowCreate
                        onChange={(picked) => {
                          picked.forEach(rememberActor);
                          field.onChange(
                            picked.map((actor) => ({ actorId: actor.id, countsForId: rows.find((row) => row.actorId === actor.id)?.countsForId ?? null })),
                          );
                        }}
                      />
                    )}
                  </Field>
                  {rows.length > 0 ? (
                    <ul aria-label="What each actor counts for" className="space-y-2">
                      {rows.map((row, index) => (
                        <SignatoryCountsFor
                          key={row.actorId}
                          index={index}
                          actor={nameOf(row.actorId)}
                          countsFor={row.countsForId ? nameOf(row.countsForId) : null}
                          error={errorOf(rowField<Values>('actors', index, 'countsForId')) ?? errorOf(rowField<Values>('actors', index, 'actorId'))}
                          disabled={deleted}
                          onChange={(countsFor) => {
                            if (countsFor) rememberActor(countsFor);
                            field.onChange(rows.map((other, at) => (at === index ? { ...other, countsForId: countsFor?.id ?? null } : other)));
                          }}
                        />
                      ))}
                    </ul>
                  ) : null}
                </div>
              );
            }}
          />
          <Field
            id="reaction-speaker"
            label="Speaker"
            error={errorOf('speakerId')}
            hint="Who spoke for them, when not one of the actors: a spokesman, a minister."
          >
            {(props) => (
              <Controller
                control={control}
                name="speakerId"
                render={({ field }) => (
                  <ActorPicker
                    inputProps={props}
                    value={field.value ? nameOf(field.value) : null}
                    allowCreate
                    onChange={(actor) => {
                      if (actor) rememberActor(actor);
                      field.onChange(actor?.id ?? null);
                    }}
                  />
                )}
              />
            )}
          </Field>
          <div className="grid gap-5 sm:grid-cols-3">
            <Field id="reaction-reacted-at" label="Reacted at" error={errorOf('reactedAt')} hint="UTC.">
              {(props) => (
                <Controller
                  control={control}
                  name="reactedAt"
                  render={({ field }) => (
                    <MomentInput {...props} value={field.value as Moment} precision={watched.reactedPrecision ?? 'day'} onChange={field.onChange} />
                  )}
                />
              )}
            </Field>
            <Field id="reaction-reacted-precision" label="Reacted at precision" error={errorOf('reactedPrecision')}>
              {(props) => (
                <Select
                  {...props}
                  {...register('reactedPrecision', {
                    onChange: (event: React.ChangeEvent<HTMLSelectElement>) => {
                      // Keep the moment, in the shape the other input needs.
                      const moved = momentInPrecision(form.getValues('reactedAt') as Moment, event.target.value as DatePrecision);
                      if (moved !== null) form.setValue('reactedAt', moved);
                    },
                  })}
                >
                  {datePrecisions.map((value) => (
                    <option key={value} value={value}>
                      {datePrecisionLabels[value]}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
            <Field id="reaction-channel" label="Channel" error={errorOf('channel')}>
              {(props) => (
                <Select {...props} {...register('channel')}>
                  {reactionChannels.map((value) => (
                    <option key={value} value={value}>
                      {reactionChannelLabels[value]}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
          </div>
        </section>

        <section aria-labelledby="reaction-stance-heading" className="space-y-5">
          <h2 id="reaction-stance-heading" className="text-lg font-semibold text-ink">
            Stance and alignment
          </h2>
          <StancePicker
            stances={stances}
            primary={primary}
            error={stanceError}
            disabled={deleted}
            onChange={(next) => {
              form.setValue('stances', next.stances, { shouldDirty: true });
              form.setValue('primaryStance', next.primary as ReactionStance, { shouldDirty: true, shouldValidate: form.formState.isSubmitted });
            }}
          />

          <Controller
            control={control}
            name="targets"
            render={({ field }) => (
              <fieldset aria-describedby={`reaction-targets-hint${errorOf('targets') ? ' reaction-targets-error' : ''}`}>
                <legend className="text-sm font-medium text-stone-800">Targets</legend>
                <p id="reaction-targets-hint" className="text-xs text-stone-500">
                  The parties the stance concerns (supported, condemned…). None: the conflict as a whole.
                </p>
                {partyList.length === 0 ? (
                  <p className="mt-1 text-sm text-stone-500">{parties.isPending ? 'Loading parties…' : 'This dossier has no parties to the conflict yet.'}</p>
                ) : (
                  <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
                    {partyList.map((party) => {
                      const value = field.value ?? [];
                      return (
                        <label key={party.id} className="flex items-center gap-1.5 text-sm text-stone-700">
                          <input
                            type="checkbox"
                            className="size-4 accent-ink"
                            checked={value.includes(party.id)}
                            onChange={(event) =>
                              field.onChange(event.target.checked ? [...value, party.id] : value.filter((id) => id !== party.id))
                            }
                          />
                          {party.name}
                        </label>
                      );
                    })}
                  </div>
                )}
                {errorOf('targets') ? (
                  <p id="reaction-targets-error" role="alert" className="mt-1 text-sm text-red-700">
                    {errorOf('targets')}
                  </p>
                ) : null}
              </fieldset>
            )}
          />

          {partyList.length > 0 ? (
            <fieldset aria-describedby={`reaction-alignments-hint${errorOf('alignments') ? ' reaction-alignments-error' : ''}`}>
              <legend className="text-sm font-medium text-stone-800">Alignment towards each party</legend>
              <p id="reaction-alignments-hint" className="text-xs text-stone-500">
                Follows the stances and targets unless set here. Only alignments set by hand are saved as such.
              </p>
              <table className="mt-2 w-full max-w-xl text-left text-sm">
                <thead className="text-xs tracking-wide text-stone-500 uppercase">
                  <tr>
                    <th scope="col" className="py-1 pr-3 font-medium">
                      Party
                    </th>
                    <th scope="col" className="py-1 pr-3 font-medium">
                      Default
                    </th>
                    <th scope="col" className="py-1 font-medium">
                      Alignment
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-stone-100">
                  {partyList.map((party, index) => {
                    const own = edited.get(party.id);
                    const fallback = defaults[party.id] ?? 'unclear';
                    const id = `reaction-alignment-${index}`;
                    return (
                      <tr key={party.id}>
                        <th scope="row" className="py-1.5 pr-3 font-medium text-stone-800">
                          {party.name}
                        </th>
                        <td className="py-1.5 pr-3 text-stone-600">
                          {alignmentLabels[fallback]}
                        </td>
                        <td className="py-1.5">
                          <label htmlFor={id} className="sr-only">
                            Alignment towards {party.name}
                          </label>
                          <Select
                            id={id}
                            className="mt-0"
                            value={own ?? ''}
                            onChange={(event) => setAlignment(party.id, event.target.value as Alignment | '')}
                          >
                            <option value="">Default ({alignmentLabels[fallback]})</option>
                            {alignments.map((value) => (
                              <option key={value} value={value}>
                                {alignmentLabels[value]} (set by hand)
                              </option>
                            ))}
                          </Select>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
              {errorOf('alignments') ? (
                <p id="reaction-alignments-error" role="alert" className="mt-1 text-sm text-red-700">
                  {errorOf('alignments')}
                </p>
              ) : null}
            </fieldset>
          ) : null}
        </section>

        <section aria-labelledby="reaction-words-heading" className="space-y-5">
          <h2 id="reaction-words-heading" className="text-lg font-semibold text-ink">
            Words
          </h2>
          <p className="text-sm text-stone-600">A quote, a paraphrase, or both.</p>
          <Field id="reaction-quote" label="Quote" error={errorOf('quote')} hint="The actor’s words verbatim in English, or the translation of the original.">
            {(props) => <Textarea {...props} {...register('quote')} rows={3} maxLength={10_000} />}
          </Field>
          <div className="grid gap-5 sm:grid-cols-[minmax(0,3fr)_minmax(0,1fr)]">
            <Field id="reaction-original-text" label="Original text" error={errorOf('originalText')} hint="The words as said, when not in English.">
              {(props) => <Textarea {...props} {...register('originalText')} rows={2} maxLength={10_000} />}
            </Field>
            <Field id="reaction-original-language" label="Original language" error={errorOf('originalLanguage')} hint="A code such as fr, ru or tr.">
              {(props) => <Input {...props} {...register('originalLanguage')} maxLength={35} autoComplete="off" spellCheck={false} />}
            </Field>
          </div>
          <Field id="reaction-paraphrase" label="Paraphrase" error={errorOf('paraphrase')} hint="What the reaction says, in the desk’s words.">
            {(props) => <Textarea {...props} {...register('paraphrase')} rows={2} maxLength={5000} />}
          </Field>
        </section>

        <CitedSourcesFields
          control={control}
          register={register}
          errorOf={errorOf}
          idPrefix="reaction"
          dossier={dossier}
          cited={reaction?.sources}
          max={MAX_REACTION_SOURCES}
          description="Where the reaction is reported, each with the exact excerpt. A reaction without a source is never shown publicly."
        />

        <DeskOnlyFields control={control} register={register} errorOf={errorOf} idPrefix="reaction" tagsHint="Separated by commas. Desk only." />

        <div className="flex items-center gap-4 border-t border-stone-200 pt-5">
          {deleted ? null : (
            <Button type="submit" disabled={pending}>
              Save reaction
            </Button>
          )}
          <Link href={reaction ? reactionPaths.reaction(dossier.slug, reaction.id) : reactionPaths.list(dossier.slug)} className={`text-sm ${linkStyle}`}>
            Cancel
          </Link>
        </div>
      </fieldset>
    </form>
  );
}
