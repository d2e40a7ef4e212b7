import { formatDay, formatMoment } from '@/components/format';
import type { DatePrecision } from '@/server/claims/claims.labels';

/** A claim's moment as precisely as the desk knows it: "28 Sept 2020, 06:00 UTC", "28 Sept 2020", "around 28 Sept 2020". */
export function formatClaimMoment(value: Date | string | null | undefined, precision: DatePrecision): string {
  if (!value) return 'Date not known';
  if (precision === 'exact') return formatMoment(value);
  if (precision === 'approximate') return `around ${formatDay(value)}`;
  return formatDay(value);
}

/** "at least 12" or "12". */
export function formatFigure(value: number, atLeast: boolean): string {
  const number = value.toLocaleString('en-GB');
  return atLeast ? `at least ${number}` : number;
}

/** The first words of a statement, for a link to it. */
export function shorten(text: string, max = 120): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
