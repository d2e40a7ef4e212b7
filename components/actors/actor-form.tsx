'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Controller, useWatch } from 'react-hook-form';
import { useDeskForm } from '@/components/forms/use-desk-form';
import { FormErrorBanner } from '@/components/ui/form-banner';
import { linkStyle } from '@/components/ui/links';
import { Button, Field, Input, Select, Textarea } from '@/components/ui/primitives';
import { createActorInput } from '@/server/actors/actors.input';
import { actorKindLabels, actorKinds, type ActorKind } from '@/server/actors/actors.labels';
import { useTRPC } from '@/trpc/client';
import { actorPaths } from './actor-paths';
import { ActorPicker, type PickedActor } from './actor-picker';
import { CountrySelect } from './country-select';
import { TextListInput } from './text-list-input';
import { useDebouncedValue } from './use-debounced-value';

const DUPLICATE_CHECK_DELAY_MS = 400;

/** What the edit form starts from: the actor as loaded, with the version it had then. */
export interface EditableActor {
  id: string;
  version: number;
  name: string;
  kind: ActorKind;
  countryCode: string | null;
  affiliation: { id: string; name: string } | null;
  title: string;
  aliases: string[];
  description: string;
  internalNotes: string;
}

/** Warns while the name is typed when the directory already has an actor by that name or alias. */
function DuplicateWarning({ name, aliases, exceptId }: { name: string; aliases: string[]; exceptId?: string }) {
  const trpc = useTRPC();
  // Debounced as one string: a fresh object every render would restart the timer for ever.
  const key = useDebouncedValue(JSON.stringify({ name: name.trim(), aliases }), DUPLICATE_CHECK_DELAY_MS);
  const checked = JSON.parse(key) as { name: string; aliases: string[] };
  const check = checked.name.length >= 2 && checked.name.length <= 200;
  const found = useQuery(
    trpc.actors.findDuplicates.queryOptions(
      { name: checked.name, aliases: checked.aliases.slice(0, 50), ...(exceptId ? { exceptId } : {}) },
      { enabled: check, staleTime: 5_000 },
    ),
  );
  const duplicates = check ? (found.data ?? []) : [];
  return (
    <div role="status" className="text-sm text-amber-900">
      {duplicates.length > 0 ? (
        <div className="mt-1 rounded-md border border-amber-300 bg-amber-50 px-3 py-2">
          <p>Already in the directory — use the existing actor rather than a second one:</p>
          <ul className="mt-1 list-disc pl-5">
            {duplicates.map((duplicate) => (
              <li key={duplicate.id}>
                <span className="font-medium">{duplicate.name}</span> ({actorKindLabels[duplicate.kind]}, matches “{duplicate.matchedOn}”) —{' '}
                <Link href={actorPaths.actor(duplicate.id)} className={linkStyle}>
                  Use existing
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

/**
 * Create or edit an actor of the shared directory, validated with the router's own schema; server refusals land on
 * their fields. A name or alias that matches an existing actor warns while typing, and a save is refused (CONFLICT)
 * until the editor chooses "Create anyway".
 */
export function ActorForm({ actor }: { actor?: EditableActor }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [affiliationName, setAffiliationName] = useState(actor?.affiliation?.name ?? '');
  const { form, serverError, onServerError, submitHandler, errorOf } = useDeskForm({
    schema: createActorInput,
    defaultValues: {
      name: actor?.name ?? '',
      kind: actor?.kind ?? 'person',
      countryCode: actor?.countryCode ?? '',
      affiliationId: actor?.affiliation?.id ?? null,
      title: actor?.title ?? '',
      aliases: actor?.aliases ?? [],
      description: actor?.description ?? '',
      internalNotes: actor?.internalNotes ?? '',
      allowDuplicate: false,
    },
  });
  const { register, control } = form;

  const onSuccess = (saved: { id: string }) => {
    router.push(actorPaths.actor(saved.id));
    router.refresh();
  };
  const create = useMutation(trpc.actors.create.mutationOptions({ onSuccess, onError: onServerError }));
  const update = useMutation(trpc.actors.update.mutationOptions({ onSuccess, onError: onServerError }));
  const pending = create.isPending || update.isPending || create.isSuccess || update.isSuccess;
  const duplicates = Array.isArray(serverError.details?.duplicates) ? (serverError.details.duplicates as Array<{ id: string; name: string }>) : [];

  const save = (allowDuplicate: boolean) =>
    submitHandler((values) => {
      const input = { ...values, allowDuplicate };
      if (actor) update.mutate({ ...input, id: actor.id, version: actor.version });
      else create.mutate(input);
    });

  const [kind, name, aliases] = useWatch({ control, name: ['kind', 'name', 'aliases'] });

  return (
    <form noValidate onSubmit={save(false)} className="max-w-3xl space-y-5">
      {duplicates.length > 0 ? (
        <div role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          <p>This name is already in the directory. Use the existing actor, or save this one if it is a different one.</p>
          <ul className="mt-1 list-disc pl-5">
            {duplicates.map((duplicate) => (
              <li key={duplicate.id}>
                <Link href={actorPaths.actor(duplicate.id)} className={linkStyle}>
                  Use existing: {duplicate.name}
                </Link>
              </li>
            ))}
          </ul>
          <Button variant="secondary" className="mt-2" disabled={pending} onClick={save(true)}>
            {actor ? 'Save anyway' : 'Create anyway'}
          </Button>
        </div>
      ) : (
        <FormErrorBanner errors={serverError} editing={Boolean(actor)} />
      )}

      <div className="space-y-1">
        <Field id="actor-name" label="Name" error={errorOf('name')}>
          {(props) => <Input {...props} {...register('name')} maxLength={200} autoComplete="off" required />}
        </Field>
        <DuplicateWarning name={name ?? ''} aliases={aliases ?? []} exceptId={actor?.id} />
      </div>

      <div className="grid gap-5 sm:grid-cols-2">
        <Field id="actor-kind" label="Kind" error={errorOf('kind')}>
          {(props) => (
            <Select {...props} {...register('kind')}>
              {actorKinds.map((value) => (
                <option key={value} value={value}>
                  {actorKindLabels[value]}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field
          id="actor-country"
          label="Country"
          error={errorOf('countryCode')}
          hint={kind === 'state' ? 'Required for a state.' : 'Optional: where a body or person is based.'}
        >
          {(props) => (
            <Controller
              control={control}
              name="countryCode"
              render={({ field }) => <CountrySelect {...props} value={field.value ?? ''} onChange={field.onChange} />}
            />
          )}
        </Field>
      </div>

      <Field
        id="actor-affiliation"
        label="Affiliation"
        error={errorOf('affiliationId')}
        hint="The state or organisation this actor acts for: a ministry → its state, a spokesperson → their government."
      >
        {(props) => (
          <Controller
            control={control}
            name="affiliationId"
            render={({ field }) => (
              <ActorPicker
                inputProps={props}
                value={field.value ? { id: field.value, name: affiliationName } : null}
                onChange={(picked: PickedActor | null) => {
                  setAffiliationName(picked?.name ?? '');
                  field.onChange(picked?.id ?? null);
                }}
                excludeIds={actor ? [actor.id] : []}
              />
            )}
          />
        )}
      </Field>

      <Field id="actor-title" label="Title" error={errorOf('title')} hint="Role or title, e.g. “Foreign Ministry spokeswoman”.">
        {(props) => <Input {...props} {...register('title')} maxLength={200} />}
      </Field>

      <Field id="actor-aliases" label="Aliases" error={errorOf('aliases')} hint="Other names, one per line or separated by commas. Used in search and duplicate checks.">
        {(props) => (
          <Controller
            control={control}
            name="aliases"
            render={({ field }) => (
              <TextListInput {...props} multiline separator={'\n'} rows={3} maxLength={5000} value={field.value} onChange={field.onChange} onBlur={field.onBlur} />
            )}
          />
        )}
      </Field>

      <Field id="actor-description" label="Description" error={errorOf('description')} hint="A short public description.">
        {(props) => <Textarea {...props} {...register('description')} rows={3} maxLength={2000} />}
      </Field>

      <Field id="actor-notes" label="Internal notes" error={errorOf('internalNotes')} hint="For the desk only: never shown publicly.">
        {(props) => <Textarea {...props} {...register('internalNotes')} rows={4} maxLength={10_000} />}
      </Field>

      <div className="flex items-center gap-4 border-t border-stone-200 pt-5">
        <Button type="submit" disabled={pending}>
          {actor ? 'Save' : 'Create actor'}
        </Button>
        <Link href={actor ? actorPaths.actor(actor.id) : actorPaths.list} className={`text-sm ${linkStyle}`}>
          Cancel
        </Link>
      </div>
    </form>
  );
}
