import { formatDay, formatMoment } from '@/components/format';
import type { DatePrecision } from '@/server/claims/claims.labels';

/** A claim's moment as precise as the desk knows it: "28 Sept 2020", "28 Sept 2020, 09:00 UTC", "c. 28 Sept 2020". */
export function formatClaimMoment(value: Date | string | null | undefined, precision: DatePrecision): string {
  if (!value) return '—';
  if (precision === 'exact') return formatMoment(value);
  if (precision === 'approximate') return `c. ${formatDay(value)}`;
  return formatDay(value);
}
