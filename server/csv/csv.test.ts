import { parse } from 'csv-parse/sync';
import { gzipSync, createGzip, constants } from 'node:zlib';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { readCsv } from '@/server/testing/fixtures';
import { csvRecord, csvStream, neutraliseCell, type CsvColumn } from './csv';

/** gzip as a compressing HTTP server sends a stream: every chunk written, then flushed (Z_SYNC_FLUSH). */
async function gzipFlushingEachChunk(chunks: Uint8Array[]): Promise<Buffer> {
  const gzip = createGzip();
  const out: Buffer[] = [];
  gzip.on('data', (data: Buffer) => out.push(data));
  for (const chunk of chunks) {
    gzip.write(chunk);
    await new Promise<void>((resolve) => gzip.flush(constants.Z_SYNC_FLUSH, () => resolve()));
  }
  await new Promise<void>((resolve) => gzip.end(resolve));
  await new Promise((resolve) => setImmediate(resolve));
  return Buffer.concat(out);
}

async function* each<Row>(rows: Row[]): AsyncGenerator<Row> {
  for (const row of rows) yield row;
}

interface Row {
  text: string | null;
  number?: number;
  date?: Date;
}
const columns: ReadonlyArray<CsvColumn<Row>> = [
  { header: 'text', value: (row) => row.text },
  { header: 'number', value: (row) => row.number },
  { header: 'date', value: (row) => row.date },
];

