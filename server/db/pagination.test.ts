import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { reliabilityGrades, sources } from '@/server/sources/schema';
import { decodeCursor, encodeCursor, toPage, type KeysetSort } from './pagination';

const byTitle: KeysetSort = { column: sources.title, id: sources.id, direction: 'asc', nullable: false, valueType: 'text' };
const byCreated: KeysetSort = { column: sources.createdAt, id: sources.id, direction: 'desc', nullable: false, valueType: 'timestamp' };
const byPublished: KeysetSort = { column: sources.publishedAt, id: sources.id, direction: 'desc', nullable: true, valueType: 'timestamp' };
const byReliability: KeysetSort = { column: sources.reliability, id: sources.id, direction: 'asc', nullable: false, valueType: { enum: reliabilityGrades } };

const id = randomUUID();
const raw = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value), 'utf8').toString('base64url');

function expectInvalid(cursor: string, sort: KeysetSort = byTitle) {
  expect(() => decodeCursor(cursor, sort)).toThrowError(expect.objectContaining({ code: 'BAD_REQUEST', message: expect.stringMatching(/^cursor: /) }));
}

describe('cursor encoding', () => {
  it.each([
    ['plain text', 'report 001'],
    ['the empty string', ''],
    ['quotes, commas and backslashes', 'say "hi", \\ then \'bye\''],
    ['unicode', 'Erdoğan — Հայաստան — Azərbaycan 🇦🇿'],
    ['text that looks like JSON', '["x","y"]'],
  ])('round-trips %s', (_label, value) => {
    const cursor = encodeCursor(value, id);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/); // safe in a URL without escaping
    expect(decodeCursor(cursor, byTitle)).toEqual({ value, id });
  });

  it('round-trips a null sort value (rows without a date sort last)', () => {
    expect(decodeCursor(encodeCursor(null, id), byPublished)).toEqual({ value: null, id });
    expect(decodeCursor(encodeCursor(undefined, id), byPublished)).toEqual({ value: null, id });
  });

  it('refuses a null sort value for a column that cannot be null (a forged cursor)', () => {
    expect(() => decodeCursor(encodeCursor(null, id), byCreated)).toThrow(/cursor/);
    expect(() => decodeCursor(encodeCursor(null, id), byTitle)).toThrow(/cursor/);
  });

  it.each(['2020-09-27 06:15:00.123456+00', '2020-09-27 06:15:00+00', '2020-09-27 06:15:00.5+05:30', '1999-12-31 23:59:59.999999-03'])(
    'accepts a timestamp as PostgreSQL prints it: %s',
    (value) => {
      expect(decodeCursor(encodeCursor(value, id), byCreated)).toEqual({ value, id });
    },
  );

  it.each(['2020-09-27T06:15:00.123Z', 'not a date', '2020-09-27', '', '99999-01-01 00:00:00+00', '2020-09-27 06:15:00'])(
    'refuses a timestamp cursor value that PostgreSQL did not print: %j',
    (value) => expectInvalid(encodeCursor(value, id), byCreated),
  );

  it.each([
    '2020-02-29 00:00:00+00', // a leap day
    '2000-02-29 12:00:00+00', // a leap day in a century divisible by 400
    '2020-12-31 23:59:59.999999+00',
    '0001-01-01 00:00:00+00',
    '2020-09-27 06:15:00-00:25:21', // a local mean time offset, as PostgreSQL prints it for old dates
    '2020-09-27 06:15:00+14',
    '2020-09-27 06:15:00-12:00',
  ])('accepts a real calendar moment: %s', (value) => {
    expect(decodeCursor(encodeCursor(value, id), byCreated)).toEqual({ value, id });
    expect(decodeCursor(encodeCursor(value, id), byPublished)).toEqual({ value, id });
  });

  it.each([
    ['month 13 and day 45, hour 99 (the reported cursor)', '2020-13-45 99:99:99+00'],
    ['month 0', '2020-00-10 00:00:00+00'],
    ['month 13', '2020-13-01 00:00:00+00'],
    ['day 0', '2020-09-00 00:00:00+00'],
    ['day 32', '2020-01-32 00:00:00+00'],
    ['31 September', '2020-09-31 00:00:00+00'],
    ['30 February', '2020-02-30 00:00:00+00'],
    ['29 February of a common year', '2021-02-29 00:00:00+00'],
    ['29 February 1900 (not a leap year)', '1900-02-29 00:00:00+00'],
    ['year 0 (PostgreSQL has none)', '0000-01-01 00:00:00+00'],
    ['hour 24', '2020-09-27 24:00:00+00'],
    ['minute 60', '2020-09-27 06:60:00+00'],
    ['second 60', '2020-09-27 06:15:60+00'],
    ['an offset of 16 hours', '2020-09-27 06:15:00+16'],
    ['an offset of 99 hours', '2020-09-27 06:15:00-99'],
    ['offset minutes of 60', '2020-09-27 06:15:00+05:60'],
    ['offset seconds of 60', '2020-09-27 06:15:00+05:30:60'],
    ['seven fractional digits', '2020-09-27 06:15:00.1234567+00'],
  ])('refuses a timestamp cursor value with %s: it never reaches the database', (_label, value) => {
    expectInvalid(encodeCursor(value, id), byCreated);
    expectInvalid(encodeCursor(value, id), byPublished);
  });

  it('accepts only the enum’s own values for an enum column', () => {
    expect(decodeCursor(encodeCursor('C', id), byReliability)).toEqual({ value: 'C', id });
    expectInvalid(encodeCursor('G', id), byReliability);
    expectInvalid(encodeCursor('c', id), byReliability);
  });

  it.each([
    ['not base64 JSON', 'garbage'],
    ['an empty JSON array', raw([])],
    ['one element', raw(['x'])],
    ['three elements', raw(['x', id, 'extra'])],
    ['an object', raw({ value: 'x', id })],
    ['a JSON string', raw('"x"')],
    ['truncated JSON', raw(`["x","${id}"`)],
    ['an id that is not a uuid', encodeCursor('x', 'not-a-uuid')],
    ['an id with SQL in it', encodeCursor('x', "' or 1=1 --")],
    ['a numeric id', raw(['x', 42])],
    ['a numeric value', raw([42, id])],
    ['an object value', raw([{ a: 1 }, id])],
    ['an array value', raw([['x'], id])],
    ['a NUL character', encodeCursor('a\u0000b', id)],
    ['an overlong value', encodeCursor('x'.repeat(1001), id)],
  ])('refuses %s with BAD_REQUEST', (_label, cursor) => expectInvalid(cursor));
});

