const dayFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const momentFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'UTC',
  timeZoneName: 'short',
});

/** "28 Sept 2020" (UTC), or an em dash for no date. */
export function formatDay(value: Date | string | null | undefined): string {
  if (!value) return '—';
  const date = typeof value === 'string' ? new Date(value.length === 10 ? `${value}T00:00:00Z` : value) : value;
  return Number.isNaN(date.getTime()) ? '—' : dayFormat.format(date);
}

export function formatMoment(value: Date | string | null | undefined): string {
  if (!value) return '—';
  const date = typeof value === 'string' ? new Date(value) : value;
  return Number.isNaN(date.getTime()) ? '—' : momentFormat.format(date);
}

export function formatDayRange(start: string | null | undefined, end: string | null | undefined): string {
  if (!start && !end) return '';
  if (start && !end) return `since ${formatDay(start)}`;
  if (!start) return `until ${formatDay(end)}`;
  return `${formatDay(start)} – ${formatDay(end)}`;
}
