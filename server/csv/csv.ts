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

export function csvResponse(body: ReadableStream<Uint8Array>, filename: string, cache: 'public' | 'private'): Response {
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename.replace(/[^\w.-]/g, '_')}"`,
      'Cache-Control': cache === 'public' ? 'public, max-age=60' : 'private, no-store',
    },
  });
}
