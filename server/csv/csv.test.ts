import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { readCsv } from '@/server/testing/fixtures';
import { csvRecord, csvStream, neutraliseCell, type CsvColumn } from './csv';


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
        for (let index = 0; index < 10_000; index++) {
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
    // A small read-ahead buffer at most, nowhere near the 10,000 rows available.
    expect(produced).toBeLessThan(200);
    await reader.cancel();
    // Cancelling (the client went away) stops the source, so a database cursor is not left open.
    expect(finished).toBe(true);
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
});