describe('toPage', () => {
  const rows = (count: number) => Array.from({ length: count }, (_, index) => ({ id: randomUUID(), title: `t${index}`, cursorValue: `t${index}` }));

  it('has no next page when the extra row is missing', () => {
    const page = toPage(rows(3), 3);
    expect(page.items).toHaveLength(3);
    expect(page.nextCursor).toBeNull();
    expect(toPage([], 50)).toEqual({ items: [], nextCursor: null });
  });

  it('trims the extra row and points the cursor at the last row kept', () => {
    const fetched = rows(4);
    const page = toPage(fetched, 3);
    expect(page.items.map((row) => row.id)).toEqual(fetched.slice(0, 3).map((row) => row.id));
    expect(decodeCursor(page.nextCursor!, byTitle)).toEqual({ value: 't2', id: fetched[2]!.id });
  });

  it('keeps the cursor value out of the rows it returns', () => {
    for (const item of toPage(rows(2), 1).items) expect(item).not.toHaveProperty('cursorValue');
  });

  it('carries a null sort value in the cursor', () => {
    const fetched = [{ id: randomUUID(), cursorValue: null }, { id: randomUUID(), cursorValue: null }];
    expect(decodeCursor(toPage(fetched, 1).nextCursor!, byPublished)).toEqual({ value: null, id: fetched[0]!.id });
  });
});
