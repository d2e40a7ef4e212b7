'use client';

import { useMutation } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Controller, useWatch } from 'react-hook-form';
import { ActorMultiPicker, ActorPicker, type PickedActor } from '@/components/actors/actor-picker';
import { CitedSourcesFields } from '@/components/forms/cited-sources-fields';
import { DeskOnlyFields } from '@/components/forms/desk-only-fields';
import { FieldRows, rowField } from '@/components/forms/field-rows';
import { MomentInput, momentInPrecision, type Moment } from '@/components/forms/moment-input';
import { useDeskForm } from '@/components/forms/use-desk-form';
import { FormErrorBanner } from '@/components/ui/form-banner';
import { readServerError } from '@/components/ui/form-errors';
import { linkStyle } from '@/components/ui/links';
import { Button, ErrorBanner, Field, Input, Label, Notice, Select, Textarea } from '@/components/ui/primitives';
import { createClaimInput, MAX_CLAIM_SOURCES, MAX_RELATIONS, type CreateClaimFormValues } from '@/server/claims/claims.input';
import {
  claimCategories,
  claimCategoryLabels,
  claimFigureAtLeast,
  claimFigureLabels,
  claimFigures,
  claimRelationKinds,
  claimRelationLabels,
  correctionKindLabels,
  correctionKinds,
  credibilityGrades,
  credibilityLabels,
  datePrecisionLabels,
  datePrecisions,
  quoteKindLabels,
  quoteKinds,
  verificationStatusLabels,
  verificationStatuses,
  noClaimFigures,
  type CorrectionKind,
  type DatePrecision,
} from '@/server/claims/claims.labels';
import type { AppRouter } from '@/server/trpc/root';
import { useTRPC } from '@/trpc/client';
import { claimPaths } from './claim-paths';
import { ClaimPicker, type PickedClaim } from './claim-picker';

export type ClaimDetail = inferRouterOutputs<AppRouter>['claims']['byId'];

/** The form's fields: the create input without the dossier (the page knows it). Update sends the same plus id/version. */
const claimFormSchema = createClaimInput.omit({ dossierId: true });
type Values = Omit<CreateClaimFormValues, 'dossierId'>;

/** What "Add counterclaim" (or any link) fills in on a new claim. */
export interface ClaimPrefill {
  claimant?: PickedActor | null;
  about?: PickedActor[];
  saidAt?: Date | string | null;
  saidPrecision?: DatePrecision;
  category?: Values['category'];
  relations?: Array<{ kind: 'counters' | 'corroborates' | 'updates'; claim: PickedClaim }>;
}

export interface ClaimFormDossier {
  id: string;
  slug: string;
  status: 'draft' | 'published';
}

function initialValues(claim: ClaimDetail | undefined, prefill: ClaimPrefill | undefined): Values {
  if (claim) {
    return {
      claimantId: claim.claimantId,
      about: claim.about.map((actor) => actor.id),
      statement: claim.statement,
      quote: claim.quote,
      quoteKind: claim.quoteKind,
      originalText: claim.originalText,
      originalLanguage: claim.originalLanguage,
      saidAt: claim.saidAt,
      saidPrecision: claim.saidPrecision,
      occurredAt: claim.occurredAt,
      occurredPrecision: claim.occurredPrecision,
      place: claim.place,
      category: claim.category,
      killed: claim.killed,
      killedAtLeast: claim.killedAtLeast,
      wounded: claim.wounded,
      woundedAtLeast: claim.woundedAtLeast,
      displaced: claim.displaced,
      displacedAtLeast: claim.displacedAtLeast,
      equipmentDestroyed: claim.equipmentDestroyed,
      equipmentDestroyedAtLeast: claim.equipmentDestroyedAtLeast,
      status: claim.status,
      statusExplanation: claim.statusExplanation,
      credibility: claim.credibility,
      tags: claim.tags,
      internalNotes: claim.internalNotes,
      sources: claim.sources.map((item) => ({ sourceId: item.source.id, excerpt: item.excerpt })),
      relations: claim.relations.outgoing.map((relation) => ({ kind: relation.kind, toClaimId: relation.claim.id })),
    };
  }
  return {
    claimantId: prefill?.claimant?.id ?? '',
    about: prefill?.about?.map((actor) => actor.id) ?? [],
    statement: '',
    quote: '',
    quoteKind: 'paraphrase',
    originalText: '',
    originalLanguage: '',
    saidAt: prefill?.saidAt ?? '',
    saidPrecision: prefill?.saidPrecision ?? 'day',
    occurredAt: '',
    occurredPrecision: 'day',
    place: '',
    category: prefill?.category ?? 'other',
    ...noClaimFigures,
    status: 'unverified',
    statusExplanation: '',
    credibility: 6,
    tags: [],
    internalNotes: '',
    sources: [],
    relations: prefill?.relations?.map((relation) => ({ kind: relation.kind, toClaimId: relation.claim.id })) ?? [],
  };
}

