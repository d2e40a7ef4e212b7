'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useDebouncedValue } from '@/components/actors/use-debounced-value';
import { formatDay } from '@/components/format';
import { useTRPC } from '@/trpc/client';

const SEARCH_DELAY_MS = 250;
const RESULT_LIMIT = 8;

export interface PickedClaim {
  id: string;
  statement: string;
  claimantName?: string;
}

/**
 * Picks a claim of one dossier (for a relation): a combobox over the claims table's full-text search, showing the
 * latest claims before anything is typed. ↑/↓ move, Enter picks, Escape closes.
 */
export function ClaimPicker({
  dossierId,
  inputProps,
  value,
  onChange,
  excludeIds = [],
}: {
  dossierId: string;
  inputProps: { id: string; 'aria-invalid'?: boolean; 'aria-describedby'?: string; 'aria-label'?: string };
  value: PickedClaim | null;
  onChange: (claim: PickedClaim | null) => void;
  excludeIds?: readonly string[];
}) {
  const trpc = useTRPC();
  const listboxId = useId();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const search = useDebouncedValue(text.trim(), SEARCH_DELAY_MS);
  const results = useQuery(
    trpc.claims.list.queryOptions(
      { dossierId, search, sort: 'said', order: 'desc', limit: RESULT_LIMIT },
      { enabled: open, placeholderData: keepPreviousData, staleTime: 10_000 },
    ),
  );
  const options = (results.data?.items ?? []).filter((claim) => claim.id !== value?.id && !excludeIds.includes(claim.id));
  const activeIndex = Math.min(active, Math.max(options.length - 1, 0));
  const optionId = (index: number) => `${listboxId}-option-${index}`;

  function pick(index: number) {
    const claim = options[index];
    if (!claim) return;
    onChange({ id: claim.id, statement: claim.statement, claimantName: claim.claimant.name });
    setText('');
    setOpen(false);
    setActive(0);
  }

  return (
    <div>
      {value ? (
        <p className="mt-1 flex items-start gap-2 rounded-md bg-stone-50 px-2.5 py-1.5 text-sm text-stone-800 ring-1 ring-stone-200">
          <span className="min-w-0 flex-1">
            {value.claimantName ? <span className="font-medium">{value.claimantName}: </span> : null}
            {value.statement}
          </span>
          <button
            type="button"
            onClick={() => onChange(null)}
            aria-label="Clear the chosen claim"
            className="rounded px-1.5 text-stone-500 hover:bg-stone-200 hover:text-stone-900"
          >
            ×
          </button>
        </p>
      ) : null}
      <div className="relative">
        <input
          {...inputProps}
          type="text"
          role="combobox"
          aria-expanded={open}
          aria-controls={listboxId}
          aria-autocomplete="list"
          aria-activedescendant={open && options.length > 0 ? optionId(activeIndex) : undefined}
          autoComplete="off"
          maxLength={200}
          placeholder={value ? 'Search to choose another claim' : 'Search this dossier’s claims'}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setOpen(true);
            setActive(0);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
              event.preventDefault();
              if (!open) return setOpen(true);
              const step = event.key === 'ArrowDown' ? 1 : -1;
              setActive((activeIndex + step + options.length) % Math.max(options.length, 1));
            } else if (event.key === 'Enter') {
              event.preventDefault();
              if (open) pick(activeIndex);
            } else if (event.key === 'Escape' && open) {
              event.preventDefault();
              event.stopPropagation();
              setOpen(false);
            }
          }}
          className="mt-1 block w-full rounded-md border border-stone-300 bg-white px-2.5 py-1.5 text-sm text-stone-900 shadow-sm focus:border-blue-600 focus:ring-1 focus:ring-blue-600 focus:outline-none aria-[invalid=true]:border-red-500"
        />
        <ul
          id={listboxId}
          role="listbox"
          aria-label="Matching claims"
          hidden={!open}
          className="absolute z-30 mt-1 max-h-80 w-full overflow-y-auto rounded-md border border-stone-200 bg-white py-1 text-sm shadow-lg"
        >
          {open && options.length === 0 ? (
            <li className="px-3 py-2 text-stone-500">{results.isFetching ? 'Searching…' : 'No claim matches.'}</li>
          ) : null}
          {open
            ? options.map((claim, index) => (
                <li
                  key={claim.id}
                  id={optionId(index)}
                  role="option"
                  aria-selected={index === activeIndex}
                  onMouseDown={(event) => {
                    event.preventDefault();
                    pick(index);
                  }}
                  onMouseEnter={() => setActive(index)}
                  className={`cursor-pointer px-3 py-1.5 ${index === activeIndex ? 'bg-blue-50' : ''}`}
                >
                  <span className="text-stone-900">{claim.statement}</span>
                  <span className="block text-xs text-stone-500">
                    {claim.claimant.name} · {formatDay(claim.saidAt)}
                  </span>
                </li>
              ))
            : null}
        </ul>
      </div>
    </div>
  );
}
