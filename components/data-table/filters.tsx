'use client';

import { useEffect, useEffectEvent, useState } from 'react';
import { Input, Label } from '@/components/ui/primitives';

const SEARCH_DELAY_MS = 300;

function toggle<T>(list: readonly T[], value: T, on: boolean): T[] {
  return on ? [...list.filter((item) => item !== value), value] : list.filter((item) => item !== value);
}

/**
 * Search box whose text reaches the address (and the server) a moment after typing stops. `value` is the search
 * in the address; `onSearch` receives the trimmed text.
 */
export function SearchFilter({
  id,
  label,
  placeholder,
  value,
  onSearch,
  maxLength = 200,
}: {
  id: string;
  label: string;
  placeholder?: string;
  value: string;
  onSearch: (search: string) => void;
  maxLength?: number;
}) {
  const [draft, setDraft] = useState(value);
  const [seen, setSeen] = useState(value);
  const [sent, setSent] = useState(value);
  // The address changed without us (Back, a pasted link): show its search. Our own debounced change arriving
  // late must not overwrite what was typed since.
  if (value !== seen) {
    setSeen(value);
    if (value !== sent) {
      setDraft(value);
      setSent(value);
    }
  }
  const search = useEffectEvent((text: string) => {
    setSent(text);
    onSearch(text);
  });
  useEffect(() => {
    const text = draft.trim();
    if (text === value) return;
    const timer = setTimeout(() => search(text), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [draft, value]);

  return (
    <div className="w-full sm:max-w-sm">
      <label htmlFor={id} className="block text-sm font-medium text-stone-800">
        {label}
      </label>
      <Input
        id={id}
        type="search"
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        placeholder={placeholder}
        maxLength={maxLength}
        autoComplete="off"
      />
    </div>
  );
}

/** A filter over a fixed vocabulary: one checkbox per value, any number ticked (none ticked = no filter). */
export function CheckboxFilter<T extends string>({
  legend,
  options,
  selected,
  onChange,
  idPrefix,
}: {
  legend: string;
  options: ReadonlyArray<readonly [T, string]>;
  selected: readonly T[];
  onChange: (next: T[]) => void;
  idPrefix: string;
}) {
  return (
    <fieldset className="min-w-0">
      <legend className="text-sm font-medium text-stone-800">{legend}</legend>
      <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
        {options.map(([value, label]) => (
          <label key={value} htmlFor={`${idPrefix}-${value}`} className="flex items-center gap-1.5 text-sm text-stone-700">
            <input
              id={`${idPrefix}-${value}`}
              type="checkbox"
              className="size-4 accent-ink"
              checked={selected.includes(value)}
              onChange={(event) => onChange(toggle(selected, value, event.target.checked))}
            />
            {label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** The "Show deleted" switch every list of soft-deleted rows has. */
export function ShowDeletedToggle({ checked, onChange }: { checked: boolean; onChange: (deleted: boolean) => void }) {
  return (
    <label className="flex items-center gap-2 text-sm text-stone-700">
      <input type="checkbox" className="size-4 accent-ink" checked={checked} onChange={(event) => onChange(event.target.checked)} />
      Show deleted
    </label>
  );
}

/** "Said between" From / To date inputs (ids `${idPrefix}-from`, `${idPrefix}-to`), with a note while To is before From. */
export function DayRangeFilter({
  legend,
  idPrefix,
  from,
  to,
  inOrder,
  onFromChange,
  onToChange,
}: {
  legend: string;
  idPrefix: string;
  from: string | null;
  to: string | null;
  inOrder: boolean;
  onFromChange: (from: string | null) => void;
  onToChange: (to: string | null) => void;
}) {
  return (
    <fieldset className="flex flex-wrap items-end gap-4">
      <legend className="text-sm font-medium text-stone-800">{legend}</legend>
      <div>
        <Label htmlFor={`${idPrefix}-from`} className="font-normal">
          From
        </Label>
        <Input id={`${idPrefix}-from`} type="date" value={from ?? ''} onChange={(event) => onFromChange(event.target.value || null)} />
      </div>
      <div>
        <Label htmlFor={`${idPrefix}-to`} className="font-normal">
          To
        </Label>
        <Input
          id={`${idPrefix}-to`}
          type="date"
          value={to ?? ''}
          min={from ?? undefined}
          aria-invalid={!inOrder}
          onChange={(event) => onToChange(event.target.value || null)}
        />
      </div>
      {inOrder ? null : <p className="text-sm text-red-700">“To” is before “From”: only “From” applies.</p>}
    </fieldset>
  );
}