/** Names of the actors and claims the form refers to by id, so chips show names without asking again. */
function initialNames(claim: ClaimDetail | undefined, prefill: ClaimPrefill | undefined) {
  const actors = new Map<string, PickedActor>();
  const claims = new Map<string, PickedClaim>();
  if (claim) {
    actors.set(claim.claimant.id, { id: claim.claimant.id, name: claim.claimant.name });
    for (const actor of claim.about) actors.set(actor.id, { id: actor.id, name: actor.name });
    for (const relation of claim.relations.outgoing) {
      claims.set(relation.claim.id, { id: relation.claim.id, statement: relation.claim.statement, claimantName: relation.claim.claimantName });
    }
  }
  if (prefill?.claimant) actors.set(prefill.claimant.id, prefill.claimant);
  for (const actor of prefill?.about ?? []) actors.set(actor.id, actor);
  for (const relation of prefill?.relations ?? []) claims.set(relation.claim.id, relation.claim);
  return { actors, claims };
}

const figureText = (value: unknown) => (value === null || value === undefined || value === '' ? null : Number(value));

/**
 * Create or edit a claim: who said what about whom, when, how it is graded, the sources it cites (each with the
 * exact excerpt) and how it relates to other claims of the dossier. Validated in the browser with the router's own
 * schema; server refusals land on their fields. Editing a claim of a published dossier asks for a public correction
 * note when its statement, status or figures change.
 */
