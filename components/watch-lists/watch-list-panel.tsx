'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useId, useState } from 'react';
import { actorPaths } from '@/components/actors/actor-paths';
import { ActorMultiPicker, type PickedActor } from '@/components/actors/actor-picker';
import { formatDay } from '@/components/format';
import { errorMessage, readServerError } from '@/components/ui/form-errors';
import { Button, ErrorBanner, Label, Select } from '@/components/ui/primitives';
import { actorKindLabels } from '@/server/actors/actors.labels';
import {
  defaultUnscYear,
  UNSC_YEARS,
  watchListPresetDescriptions,
  watchListPresetLabels,
  watchListPresets,
  type WatchListPreset,
} from '@/server/watch-lists/presets';
import { useTRPC } from '@/trpc/client';

/**
 * "Who has not reacted": the dossier's watch list on the desk. Members without a reaction yet come first, then
 * those that reacted with the day of their first reaction. Editors add actors (the actor picker), remove them, apply
 * a preset (UN Security Council of a year, the parties' neighbours, their regional organisations) after a preview of
 * what it adds and creates, and choose whether readers see the list.
 */
export function WatchListPanel({ dossierId, canEdit }: { dossierId: string; canEdit: boolean }) {
  const trpc = useTRPC();
  const headingId = useId();
  const [error, setError] = useState<unknown>(null);
  const list = useQuery(trpc.watchLists.get.queryOptions({ dossierId }));
  const callbacks = { onMutate: () => setError(null), onError: (caught: unknown) => setError(caught) };
  const remove = useMutation(trpc.watchLists.removeMember.mutationOptions(callbacks));
  const setPublic = useMutation(trpc.watchLists.setPublic.mutationOptions(callbacks));

  const data = list.data;
  const members = data?.members ?? [];
  const waiting = members.filter((member) => !member.reacted);
  const reacted = members.filter((member) => member.reacted);
  const ordered = [...waiting, ...reacted];
  const conflict = error !== null && readServerError(error).code === 'CONFLICT';

  return (
    <section aria-labelledby={headingId} className="mt-8">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h2 id={headingId} className="text-xl font-semibold text-ink">
          Who has not reacted
        </h2>
        {data ? (
          canEdit ? (
            <PublicSwitch
              checked={data.isPublic}
              disabled={setPublic.isPending}
              onChange={(isPublic) => setPublic.mutate({ dossierId, version: data.version, isPublic })}
            />
          ) : (
            <p className="text-sm text-stone-600">{data.isPublic ? 'Shown on the public page' : 'Desk only'}</p>
          )
        ) : null}
      </div>
      <p className="mt-1 text-sm text-stone-600">
        The states and organisations this desk expects to react. A member has reacted when one of its people or bodies
        signed a reaction, or a reaction was counted for it.
      </p>

      <div className="mt-3 space-y-2">
        {error ? (
          <ErrorBanner>
            {errorMessage(error)}
            {conflict ? (
              <Button
                variant="secondary"
                className="ml-2 px-2 py-0.5"
                onClick={() => {
                  setError(null);
                  void list.refetch();
                }}
              >
                Reload
              </Button>
            ) : null}
          </ErrorBanner>
        ) : null}
        {list.error ? <ErrorBanner>{errorMessage(list.error)}</ErrorBanner> : null}
      </div>

      {list.isPending ? (
        <p className="mt-3 text-sm text-stone-500">Loading the watch list…</p>
      ) : members.length === 0 ? (
        <p className="mt-3 text-sm text-stone-500">
          No one on the watch list yet.{canEdit ? ' Add actors below, or start from a preset.' : ''}
        </p>
      ) : (
        <>
          <p className="mt-3 text-sm text-stone-700" aria-live="polite">
            {waiting.length === 0
              ? `All ${members.length} have reacted.`
              : `${waiting.length} of ${members.length} ${waiting.length === 1 ? 'has' : 'have'} not reacted yet.`}
          </p>
          <ul aria-label="Watch list" className="mt-2 divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white">
            {ordered.map((member) => (
              <li key={member.actor.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-2">
                <div className="min-w-0">
                  <Link prefetch={false} href={actorPaths.actor(member.actor.id)} className="font-medium text-ink hover:underline">
                    {member.actor.name}
                  </Link>
                  <span className="ml-2 text-xs text-stone-500">{actorKindLabels[member.actor.kind]}</span>
                  {member.deleted ? <span className="ml-2 text-xs text-red-700">deleted from the directory</span> : null}
                </div>
                <div className="flex items-center gap-2">
                  {member.reacted ? (
                    <span className="rounded-full bg-emerald-50 px-2 py-0.5 text-xs text-emerald-800 ring-1 ring-emerald-200">
                      {member.firstReactedAt ? `reacted on ${formatDay(member.firstReactedAt)}` : 'reacted (undated)'}
                    </span>
                  ) : (
                    <span className="rounded-full bg-amber-50 px-2 py-0.5 text-xs text-amber-900 ring-1 ring-amber-200">no reaction yet</span>
                  )}
                  {canEdit && data ? (
                    <Button
                      variant="ghost"
                      className="px-2 py-1"
                      disabled={remove.isPending}
                      aria-label={`Remove ${member.actor.name} from the watch list`}
                      onClick={() => remove.mutate({ dossierId, version: data.version, actorId: member.actor.id })}
                    >
                      Remove
                    </Button>
                  ) : null}
                </div>
              </li>
            ))}
          </ul>
        </>
      )}

      {canEdit && data ? (
        <div className="mt-4 grid gap-4 lg:grid-cols-2">
          <AddMembers dossierId={dossierId} version={data.version} memberIds={members.map((member) => member.actor.id)} onError={setError} />
          <ApplyPreset dossierId={dossierId} version={data.version} onError={setError} />
        </div>
      ) : null}
    </section>
  );
}

function PublicSwitch({ checked, disabled, onChange }: { checked: boolean; disabled: boolean; onChange: (checked: boolean) => void }) {
  const labelId = useId();
  return (
    <div className="flex items-center gap-2">
      <span id={labelId} className="text-sm text-stone-700">
        Show publicly
      </span>
      <button
        type="button"
        role="switch"
        aria-checked={checked}
        aria-labelledby={labelId}
        disabled={disabled}
        onClick={() => onChange(!checked)}
        className={`relative inline-flex h-6 w-11 shrink-0 items-center rounded-full transition focus-visible:ring-2 focus-visible:ring-blue-600 focus-visible:ring-offset-2 focus-visible:outline-none disabled:opacity-60 ${checked ? 'bg-blue-700' : 'bg-stone-300'}`}
      >
        <span className={`inline-block h-5 w-5 rounded-full bg-white shadow transition ${checked ? 'translate-x-5' : 'translate-x-0.5'}`} />
      </button>
    </div>
  );
}

function AddMembers({
  dossierId,
  version,
  memberIds,
  onError,
}: {
  dossierId: string;
  version: number;
  memberIds: string[];
  onError: (error: unknown) => void;
}) {
  const trpc = useTRPC();
  const inputId = useId();
  const [chosen, setChosen] = useState<PickedActor[]>([]);
  const add = useMutation(
    trpc.watchLists.addMembers.mutationOptions({
      onMutate: () => onError(null),
      onError,
      onSuccess: () => setChosen([]),
    }),
  );
  return (
    <form
      noValidate
      aria-label="Add to the watch list"
      className="rounded-lg border border-stone-200 bg-white p-4"
      onSubmit={(event) => {
        event.preventDefault();
        if (chosen.length > 0) add.mutate({ dossierId, version, actorIds: chosen.map((actor) => actor.id) });
      }}
    >
      <Label htmlFor={inputId}>Add actors</Label>
      <ActorMultiPicker inputProps={{ id: inputId }} value={chosen} onChange={setChosen} excludeIds={memberIds} allowCreate />
      <Button type="submit" className="mt-3" disabled={add.isPending || chosen.length === 0}>
        Add to the watch list
      </Button>
    </form>
  );
}

function ApplyPreset({ dossierId, version, onError }: { dossierId: string; version: number; onError: (error: unknown) => void }) {
  const trpc = useTRPC();
  const presetId = useId();
  const yearId = useId();
  const [preset, setPreset] = useState<WatchListPreset>('unsc');
  const [year, setYear] = useState(() => defaultUnscYear());
  const [previewing, setPreviewing] = useState(false);
  const input = { dossierId, preset, year: preset === 'unsc' ? year : null };
  const preview = useQuery(trpc.watchLists.previewPreset.queryOptions(input, { enabled: previewing }));
  const apply = useMutation(
    trpc.watchLists.applyPreset.mutationOptions({
      onMutate: () => onError(null),
      onError,
      onSuccess: () => setPreviewing(false),
    }),
  );
  const adding = preview.data?.candidates.filter((candidate) => !candidate.alreadyMember) ?? [];
  const creating = adding.filter((candidate) => candidate.actorId === null).length;

  return (
    <div className="rounded-lg border border-stone-200 bg-white p-4">
      <form
        noValidate
        aria-label="Start from a preset"
        className="grid gap-3 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_auto] sm:items-end"
        onSubmit={(event) => {
          event.preventDefault();
          setPreviewing(true);
        }}
      >
        <div>
          <Label htmlFor={presetId}>Preset</Label>
          <Select
            id={presetId}
            value={preset}
            onChange={(event) => {
              setPreset(event.target.value as WatchListPreset);
              setPreviewing(false);
            }}
          >
            {watchListPresets.map((value) => (
              <option key={value} value={value}>
                {watchListPresetLabels[value]}
              </option>
            ))}
          </Select>
        </div>
        <div>
          {preset === 'unsc' ? (
            <>
              <Label htmlFor={yearId}>Year</Label>
              <Select
                id={yearId}
                value={year}
                onChange={(event) => {
                  setYear(Number(event.target.value));
                  setPreviewing(false);
                }}
              >
                {UNSC_YEARS.map((value) => (
                  <option key={value} value={value}>
                    {value}
                  </option>
                ))}
              </Select>
            </>
          ) : null}
        </div>
        <Button type="submit" variant="secondary">
          Preview
        </Button>
      </form>
      <p className="mt-2 text-xs text-stone-500">{watchListPresetDescriptions[preset]}</p>

      {previewing ? (
        <div className="mt-3" aria-live="polite">
          {preview.isPending ? (
            <p className="text-sm text-stone-500">Looking up the preset…</p>
          ) : preview.error ? (
            <ErrorBanner>{errorMessage(preview.error)}</ErrorBanner>
          ) : preview.data ? (
            <>
              <h3 className="text-sm font-semibold text-ink">{preview.data.label}</h3>
              {preview.data.note ? <p className="mt-1 text-sm text-stone-600">{preview.data.note}</p> : null}
              {preview.data.candidates.length > 0 ? (
                <ul aria-label="Preset preview" className="mt-2 max-h-72 divide-y divide-stone-100 overflow-y-auto rounded-md border border-stone-200">
                  {preview.data.candidates.map((candidate) => (
                    <li key={candidate.key} className="flex flex-wrap items-baseline justify-between gap-2 px-3 py-1.5 text-sm">
                      <span>
                        <span className="font-medium text-stone-900">{candidate.name}</span>
                        <span className="ml-2 text-xs text-stone-500">{candidate.reason}</span>
                      </span>
                      <span className="text-xs text-stone-600">
                        {candidate.alreadyMember ? 'already on the list' : candidate.actorId ? 'in the directory' : 'new actor, will be created'}
                      </span>
                    </li>
                  ))}
                </ul>
              ) : null}
              <div className="mt-3 flex flex-wrap items-center gap-2">
                <Button
                  disabled={apply.isPending || adding.length === 0}
                  onClick={() => apply.mutate({ dossierId, version, preset, year: preset === 'unsc' ? year : null })}
                >
                  {adding.length === 0 ? 'Nothing to add' : `Add ${adding.length} to the watch list`}
                </Button>
                <Button variant="ghost" onClick={() => setPreviewing(false)}>
                  Cancel
                </Button>
                {creating > 0 ? (
                  <span className="text-xs text-stone-600">
                    {creating} {creating === 1 ? 'actor is' : 'actors are'} not in the directory yet and will be created.
                  </span>
                ) : null}
              </div>
            </>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
