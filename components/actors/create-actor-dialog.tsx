'use client';

import * as Dialog from '@radix-ui/react-dialog';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { toFormErrors, noFormErrors, type FormErrors } from '@/components/ui/form-errors';
import { Button, ErrorBanner, Field, Input, Select } from '@/components/ui/primitives';
import { actorKindLabels, actorKinds, type ActorKind } from '@/server/actors/actors.labels';
import { useTRPC } from '@/trpc/client';
import type { PickedActor } from './actor-picker';
import { CountrySelect } from './country-select';
import { duplicatesOf, type DuplicateActor } from './duplicates';

/**
 * "Create new actor…" from a picker: just a name and a kind (and a country for a state); the rest can be filled
 * in on the actor's page later. A name that matches an existing actor offers that one instead.
 */
export function CreateActorDialog({
  initialName,
  onPicked,
  onClose,
}: {
  initialName: string;
  onPicked: (actor: PickedActor) => void;
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const [name, setName] = useState(initialName);
  const [kind, setKind] = useState<ActorKind>('person');
  const [countryCode, setCountryCode] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noFormErrors);
  const [duplicates, setDuplicates] = useState<DuplicateActor[]>([]);
  const create = useMutation(
    trpc.actors.create.mutationOptions({
      onSuccess: (actor) => onPicked({ id: actor.id, name: actor.name, kind: actor.kind }),
      onError: (error) => {
        setErrors(toFormErrors(error, ['name', 'kind', 'countryCode']));
        setDuplicates(duplicatesOf(error));
      },
    }),
  );

  function save(allowDuplicate: boolean) {
    setErrors(noFormErrors);
    create.mutate({
      name,
      kind,
      countryCode: countryCode || null,
      affiliationId: null,
      title: '',
      aliases: [],
      description: '',
      internalNotes: '',
      allowDuplicate,
    });
  }

  return (
    <Dialog.Root open onOpenChange={(open) => (open ? null : onClose())}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-stone-900/40" />
        <Dialog.Content className="fixed top-1/2 left-1/2 z-50 w-[min(28rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 rounded-lg border border-stone-200 bg-white p-5 shadow-xl focus:outline-none">
          <Dialog.Title className="text-lg font-semibold text-ink">New actor</Dialog.Title>
          <Dialog.Description className="mt-1 text-sm text-stone-600">
            Add it to the directory shared by every dossier. Title, aliases and affiliation can follow on its page.
          </Dialog.Description>
          <form
            noValidate
            className="mt-4 space-y-4"
            onSubmit={(event) => {
              // The dialog sits inside another form in the React tree: its submit must not reach that form.
              event.preventDefault();
              event.stopPropagation();
              save(false);
            }}
          >
            {duplicates.length > 0 ? (
              <div role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
                <p>{errors.banner ?? 'An actor with this name is already in the directory.'}</p>
                <ul className="mt-2 space-y-1">
                  {duplicates.map((duplicate) => (
                    <li key={duplicate.id}>
                      <Button variant="secondary" className="px-2 py-0.5" onClick={() => onPicked({ id: duplicate.id, name: duplicate.name })}>
                        Use {duplicate.name}
                      </Button>
                    </li>
                  ))}
                </ul>
                <Button variant="ghost" className="mt-2 px-2 py-0.5" disabled={create.isPending} onClick={() => save(true)}>
                  Create anyway
                </Button>
              </div>
            ) : (
              <ErrorBanner>{errors.banner}</ErrorBanner>
            )}
            <Field id="new-actor-name" label="Name" error={errors.fields.name}>
              {(props) => <Input {...props} value={name} onChange={(event) => setName(event.target.value)} maxLength={200} autoFocus required />}
            </Field>
            <Field id="new-actor-kind" label="Kind" error={errors.fields.kind}>
              {(props) => (
                <Select {...props} value={kind} onChange={(event) => setKind(event.target.value as ActorKind)}>
                  {actorKinds.map((value) => (
                    <option key={value} value={value}>
                      {actorKindLabels[value]}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
            {kind === 'state' ? (
              <Field id="new-actor-country" label="Country" error={errors.fields.countryCode}>
                {(props) => <CountrySelect {...props} value={countryCode} onChange={setCountryCode} />}
              </Field>
            ) : null}
            <div className="flex justify-end gap-2">
              <Dialog.Close asChild>
                <Button variant="secondary">Cancel</Button>
              </Dialog.Close>
              <Button type="submit" disabled={create.isPending}>
                {create.isPending ? 'Creating…' : 'Create actor'}
              </Button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
