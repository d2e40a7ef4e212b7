'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { actorPaths } from '@/components/actors/actor-paths';
import { ActorPicker, type PickedActor } from '@/components/actors/actor-picker';
import { ConfirmButton } from '@/components/ui/confirm-dialog';
import { errorMessage } from '@/components/ui/form-errors';
import { Button, ErrorBanner, Label, Select } from '@/components/ui/primitives';
import { useDeskUser } from '@/components/users/desk-user';
import { actorKindLabels, partyRoleLabels, partyRoles, type PartyRole } from '@/server/actors/actors.labels';
import { useTRPC } from '@/trpc/client';

/**
 * A dossier's parties: the actors its story is about, in the order of the public side-by-side columns. Editors
 * add (actor + role), change a role, move earlier or later, and remove; viewers read the list.
 */
export function PartiesEditor({ dossierId }: { dossierId: string }) {
  const trpc = useTRPC();
  const { canEdit } = useDeskUser();
  const [error, setError] = useState<string | null>(null);
  const [actor, setActor] = useState<PickedActor | null>(null);
  const [role, setRole] = useState<PartyRole>('party');
  const parties = useQuery(trpc.parties.list.queryOptions({ dossierId }));
  const callbacks = { onMutate: () => setError(null), onError: (caught: unknown) => setError(errorMessage(caught)) };
  const add = useMutation(
    trpc.parties.add.mutationOptions({
      ...callbacks,
      onSuccess: () => {
        setActor(null);
        setRole('party');
      },
    }),
  );
  const update = useMutation(trpc.parties.update.mutationOptions(callbacks));
  const move = useMutation(trpc.parties.move.mutationOptions(callbacks));
  const remove = useMutation(trpc.parties.remove.mutationOptions());
  const busy = add.isPending || update.isPending || move.isPending || remove.isPending;
  const list = parties.data ?? [];

  return (
    <section aria-labelledby="parties-heading" className="mt-8">
      <h2 id="parties-heading" className="text-xl font-semibold text-ink">
        Parties
      </h2>
      <p className="mt-1 text-sm text-stone-600">
        The actors this story is about. Their order sets the columns of the public “Claims and counterclaims” view.
      </p>
      <div className="mt-3 space-y-2">
        <ErrorBanner>{error}</ErrorBanner>
        {parties.error ? <ErrorBanner>{errorMessage(parties.error)}</ErrorBanner> : null}
      </div>

      {parties.isPending ? (
        <p className="mt-3 text-sm text-stone-500">Loading parties…</p>
      ) : list.length === 0 ? (
        <p className="mt-3 text-sm text-stone-500">No parties yet.</p>
      ) : (
        <ol aria-label="Parties in order" className="mt-3 divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white">
          {list.map((party, index) => (
            <li key={party.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-2.5">
              <div className="min-w-0">
                <span className="mr-2 text-xs text-stone-500 tabular-nums">{index + 1}.</span>
                <Link prefetch={false} href={actorPaths.actor(party.actor.id)} className="font-medium text-ink hover:underline">
                  {party.actor.name}
                </Link>
                <span className="ml-2 text-xs text-stone-500">{actorKindLabels[party.actor.kind]}</span>
                {canEdit ? null : <span className="ml-2 text-sm text-stone-700">— {partyRoleLabels[party.role]}</span>}
              </div>
              {canEdit ? (
                <div className="flex flex-wrap items-center gap-1">
                  <label htmlFor={`party-role-${party.id}`} className="sr-only">
                    Role of {party.actor.name}
                  </label>
                  <Select
                    id={`party-role-${party.id}`}
                    className="mt-0 w-52"
                    value={party.role}
                    disabled={busy}
                    onChange={(event) => update.mutate({ id: party.id, version: party.version, role: event.target.value as PartyRole })}
                  >
                    {partyRoles.map((value) => (
                      <option key={value} value={value}>
                        {partyRoleLabels[value]}
                      </option>
                    ))}
                  </Select>
                  <Button
                    variant="ghost"
                    className="px-2 py-1"
                    disabled={busy || index === 0}
                    aria-label={`Move ${party.actor.name} earlier`}
                    onClick={() => move.mutate({ id: party.id, version: party.version, to: 'earlier' })}
                  >
                    ↑
                  </Button>
                  <Button
                    variant="ghost"
                    className="px-2 py-1"
                    disabled={busy || index === list.length - 1}
                    aria-label={`Move ${party.actor.name} later`}
                    onClick={() => move.mutate({ id: party.id, version: party.version, to: 'later' })}
                  >
                    ↓
                  </Button>
                  <ConfirmButton
                    label="Remove"
                    variant="ghost"
                    className="px-2 py-1"
                    title={`Remove ${party.actor.name} from the parties?`}
                    description="Its claims stay in the dossier; on the public page they move to the “Other” column."
                    confirmLabel="Remove party"
                    onConfirm={() => remove.mutateAsync({ id: party.id, version: party.version })}
                  />
                </div>
              ) : null}
            </li>
          ))}
        </ol>
      )}

      {canEdit ? (
        <form
          noValidate
          aria-label="Add a party"
          className="mt-4 grid gap-3 rounded-lg border border-stone-200 bg-white p-4 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_auto] sm:items-end"
          onSubmit={(event) => {
            event.preventDefault();
            if (!actor) {
              setError('Choose an actor to add as a party.');
              return;
            }
            add.mutate({ dossierId, actorId: actor.id, role });
          }}
        >
          <div>
            <Label htmlFor="party-actor">Party</Label>
            <ActorPicker
              inputProps={{ id: 'party-actor' }}
              value={actor}
              onChange={setActor}
              excludeIds={list.map((party) => party.actor.id)}
              allowCreate
            />
          </div>
          <div>
            <Label htmlFor="party-role">Role</Label>
            <Select id="party-role" value={role} onChange={(event) => setRole(event.target.value as PartyRole)}>
              {partyRoles.map((value) => (
                <option key={value} value={value}>
                  {partyRoleLabels[value]}
                </option>
              ))}
            </Select>
          </div>
          <Button type="submit" disabled={busy}>
            Add party
          </Button>
        </form>
      ) : null}
    </section>
  );
}
