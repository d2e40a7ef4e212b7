import { z, type ZodError } from 'zod';

/** Building blocks for API inputs, so every procedure states the same limits the same way. */

export const entityId = z.uuid({ error: 'Must be a valid id' });
export const version = z.number({ error: 'Version is required' }).int().min(1).max(2_147_483_647);

/** A row at the version the client saw: the input of delete, restore and other versioned writes without fields. */
export const versionedIdInput = z.object({ id: entityId, version });

/** PostgreSQL text cannot hold U+0000: refuse it here, naming the field, instead of failing in the database. */
const hasNoNul = (value: string) => !value.includes('\u0000');

/** Any string the database can store. Use it (not bare z.string()) for every text that reaches a query. */
export const storableString = (label: string) =>
  z.string({ error: `${label} is required` }).refine(hasNoNul, `${label} must not contain NUL characters`);

export const requiredText = (label: string, max: number) =>
  storableString(label)
    .trim()
    .min(1, `${label} is required`)
    .max(max, `${label} must be at most ${max} characters`);

export const optionalText = (label: string, max: number) =>
  storableString(label)
    .trim()
    .max(max, `${label} must be at most ${max} characters`)
    .default('');

/** An http(s) address, or nothing: blank input becomes null. */
export const optionalWebUrl = (label: string) =>
  z
    .union([z.literal(''), z.null(), z.undefined(), z.string().trim()])
    .transform((value) => (value ? value : null))
    .pipe(
      z
        .url({
          protocol: /^https?$/,
          hostname: z.regexes.domain,
          error: `${label} must be a full web address starting with http:// or https://`,
        })
        .max(2048, `${label} must be at most 2048 characters`)
        .nullable(),
    )
    // A missing key means "none", like a blank field.
    .default(null);

const EARLIEST = new Date('1900-01-01T00:00:00Z');

/** JavaScript reads "2020-02-31" as 2 March; a day that is not on the calendar is refused instead. */
function isCalendarDay(value: unknown): boolean {
  const match = typeof value === 'string' ? /^\s*(\d{4})-(\d{2})-(\d{2})/.exec(value) : null;
  if (!match) return true;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A moment in the past (a day of slack for time zones), from a Date or an ISO string; blank becomes null. */
export const optionalPastMoment = (label: string) =>
  z
    .union([z.literal(''), z.null(), z.undefined(), z.date(), z.string()])
    .refine(isCalendarDay, `${label} must be a valid date`)
    .transform((value) => (value === '' || value == null ? null : value))
    .pipe(
      z.coerce
        .date<string | Date>({ error: `${label} must be a valid date` })
        .min(EARLIEST, `${label} must be after 1900`)
        .refine((date) => date.getTime() <= Date.now() + 86_400_000, `${label} cannot be in the future`)
        .nullable(),
    )
    .default(null);

/** A calendar day as YYYY-MM-DD between 1900 and 2100; blank becomes null. */
export const optionalDay = (label: string) =>
  z
    .union([z.literal(''), z.null(), z.undefined(), z.string()])
    .transform((value) => (value ? value : null))
    .pipe(
      z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/, `${label} must be a date like 2020-09-27`)
        .refine((day) => {
          const parsed = new Date(`${day}T00:00:00Z`);
          return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(day) && day >= '1900-01-01' && day <= '2100-12-31';
        }, `${label} must be a real date between 1900 and 2100`)
        .nullable(),
    )
    .default(null);

/** The message of an enum field: "Stance must be one of: ceasefire, talks, …". */
export const oneOf = (label: string, values: readonly string[]) => ({ error: `${label} must be one of: ${values.join(', ')}` });

/** An array refinement: no two items share a key. */
export const noRepeats =
  <T>(key: (item: T) => string) =>
  (items: T[]) =>
    new Set(items.map(key)).size === items.length;

/** A BCP 47 language tag (az, hy, ru, pt-BR), or blank. */
export const languageTag = (label: string) =>
  optionalText(label, 35).refine(
    (tag) => tag === '' || /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/.test(tag),
    `${label} must be a language code such as az, hy, ru or pt-BR`,
  );

/** Opaque keyset cursor (see server/db/pagination.ts). */
export const cursor = z.string().max(1000).nullish();

export const pageSize = z.number().int().min(1).max(200).default(50);

/** "title: Title is required" — the first problem, naming the field, for forms, API clients and the CLI alike. */
export function describeZodError(error: ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'Invalid input';
  const field = issue.path.filter((part) => typeof part !== 'symbol').join('.');
  return field ? `${field}: ${issue.message}` : issue.message;
}

export const MAX_EXCERPT_LENGTH = 5000;
export const MAX_TAGS = 20;
export const MAX_TAG_LENGTH = 60;

/** One source a record (a claim, a reaction) cites, with the exact excerpt it rests on. */
export const citedSourceInput = z.object({
  sourceId: entityId,
  excerpt: optionalText('Excerpt', MAX_EXCERPT_LENGTH),
});
export type CitedSourceInput = z.infer<typeof citedSourceInput>;

/** A record's cited sources: at most `max`, each source once. `record` starts the message: "A claim". */
export const citedSources = (record: string, max: number) =>
  z
    .array(citedSourceInput)
    .max(max, `${record} can cite at most ${max} sources`)
    .refine(noRepeats((item: CitedSourceInput) => item.sourceId), 'Sources lists the same source twice')
    .default([]);

/** A record's desk tags: at most MAX_TAGS, repeats dropped. `record` starts the message: "A claim". */
export const tagList = (record: string) =>
  z
    .array(requiredText('Tag', MAX_TAG_LENGTH))
    .max(MAX_TAGS, `${record} can have at most ${MAX_TAGS} tags`)
    .transform((tags) => [...new Set(tags)])
    .default([]);

/** Sort order of a list. Never call the key `direction`: tRPC's infinite queries reserve that input key. */
export const sortOrder = z.enum(['asc', 'desc'], { error: 'Order must be asc or desc' }).default('desc');

/** A dossier's slug as readers' procedures take it from the address (looked up, so any storable text up to 200). */
export const publicSlug = storableString('Slug').trim().min(1, 'Slug is required').max(200, 'Slug must be at most 200 characters');

/** A list's full-text search: trimmed, at most 200 characters, blank for none. */
export const listSearch = storableString('Search').trim().max(200, 'Search must be at most 200 characters').default('');
