'use client';

import { Input } from '@/components/ui/primitives';
import type { DatePrecision } from '@/server/claims/claims.labels';

/** A stored moment as a form holds it: a Date from the server, the input's text, or nothing. */
export type Moment = Date | string | null | undefined;

/** A stored moment as its input shows it: "2020-09-28" for a day, "2020-09-28T09:00" (UTC) for an exact time. */
export function momentText(value: Moment, precision: DatePrecision): string {
  if (!value) return '';
  const iso = value instanceof Date ? value.toISOString() : value;
  return precision === 'exact' ? iso.slice(0, 16) : iso.slice(0, 10);
}

/**
 * The moment kept across a change of its precision, in the shape the other input needs ("2020-09-28" ⇄
 * "2020-09-28T00:00Z"); null when there is no moment to keep.
 */
export function momentInPrecision(value: Moment, next: DatePrecision): string | null {
  const text = momentText(value, 'exact');
  if (!text) return null;
  const day = text.slice(0, 10);
  return next === 'exact' ? `${day}T${text.slice(11, 16) || '00:00'}Z` : day;
}

/** A date or date-and-time input for one moment, in UTC (the desk's time everywhere); its precision picks which. */
export function MomentInput({
  value,
  precision,
  onChange,
  ...props
}: {
  id: string;
  value: Moment;
  precision: DatePrecision;
  onChange: (value: string) => void;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}) {
  const text = momentText(value, precision);
  return precision === 'exact' ? (
    <Input {...props} type="datetime-local" value={text} onChange={(event) => onChange(event.target.value ? `${event.target.value}Z` : '')} />
  ) : (
    <Input {...props} type="date" value={text} onChange={(event) => onChange(event.target.value)} />
  );
}