export function ClaimForm({ dossier, claim, prefill }: { dossier: ClaimFormDossier; claim?: ClaimDetail; prefill?: ClaimPrefill }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [initial] = useState(() => initialValues(claim, prefill));
  const [names] = useState(() => initialNames(claim, prefill));
  const [, rerender] = useState(0);
  const rememberActor = (actor: PickedActor) => {
    names.actors.set(actor.id, actor);
    rerender((count) => count + 1);
  };
  const [correction, setCorrection] = useState<{ kind: CorrectionKind; note: string }>({ kind: 'correction', note: '' });
  const [correctionError, setCorrectionError] = useState<string | null>(null);

  const { form, serverError, onServerError, submitHandler, errorOf } = useDeskForm({
    schema: claimFormSchema,
    defaultValues: initial,
  });
  const { register, control } = form;
  const watched = useWatch({ control });

  const onError = (error: unknown) => {
    const correctionIssue = readServerError(error).issues.find((issue) => issue.path?.startsWith('correction'));
    if (correctionIssue) setCorrectionError(correctionIssue.message);
    else onServerError(error);
  };
  const onSuccess = (saved: { id: string }) => {
    router.push(claimPaths.claim(dossier.slug, saved.id));
    router.refresh();
  };
  const create = useMutation(trpc.claims.create.mutationOptions({ onSuccess, onError }));
  const update = useMutation(trpc.claims.update.mutationOptions({ onSuccess, onError }));
  const pending = create.isPending || update.isPending || create.isSuccess || update.isSuccess;

  // A published claim's statement, status or figures changing needs a public, dated note.
  const publicChange =
    Boolean(claim) &&
    dossier.status === 'published' &&
    ((watched.statement ?? '').trim() !== initial.statement ||
      watched.status !== initial.status ||
      claimFigures.some((figure) => figureText(watched[figure]) !== figureText(initial[figure]) || watched[claimFigureAtLeast[figure]] !== initial[claimFigureAtLeast[figure]]));

  const submit = submitHandler((values) => {
    setCorrectionError(null);
    if (claim) {
      if (publicChange && !correction.note.trim()) {
        setCorrectionError('Correction note is required: say publicly what changed and why');
        return;
      }
      update.mutate({ ...values, id: claim.id, version: claim.version, correction: publicChange ? correction : null });
    } else {
      create.mutate({ ...values, dossierId: dossier.id });
    }
  });

  const deleted = Boolean(claim?.deletedAt);
  const claimantError = errorOf('claimantId');

  return (
    <form noValidate onSubmit={submit} className="max-w-4xl">
      <fieldset disabled={deleted} className="space-y-8">
        <legend className="sr-only">{claim ? 'Edit claim' : 'New claim'}</legend>
        {deleted ? (
          <Notice>
            This claim is deleted. Restore it from its page to edit it.
          </Notice>
        ) : null}
        <FormErrorBanner errors={serverError} editing={Boolean(claim)} />

        <section aria-labelledby="claim-who-heading" className="space-y-5">
          <h2 id="claim-who-heading" className="text-lg font-semibold text-ink">
            Who said what
          </h2>
          <Field
            id="claim-claimant"
            label="Claimant"
            error={claimantError ? (watched.claimantId ? claimantError : 'Choose who made the claim') : undefined}
            hint="The actor who made the claim. A spokesperson or ministry counts for the party it is affiliated to."
          >
            {(props) => (
              <Controller
                control={control}
                name="claimantId"
                render={({ field }) => (
                  <ActorPicker
                    inputProps={props}
                    value={field.value ? (names.actors.get(field.value) ?? { id: field.value, name: 'Chosen actor' }) : null}
                    onChange={(actor) => {
                      if (actor) rememberActor(actor);
                      field.onChange(actor?.id ?? '');
                    }}
                    allowCreate
                  />
                )}
              />
            )}
          </Field>
          <Field id="claim-about" label="About" error={errorOf('about')} hint="The actors the claim accuses or concerns.">
            {(props) => (
              <Controller
                control={control}
                name="about"
                render={({ field }) => (
                  <ActorMultiPicker
                    inputProps={props}
                    value={(field.value ?? []).map((id) => names.actors.get(id) ?? { id, name: 'Chosen actor' })}
                    onChange={(actors) => {
                      actors.forEach(rememberActor);
                      field.onChange(actors.map((actor) => actor.id));
                    }}
                    allowCreate
                  />
                )}
              />
            )}
          </Field>
          <Field id="claim-statement" label="Statement" error={errorOf('statement')} hint="One sentence: what is claimed, in the desk’s words.">
            {(props) => <Textarea {...props} {...register('statement')} rows={2} maxLength={2000} required />}
          </Field>
          <div className="grid gap-5 sm:grid-cols-[minmax(0,3fr)_minmax(0,1fr)]">
            <Field id="claim-quote" label="Quote" error={errorOf('quote')} hint="The claimant’s words in English, or the desk’s paraphrase.">
              {(props) => <Textarea {...props} {...register('quote')} rows={3} maxLength={10_000} />}
            </Field>
            <Field id="claim-quote-kind" label="Quote kind" error={errorOf('quoteKind')}>
              {(props) => (
                <Select {...props} {...register('quoteKind')}>
                  {quoteKinds.map((value) => (
                    <option key={value} value={value}>
                      {quoteKindLabels[value]}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
          </div>
          <div className="grid gap-5 sm:grid-cols-[minmax(0,3fr)_minmax(0,1fr)]">
            <Field id="claim-original-text" label="Original text" error={errorOf('originalText')} hint="The words as said, when not in English.">
              {(props) => <Textarea {...props} {...register('originalText')} rows={2} maxLength={10_000} />}
            </Field>
            <Field id="claim-original-language" label="Original language" error={errorOf('originalLanguage')} hint="A code such as az, hy or ru.">
              {(props) => <Input {...props} {...register('originalLanguage')} maxLength={35} autoComplete="off" spellCheck={false} />}
            </Field>
          </div>
        </section>

        <section aria-labelledby="claim-when-heading" className="space-y-5">
          <h2 id="claim-when-heading" className="text-lg font-semibold text-ink">
            When and where
          </h2>
          {(['said', 'occurred'] as const).map((which) => {
            const at = which === 'said' ? 'saidAt' : 'occurredAt';
            const precision = which === 'said' ? 'saidPrecision' : 'occurredPrecision';
            const label = which === 'said' ? 'Said at' : 'Occurred at';
            return (
              <div key={which} className="grid gap-5 sm:grid-cols-2">
                <Field
                  id={`claim-${which}-at`}
                  label={label}
                  error={errorOf(at)}
                  hint={which === 'said' ? 'When the claim was made (UTC).' : 'When the claimed event happened (UTC).'}
                >
                  {(props) => (
                    <Controller
                      control={control}
                      name={at}
                      render={({ field }) => (
                        <MomentInput {...props} value={field.value as Moment} precision={watched[precision] ?? 'day'} onChange={field.onChange} />
                      )}
                    />
                  )}
                </Field>
                <Field id={`claim-${which}-precision`} label={`${label} precision`} error={errorOf(precision)}>
                  {(props) => (
                    <Select
                      {...props}
                      {...register(precision, {
                        onChange: (event: React.ChangeEvent<HTMLSelectElement>) => {
                          // Keep the moment, in the shape the other input needs.
                          const moved = momentInPrecision(form.getValues(at) as Moment, event.target.value as DatePrecision);
                          if (moved !== null) form.setValue(at, moved);
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
              </div>
            );
          })}
          <div className="grid gap-5 sm:grid-cols-2">
            <Field id="claim-place" label="Place" error={errorOf('place')}>
              {(props) => <Input {...props} {...register('place')} maxLength={300} />}
            </Field>
            <Field id="claim-category" label="Category" error={errorOf('category')}>
              {(props) => (
                <Select {...props} {...register('category')}>
                  {claimCategories.map((value) => (
                    <option key={value} value={value}>
                      {claimCategoryLabels[value]}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
          </div>
        </section>

        <section aria-labelledby="claim-figures-heading">
          <h2 id="claim-figures-heading" className="text-lg font-semibold text-ink">
            Figures
          </h2>
          <p className="text-sm text-stone-600">Only what the claim states. Leave blank when it gives no number.</p>
          <div className="mt-3 grid gap-5 sm:grid-cols-2 lg:grid-cols-4">
            {claimFigures.map((figure) => (
              <div key={figure}>
                <Field id={`claim-${figure}`} label={claimFigureLabels[figure]} error={errorOf(figure)}>
                  {(props) => (
                    <Input
                      {...props}
                      type="number"
                      inputMode="numeric"
                      min={0}
                      step={1}
                      {...register(figure, { setValueAs: (value: unknown) => (value === '' || value === null || value === undefined ? null : Number(value)) })}
                    />
                  )}
                </Field>
                <label className="mt-1 flex items-center gap-1.5 text-sm text-stone-700">
                  <input type="checkbox" className="size-4 accent-ink" {...register(claimFigureAtLeast[figure])} />
                  At least ({claimFigureLabels[figure].toLowerCase()})
                </label>
              </div>
            ))}
          </div>
        </section>

        <section aria-labelledby="claim-grading-heading" className="space-y-5">
          <h2 id="claim-grading-heading" className="text-lg font-semibold text-ink">
            Verification
          </h2>
          <div className="grid gap-5 sm:grid-cols-2">
            <Field id="claim-status" label="Status" error={errorOf('status')}>
              {(props) => (
                <Select {...props} {...register('status')}>
                  {verificationStatuses.map((value) => (
                    <option key={value} value={value}>
                      {verificationStatusLabels[value]}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
            <Field id="claim-credibility" label="Credibility" error={errorOf('credibility')} hint="Admiralty scale for the information itself.">
              {(props) => (
                <Select {...props} {...register('credibility', { setValueAs: (value: unknown) => Number(value) })}>
                  {credibilityGrades.map((grade) => (
                    <option key={grade} value={grade}>
                      {credibilityLabels[grade]}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
          </div>
          <Field id="claim-status-explanation" label="Status explanation" error={errorOf('statusExplanation')} hint="Public: why the desk gives this status.">
            {(props) => <Textarea {...props} {...register('statusExplanation')} rows={3} maxLength={5000} />}
          </Field>
          {publicChange ? (
            <fieldset className="rounded-lg border border-amber-300 bg-amber-50 p-4">
              <legend className="px-1 text-sm font-semibold text-amber-950">Public correction note</legend>
              <p className="text-sm text-amber-900">
                This dossier is published and the statement, status or figures changed: readers see a dated note saying what changed.
              </p>
              <div className="mt-3 grid gap-4 sm:grid-cols-[minmax(0,1fr)_minmax(0,3fr)]">
                <div>
                  <Label htmlFor="claim-correction-kind">Note kind</Label>
                  <Select
                    id="claim-correction-kind"
                    value={correction.kind}
                    onChange={(event) => setCorrection((current) => ({ ...current, kind: event.target.value as CorrectionKind }))}
                  >
                    {correctionKinds.map((value) => (
                      <option key={value} value={value}>
                        {correctionKindLabels[value]}
                      </option>
                    ))}
                  </Select>
                </div>
                <Field id="claim-correction-note" label="Correction note" error={correctionError}>
                  {(props) => (
                    <Textarea
                      {...props}
                      rows={2}
                      maxLength={2000}
                      value={correction.note}
                      onChange={(event) => {
                        setCorrection((current) => ({ ...current, note: event.target.value }));
                        setCorrectionError(null);
                      }}
                    />
                  )}
                </Field>
              </div>
            </fieldset>
          ) : null}
        </section>

        <CitedSourcesFields
          control={control}
          register={register}
          errorOf={errorOf}
          idPrefix="claim"
          dossier={dossier}
          cited={claim?.sources}
          max={MAX_CLAIM_SOURCES}
          description="What the claim rests on, each with the exact excerpt. A claim without a source is never shown publicly."
        />

        <section aria-labelledby="claim-relations-heading">
          <h2 id="claim-relations-heading" className="text-lg font-semibold text-ink">
            Relations
          </h2>
          <p className="mb-3 text-sm text-stone-600">
            How this claim answers, backs or revises other claims of the dossier: “this claim counters …”.
          </p>
          <FieldRows
            control={control}
            name="relations"
            legend="Related claims"
            addLabel="Add relation"
            newRow={() => ({ kind: 'counters' as const, toClaimId: '' })}
            rowLabel={(index) => `relation ${index + 1}`}
            emptyText="No relation to another claim."
            max={MAX_RELATIONS}
          >
            {({ index }) => (
              <div className="grid gap-3 sm:grid-cols-[12rem_minmax(0,1fr)] sm:items-start">
                <Field id={`claim-relation-${index}-kind`} label={`Relation ${index + 1}`} error={errorOf(rowField<Values>('relations', index, 'kind'))}>
                  {(props) => (
                    <Select {...props} {...register(`relations.${index}.kind`)}>
                      {claimRelationKinds.map((value) => (
                        <option key={value} value={value}>
                          This claim {claimRelationLabels[value].toLowerCase()}
                        </option>
                      ))}
                    </Select>
                  )}
                </Field>
                <Field
                  id={`claim-relation-${index}-claim`}
                  label={`Related claim ${index + 1}`}
                  error={errorOf(rowField<Values>('relations', index, 'toClaimId')) ? 'Choose the related claim' : undefined}
                >
                  {(props) => (
                    <Controller
                      control={control}
                      name={`relations.${index}.toClaimId`}
                      render={({ field }) => (
                        <ClaimPicker
                          dossierId={dossier.id}
                          inputProps={props}
                          value={field.value ? (names.claims.get(field.value) ?? { id: field.value, statement: 'Chosen claim' }) : null}
                          excludeIds={claim ? [claim.id] : []}
                          onChange={(picked) => {
                            if (picked) names.claims.set(picked.id, picked);
                            field.onChange(picked?.id ?? '');
                          }}
                        />
                      )}
                    />
                  )}
                </Field>
              </div>
            )}
          </FieldRows>
        </section>

        <DeskOnlyFields control={control} register={register} errorOf={errorOf} idPrefix="claim" tagsHint="Separated by commas." />

        {correctionError && !publicChange ? <ErrorBanner>{correctionError}</ErrorBanner> : null}
        <div className="flex items-center gap-4 border-t border-stone-200 pt-5">
          {deleted ? null : (
            <Button type="submit" disabled={pending}>
              {claim ? 'Save claim' : 'Record claim'}
            </Button>
          )}
          <Link href={claim ? claimPaths.claim(dossier.slug, claim.id) : claimPaths.list(dossier.slug)} className={`text-sm ${linkStyle}`}>
            Cancel
          </Link>
        </div>
      </fieldset>
    </form>
  );
}