describe('csvStream', () => {
  it('starts with a byte-order mark and one header row, and ends every line with CRLF', async () => {
    const bytes = new Uint8Array(await new Response(csvStream(each([{ text: 'a', number: 1 }, { text: 'b', number: 2 }]), columns)).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text).toBe('\uFEFFtext,number,date\r\na,1,\r\nb,2,\r\n');
  });

  it('writes only the header for no rows', async () => {
    expect(await readCsv(csvStream(each<Row>([]), columns))).toBe('\uFEFFtext,number,date\r\n');
  });

  it('round-trips commas, quotes, line breaks, spaces and unicode exactly', async () => {
    const texts = [
      'plain',
      'comma, inside',
      'double "quotes" inside',
      '"starts and ends with quotes"',
      'line one\nline two',
      'windows\r\nline break',
      '  leading and trailing spaces  ',
      '',
      'Erdoğan',
      'Azərbaycan Respublikası, Şuşa, Ağdam',
      'Հայաստանի Հանրապետություն, Ստեփանակերտ',
      'Нагорный Карабах',
      'emoji 🇦🇿🇦🇲 and ZWJ 👩‍👩‍👧',
      'tab\tinside',
      "apostrophe's",
      'semicolon; pipe | backslash \\',
    ];
    const text = await readCsv(csvStream(each(texts.map((value) => ({ text: value }))), columns));
    const records = parse(text, { bom: true }) as string[][];
    expect(records[0]).toEqual(['text', 'number', 'date']);
    expect(records.slice(1).map((record) => record[0])).toEqual(texts);
    expect(records.slice(1).every((record) => record.length === 3)).toBe(true);
  });

  it('neutralises text cells a spreadsheet would run as a formula, and only those', async () => {
    const texts = ['=1+2', '+1', '-1', '@SUM(A1)', '\tindented', '\rcarriage', '\nnewline', '=HYPERLINK("http://evil.example","x")', 'a=1', ' =1', "'already"];
    const text = await readCsv(csvStream(each(texts.map((value) => ({ text: value }))), columns));
    const cells = (parse(text, { bom: true }) as string[][]).slice(1).map((record) => record[0]);
    expect(cells).toEqual([
      "'=1+2",
      "'+1",
      "'-1",
      "'@SUM(A1)",
      "'\tindented",
      "'\rcarriage",
      "'\nnewline",
      `'=HYPERLINK("http://evil.example","x")`,
      'a=1',
      ' =1',
      "'already",
    ]);
  });

  it('keeps number and date cells plain, negative numbers included', async () => {
    const date = new Date('2020-09-27T06:15:00.123Z');
    const text = await readCsv(
      csvStream(
        each<Row>([
          { text: '-5', number: -5, date },
          { text: null, number: 1 },
          { text: null, number: 0 },
          { text: null, number: -0.25 },
          { text: null, number: 1e21 },
        ]),
        columns,
      ),
    );
    const records = (parse(text, { bom: true }) as string[][]).slice(1);
    expect(records).toEqual([
      ["'-5", '-5', '2020-09-27T06:15:00.123Z'],
      ['', '1', ''],
      ['', '0', ''],
      ['', '-0.25', ''],
      ['', '1e+21', ''],
    ]);
  });

  it('pulls rows as the reader asks for them instead of reading them all first', async () => {
    let produced = 0;
    let finished = false;
    async function* many() {
      try {
        for (let index = 0; index < 200_000; index++) {
          produced++;
          yield { text: `row ${index}` };
        }
      } finally {
        finished = true;
      }
    }
    const reader = csvStream(many(), columns).getReader();
    await reader.read();
    await reader.read();
    await new Promise((resolve) => setTimeout(resolve, 20));
    // Two chunks read and one ahead (~6,000 of these short rows each), nowhere near the 200,000 rows available.
    expect(produced).toBeLessThan(25_000);
    await reader.cancel();
    // Cancelling (the client went away) stops the source, so a database cursor is not left open.
    expect(finished).toBe(true);
  });

  it('sends tens of kilobytes per chunk, not a chunk per row, so gzip compresses the download as a whole', async () => {
    const rows = Array.from({ length: 5_000 }, (_, index) => ({ text: `Report ${index}: shelling near Terter`, number: index, date: new Date(Date.UTC(2020, 8, 27, 0, index)) }));
    const chunks: Uint8Array[] = [];
    const reader = csvStream(each(rows), columns).getReader();
    for (let next = await reader.read(); !next.done; next = await reader.read()) chunks.push(next.value);
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks.slice(0, -1)) expect(chunk.byteLength).toBeGreaterThanOrEqual(16 * 1024);
    const whole = Buffer.concat(chunks);
    // As Next's compression sends it: each chunk flushed through one gzip stream.
    const perChunk = await gzipFlushingEachChunk(chunks);
    expect(perChunk.byteLength).toBeLessThan(gzipSync(whole).byteLength * 1.05);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(whole);
    expect((parse(text, { bom: true }) as string[][]).length).toBe(5_001);
  });

  it('writes what csv-stringify writes with the options it was used with (the writer this one replaced), for any text', async () => {
    const alphabet = ['a', 'Z', '0', ',', '"', '\r', '\n', '\r\n', ' ', '=', '+', '-', '@', '\t', "'", ';', 'ğ', 'Ա', '🇦🇿', '\u0000', '\uFEFF'];
    let seed = 7;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const rows: Row[] = Array.from({ length: 2_000 }, (_, index) => ({
      text: index % 50 === 0 ? null : Array.from({ length: Math.floor(random() * 12) }, () => alphabet[Math.floor(random() * alphabet.length)]).join(''),
      number: index % 3 ? (random() - 0.5) * 10 ** Math.floor(random() * 25) : undefined,
      date: index % 4 ? new Date(Math.floor(random() * 4e12)) : undefined,
    }));
    const reference = stringify(
      [columns.map((column) => column.header), ...rows.map((row) => columns.map((column) => column.value(row) ?? ''))],
      // quote_record_delimiter: a lone CR or LF inside a cell is quoted too (csv-stringify, given CRLF as the record
      // delimiter, had stopped quoting those, and a spreadsheet splits the row there).
      { record_delimiter: 'windows', quote_record_delimiter: true, cast: { string: neutraliseCell, date: (value: Date) => value.toISOString(), number: (value: number) => String(value) } },
    );
    // The header row went through without neutralising: none of ours needs it.
    expect(await readCsv(csvStream(each(rows), columns, { chunkChars: 1_000 }))).toBe(`\uFEFF${reference}`);
  });

  it('fails the stream when reading rows fails', async () => {
    async function* broken(): AsyncGenerator<Row> {
      yield { text: 'ok' };
      throw new Error('database went away');
    }
    await expect(readCsv(csvStream(broken(), columns))).rejects.toThrow('database went away');
  });
});

describe('neutraliseCell and csvRecord', () => {
  it.each(['=', '+', '-', '@', '\t', '\r', '\n'])('prefixes a cell starting with %j', (trigger) => {
    expect(neutraliseCell(`${trigger}x`)).toBe(`'${trigger}x`);
  });

  it('leaves other cells alone', () => {
    for (const text of ['', 'x', '1', ' -1', 'x=1', '€5', 'Ağdam']) expect(neutraliseCell(text)).toBe(text);
  });

  it('formats one record with CRLF, quoting only where needed', () => {
    expect(csvRecord(['a', 'b,c', 'say "x"', null, undefined, 3, new Date('2020-01-02T03:04:05Z')])).toBe(
      'a,"b,c","say ""x""",,,3,2020-01-02T03:04:05.000Z\r\n',
    );
  });

  it('quotes a cell holding a lone line feed or carriage return, which a spreadsheet would take for a new row', () => {
    expect(csvRecord(['line one\nline two', 'a\rb'])).toBe('"line one\nline two","a\rb"\r\n');
  });
});
