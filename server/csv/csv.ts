import { createHash } from 'node:crypto';
import { stringify } from 'csv-stringify/sync';

/**
 * The one CSV writer: RFC 4180 (CRLF, quotes doubled, fields quoted when needed), UTF-8 with a byte-order mark so
 * Excel reads "Erdoğan" correctly, one header row, rows streamed one at a time.
 */
export interface CsvColumn<Row> {
  header: string;
  /** Strings are text cells (neutralised against formula injection); numbers and Dates are typed cells, kept plain. */
  value: (row: Row) => string | number | Date | null | undefined;
}

const FORMULA_TRIGGER = /^[=+\-@\t\r\n]/;

/** OWASP CSV injection: a text cell a spreadsheet would run as a formula gets a leading apostrophe. */
export function neutraliseCell(text: string): string {
  return FORMULA_TRIGGER.test(text) ? `'${text}` : text;
}

const options = {
  record_delimiter: 'windows' as const,
  cast: {
    string: neutraliseCell,
    date: (value: Date) => value.toISOString(),
    number: (value: number) => String(value),
  },
};

export function csvRecord(values: Array<string | number | Date | null | undefined>): string {
  return stringify([values.map((value) => value ?? '')], options);
}

const BOM = '\uFEFF';

/** Streams rows as CSV: each row is formatted when the client is ready for it, so memory does not grow with count. */
export function csvStream<Row>(rows: AsyncIterable<Row>, columns: ReadonlyArray<CsvColumn<Row>>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = rows[Symbol.asyncIterator]();
  let started = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!started) {
          started = true;
          // Headers are plain labels we write, not user text: no neutralising needed, and none would be wanted.
          controller.enqueue(encoder.encode(BOM + stringify([columns.map((column) => column.header)], { record_delimiter: 'windows' })));
          return;
        }
        try {
          const next = await iterator.next();
          if (next.done) {
            controller.close();
            return;
          }
          controller.enqueue(encoder.encode(csvRecord(columns.map((column) => column.value(next.value)))));
        } catch (error) {
          controller.error(error);
        }
      },
      async cancel() {
        await iterator.return?.();
      },
    },
    { highWaterMark: 64 },
  );
}

const PUBLIC_REVALIDATE = 'public, no-cache';

/**
 * A CSV download. Public exports are `public, no-cache` with a strong ETag: any cache may keep a copy but must ask
 * again before each use, so an edit or an unpublished dossier shows at once, and an unchanged one costs a 304.
 * Desk exports are never stored.
 */
export function csvResponse(
  body: ReadableStream<Uint8Array>,
  filename: string,
  cache: { public: true; etag: string } | { public: false },
): Response {
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename.replace(/[^\w.-]/g, '_')}"`,
      ...(cache.public ? { 'Cache-Control': PUBLIC_REVALIDATE, ETag: cache.etag } : { 'Cache-Control': 'private, no-store' }),
    },
  });
}

/** A strong ETag naming exactly this content: a hash of everything the body is made from. */
export function strongEtag(...parts: Array<string | number>): string {
  return `"${createHash('sha256').update(JSON.stringify(parts)).digest('base64url')}"`;
}

/** Whether an If-None-Match header names this ETag (or is `*`). Weak comparison, as RFC 9110 asks for this header. */
export function ifNoneMatchMatches(header: string | null, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => opaque(tag) === opaque(etag));
}

/** The answer to a revalidation that found nothing changed: no body, the same validator and caching rules. */
export function notModified(etag: string): Response {
  return new Response(null, { status: 304, headers: { ETag: etag, 'Cache-Control': PUBLIC_REVALIDATE } });
}
