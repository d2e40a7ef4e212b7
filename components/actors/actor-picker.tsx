'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import dynamic from 'next/dynamic';
import { useId, useRef, useState } from 'react';
import { actorKindLabels, type ActorKind } from '@/server/actors/actors.labels';
import { useTRPC } from '@/trpc/client';
import { useDebouncedValue } from './use-debounced-value';

// Loaded when someone creates an actor: its dialog, form and country list are not needed to show the picker.
const CreateActorDialog = dynamic(() => import('./create-actor-dialog').then((module) => module.CreateActorDialog), { ssr: false });

const SEARCH_DELAY_MS = 200;
const RESULT_LIMIT = 10;

/** What a picker holds: enough to show the choice without another request. */
export interface PickedActor {
  id: string;
  name: string;
  kind?: ActorKind;
}

interface Option {
  key: string;
  actor: PickedActor | null;
  /** Shown under the name: kind, title, affiliation, the alias that matched. */
  detail: string;
}

type InputProps = { id: string; 'aria-invalid'?: boolean; 'aria-describedby'?: string };

/**
 * The type-ahead behind both pickers (WAI-ARIA combobox with a listbox popup): the input keeps focus, ↑/↓ move
 * through the options, Enter picks, Escape closes (or clears the text when already closed). Matches names and
 * aliases through `actors.search`. The last option creates a new actor in a small dialog.
 */
function ActorCombobox({
  inputProps,
  placeholder,
  kinds,
  excludeIds,
  allowCreate,
  onPick,
}: {
  inputProps: InputProps;
  placeholder?: string;
  kinds?: ActorKind[];
  excludeIds: readonly string[];
  allowCreate: boolean;
  onPick: (actor: PickedActor) => void;
}) {
  const trpc = useTRPC();
  const listboxId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [creating, setCreating] = useState<string | null>(null);
  const query = useDebouncedValue(text.trim(), SEARCH_DELAY_MS);

  const search = useQuery(
    trpc.actors.search.queryOptions(
      { query, limit: RESULT_LIMIT, ...(kinds?.length ? { kinds } : {}) },
      { enabled: open && query.length > 0, placeholderData: keepPreviousData, staleTime: 10_000 },
    ),
  );
  const results = query.length > 0 ? (search.data ?? []) : [];
  const options: Option[] = results
    .filter((actor) => !excludeIds.includes(actor.id))
    .map((actor) => ({
      key: actor.id,
      actor: { id: actor.id, name: actor.name, kind: actor.kind },
      detail: [
        actorKindLabels[actor.kind],
        actor.title || null,
        actor.affiliationName ? `for ${actor.affiliationName}` : null,
        actor.matchedAlias ? `also “${actor.matchedAlias}”` : null,
      ]
        .filter(Boolean)
        .join(' · '),
    }));
  if (allowCreate && text.trim()) options.push({ key: 'create', actor: null, detail: '' });
  const showList = open && text.trim().length > 0;
  const activeIndex = Math.min(active, Math.max(options.length - 1, 0));
  const optionId = (index: number) => `${listboxId}-option-${index}`;

  function pick(option: Option | undefined) {
    if (!option) return;
    if (!option.actor) {
      setCreating(text.trim());
      setOpen(false);
      return;
    }
    onPick(option.actor);
    setText('');
    setOpen(false);
    setActive(0);
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!open) setOpen(true);
        else setActive((activeIndex + 1) % Math.max(options.length, 1));
        break;
      case 'ArrowUp':
        event.preventDefault();
        if (!open) setOpen(true);
        else setActive((activeIndex - 1 + options.length) % Math.max(options.length, 1));
        break;
      case 'Enter':
        // Never submits the surrounding form: Enter here means "pick".
        event.preventDefault();
        if (showList) pick(options[activeIndex]);
        break;
      case 'Escape':
        if (showList) {
          event.preventDefault();
          event.stopPropagation();
          setOpen(false);
        } else if (text) {
          event.preventDefault();
          setText('');
        }
        break;
    }
  }

  return (
    <div className="relative">
      <input
        {...inputProps}
        ref={inputRef}
        type="text"
        role="combobox"
        aria-expanded={showList}
        aria-controls={listboxId}
        aria-autocomplete="list"
        aria-activedescendant={showList && options.length > 0 ? optionId(activeIndex) : undefined}
        autoComplete="off"
        spellCheck={false}
        maxLength={200}
        placeholder={placeholder}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
          setActive(0);
        }}
        onFocus={() => setOpen(true)}
        // Picking with the mouse happens on mousedown (below), before this blur closes the list.
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
        className="mt-1 block w-full rounded-md border border-stone-300 bg-white px-2.5 py-1.5 text-sm text-stone-900 shadow-sm focus:border-blue-600 focus:ring-1 focus:ring-blue-600 focus:outline-none aria-[invalid=true]:border-red-500"
      />
      <ul
        id={listboxId}
        role="listbox"
        aria-label="Matching actors"
        hidden={!showList}
        className="absolute z-30 mt-1 max-h-72 w-full overflow-y-auto rounded-md border border-stone-200 bg-white py-1 text-sm shadow-lg"
      >
        {showList && options.length === 0 ? (
          <li className="px-3 py-2 text-stone-500">{search.isFetching || query !== text.trim() ? 'Searching…' : 'No actor matches.'}</li>
        ) : null}
        {showList
          ? options.map((option, index) => (
              <li
                key={option.key}
                id={optionId(index)}
                role="option"
                aria-selected={index === activeIndex}
                onMouseDown={(event) => {
                  event.preventDefault();
                  pick(option);
                }}
                onMouseEnter={() => setActive(index)}
                className={`cursor-pointer px-3 py-1.5 ${index === activeIndex ? 'bg-blue-50' : ''} ${option.actor ? '' : 'border-t border-stone-100 text-blue-800'}`}
              >
                {option.actor ? (
                  <>
                    <span className="font-medium text-stone-900">{option.actor.name}</span>
                    {option.detail ? <span className="block text-xs text-stone-500">{option.detail}</span> : null}
                  </>
                ) : (
                  <>Create new actor “{text.trim()}”…</>
                )}
              </li>
            ))
          : null}
      </ul>
      {creating !== null ? (
        <CreateActorDialog
          initialName={creating}
          onClose={() => {
            setCreating(null);
            inputRef.current?.focus();
          }}
          onPicked={(actor) => {
            setCreating(null);
            setText('');
            onPick(actor);
            inputRef.current?.focus();
          }}
        />
      ) : null}
    </div>
  );
}

