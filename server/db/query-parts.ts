import { gte, lt, sql, type AnyColumn, type SQL } from 'drizzle-orm';

/** Values as query parameters separated by commas, for `in (…)` or `array[…]`: one parameter each. */
export function valueList(values: readonly string[]): SQL {
  return sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  );
}

const dayStart = (day: string) => new Date(`${day}T00:00:00Z`);
const nextDayStart = (day: string) => new Date(dayStart(day).getTime() + 86_400_000);

/** A "between" filter on a moment: from the start of `from` to the end of `to` (UTC days, YYYY-MM-DD), either open. */
export function withinDays(column: AnyColumn, from: string | null | undefined, to: string | null | undefined): SQL[] {
  const conditions: SQL[] = [];
  if (from) conditions.push(gte(column, dayStart(from)));
  if (to) conditions.push(lt(column, nextDayStart(to)));
  return conditions;
}