function Chip({ actor, onRemove, disabled }: { actor: PickedActor; onRemove: () => void; disabled?: boolean }) {
  return (
    <li className="inline-flex items-center gap-1 rounded-full bg-stone-100 py-0.5 pr-1 pl-2.5 text-sm text-stone-800 ring-1 ring-stone-300">
      <span>{actor.name}</span>
      {actor.kind ? <span className="text-xs text-stone-600">({actorKindLabels[actor.kind]})</span> : null}
      <button
        type="button"
        disabled={disabled}
        onClick={onRemove}
        aria-label={`Remove ${actor.name}`}
        className="ml-0.5 rounded-full px-1.5 text-stone-500 hover:bg-stone-200 hover:text-stone-900"
      >
        ×
      </button>
    </li>
  );
}

interface CommonProps {
  /** The input's id, for its <label>; Field passes it with aria-invalid / aria-describedby. */
  inputProps: InputProps;
  kinds?: ActorKind[];
  /** Actors not to offer (e.g. the actor being edited, or those already chosen elsewhere). */
  excludeIds?: readonly string[];
  /** Offer "Create new actor…" (editors only; the server refuses others anyway). */
  allowCreate?: boolean;
  disabled?: boolean;
}

/** Picks one actor. The choice shows as a chip; typing searches for another to replace it. */
export function ActorPicker({
  value,
  onChange,
  ...props
}: CommonProps & { value: PickedActor | null; onChange: (actor: PickedActor | null) => void }) {
  return (
    <div>
      {value ? (
        <ul aria-label="Chosen actor" className="mt-1 flex flex-wrap gap-1.5">
          <Chip actor={value} onRemove={() => onChange(null)} disabled={props.disabled} />
        </ul>
      ) : null}
      <ActorCombobox
        inputProps={props.inputProps}
        kinds={props.kinds}
        excludeIds={[...(props.excludeIds ?? []), ...(value ? [value.id] : [])]}
        allowCreate={props.allowCreate ?? false}
        placeholder={value ? 'Type to choose another' : 'Type a name or alias'}
        onPick={onChange}
      />
    </div>
  );
}

/** Picks any number of actors, in the order chosen. */
export function ActorMultiPicker({
  value,
  onChange,
  ...props
}: CommonProps & { value: readonly PickedActor[]; onChange: (actors: PickedActor[]) => void }) {
  return (
    <div>
      {value.length > 0 ? (
        <ul aria-label="Chosen actors" className="mt-1 flex flex-wrap gap-1.5">
          {value.map((actor) => (
            <Chip
              key={actor.id}
              actor={actor}
              disabled={props.disabled}
              onRemove={() => onChange(value.filter((other) => other.id !== actor.id))}
            />
          ))}
        </ul>
      ) : null}
      <ActorCombobox
        inputProps={props.inputProps}
        kinds={props.kinds}
        excludeIds={[...(props.excludeIds ?? []), ...value.map((actor) => actor.id)]}
        allowCreate={props.allowCreate ?? false}
        placeholder="Type a name or alias to add"
        onPick={(actor) => onChange([...value.filter((other) => other.id !== actor.id), actor])}
      />
    </div>
  );
}
