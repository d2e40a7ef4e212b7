/**
 * Deterministic generator of malformed tRPC inputs, driven by each procedure's own zod input schema and a valid
 * sample (server/testing/procedure-inputs.ts). The same seed gives the same cases (CHAOS_SEED changes it).
 *
 * A case is one call's serialized entry in a batch (`{"json": …, "meta": …}` as superjson writes it, or bytes no
 * client would write: invalid UTF-8 inside strings, broken JSON). `decoded()` gives what the server will see after
 * decoding the bytes and superjson, so the generator can check locally — with the procedure's own schema — that a
 * mutation case cannot succeed: either the schema refuses it, or it is valid-shaped but names a row that does not
 * exist or a version that is off by one (NOT_FOUND / CONFLICT, inside a transaction that rolls back).
 */
import superjson from 'superjson';

export type Rng = () => number;

/** mulberry32: small, fast, deterministic. */
export function mulberry32(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a of a text mixed with a base seed: one stream per procedure. */
export function seedFor(text: string, base: number): number {
  let hash = 0x811c9dc5 ^ base;
  for (let index = 0; index < text.length; index++) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193);
  return hash >>> 0;
}

const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
const chance = (rng: Rng, probability: number) => rng() < probability;

export function randomUuid(rng: Rng): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(rng() * 16).toString(16));
  hex[12] = '4';
  hex[16] = '89ab'[Math.floor(rng() * 4)]!;
  const text = hex.join('');
  return `${text.slice(0, 8)}-${text.slice(8, 12)}-${text.slice(12, 16)}-${text.slice(16, 20)}-${text.slice(20)}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Pools of bad values
// ---------------------------------------------------------------------------------------------------------------
const WRONG_SCALARS: readonly unknown[] = [
  0, -1, 1, 1.5, -0.5, 2 ** 31, 2 ** 31 - 1, -(2 ** 31), 2 ** 53, Number.MAX_SAFE_INTEGER + 2, 1e308, -1e308, 5e-324,
  true, false, null, '', ' ', '0', '1', '-1', '1.5', 'true', 'false', 'null', 'undefined', 'NaN', 'Infinity',
  '-Infinity', '1e309', '0x1F', '1_000', '٣', '１', [], {}, [null], [[]], { '': '' }, [1, 'a', null], { length: 1 },
];

const WEIRD_STRINGS: readonly string[] = [
  '\u0000', 'a\u0000b', '\u0000'.repeat(64), '\u0001\u0002\u001f\u007f', '\r\n\t\v\f', '\u2028\u2029', '\ud800', '\udfff',
  'x\ud800y', '\udc00\ud800', '\ufeff', '\ufffe\uffff', '\u202eevil\u202c', '\u200b\u200c\u200d', 'e\u0301\u0301\u0301',
  '\u{1d518}\u{1d52b}', '🏳️‍🌈'.repeat(40), "'; drop table users; --", '" or 1=1 --', '%00', '%', '%%', '\\', '\\u0000',
  '../../etc/passwd', '<script>alert(1)</script>', '${7*7}', '{{7*7}}', 'javascript:alert(1)', 'https://evil.example',
  'http://127.0.0.1:1/', 'mailto:x@example.org', ' '.repeat(300), '\u3000'.repeat(20), '\t', '=HYPERLINK("x")',
  '@SUM(1)', 'null\u0000', 'Ａ'.repeat(600),
];

const BAD_UUIDS: readonly string[] = [
  'not-a-uuid', '1234', '', '00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff',
  'a'.repeat(36), '{00000000-0000-4000-8000-000000000000}', '00000000000040008000000000000000',
  '00000000-0000-4000-8000-00000000000g', '00000000-0000-4000-8000-000000000000\u0000', ' 00000000-0000-4000-8000-000000000000',
  '00000000-0000-4000-8000-0000000000000', 'urn:uuid:00000000-0000-4000-8000-000000000000',
];

const BAD_DATES: readonly unknown[] = [
  '2020-02-31', '2020-13-01', '0000-00-00', '1899-12-31', '1800-06-01', '9999-12-31', '2100-12-32', '+275760-09-13T00:00:00.000Z',
  '-000001-01-01T00:00:00Z', '2020-09-27T25:61:61Z', 'yesterday', 'last Tuesday', '1e12', '2020-09-27T00:00:00+99:99',
  '2999-01-01T00:00:00Z', '2020-09-27\u0000', '2020-9-7', '27/09/2020', 1e12, -8.64e15 - 1, 8.64e15 + 1, '', ' ',
];

const BAD_VERSIONS: readonly unknown[] = [0, -1, 1.5, 2 ** 31, 2 ** 53, '1', '2', null, true, [1], { version: 1 }, 1e308, -0.0001];

const BAD_URLS: readonly unknown[] = [
  'not a url', 'javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'ftp://example.com/x', 'http://',
  'https://', 'http://exa mple.com', 'https://example.com/\u0000', `https://example.com/${'a'.repeat(3000)}`, '//evil.example',
  'https://[::1', 'http://localhost:99999/', 'file:///etc/passwd', 'https://user:pass@example.com:0/', 42,
];

const EXTRA_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype', 'isAdmin', 'role', 'createdBy', 'deletedAt', 'version', 'id', '', ' ', '\u0000', 'x'.repeat(2000)];

/** JSON nested `depth` deep (arrays or objects), built iteratively. */
function nested(depth: number, kind: 'array' | 'object'): unknown {
  let value: unknown = 0;
  for (let level = 0; level < depth; level++) value = kind === 'array' ? [value] : { a: value };
  return value;
}

/** The JSON text of a value nested `depth` deep, written directly (JSON.stringify would exhaust the stack). */
function deepJson(depth: number, kind: 'array' | 'object'): Buffer {
  return Buffer.from(kind === 'array' ? `${'['.repeat(depth)}0${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}0${'}'.repeat(depth)}`);
}

// ---------------------------------------------------------------------------------------------------------------
// Cases
// ---------------------------------------------------------------------------------------------------------------
const INVALID_UTF8: readonly number[][] = [
  [0xc3, 0x28], [0xa0, 0xa1], [0xe2, 0x28, 0xa1], [0xe2, 0x82, 0x28], [0xf0, 0x28, 0x8c, 0xbc], [0xf8, 0xa1, 0xa1, 0xa1, 0xa1],
  [0xed, 0xa0, 0x80], [0xff], [0xfe, 0xff], [0xc0, 0x80], [0xe0, 0x80, 0xaf], [0x80], [0xc3],
];

export interface FuzzCase {
  path: string;
  /** This call's entry in the batch, as bytes. */
  entry: Buffer;
  /** What the server sees after decoding (throws where superjson or JSON would refuse it). */
  decoded: () => unknown;
  /** Must travel in a request of its own (it breaks the whole request, or is big). */
  alone: boolean;
  /** Which operators made it, for failure messages. */
  note: string;
}

export interface KnownRow {
  kind: 'dossier' | 'source' | 'user';
  version: number;
}

export interface ProcedureSpec {
  path: string;
  type: 'query' | 'mutation';
  /** The procedure's zod input schema (undefined: no input). */
  schema?: { safeParse: (value: unknown) => { success: boolean; data?: unknown } };
  /** Keys of its input object, from the schema. */
  keys: string[];
  /** Valid samples to start from. */
  bases: Array<() => unknown>;
  /**
   * Mutations only: whether a valid-shaped call may be sent when it names an unknown id or a stale version
   * (never for creates that need no id, nor for the own-password change, whose wrong guesses are counted).
   */
  validShapeWhenUnknownOrStale: boolean;
  /** Rows by (lower-case) id, to aim at real rows with an off-by-one version. */
  realRows: Array<{ id: string; version: number }>;
}

/** Keys of a zod object schema, looking through default / optional / pipe wrappers. */
export function objectKeys(schema: unknown): string[] {
  let current = schema as { _zod?: { def?: Record<string, unknown> } } | undefined;
  for (let depth = 0; depth < 12 && current; depth++) {
    const def = current._zod?.def;
    if (!def) return [];
    if (def.type === 'object') return Object.keys(def.shape as Record<string, unknown>);
    current = (def.innerType ?? def.in ?? def.schema) as typeof current;
  }
  return [];
}

type Json = Record<string, unknown>;

interface Draft {
  value: unknown;
  meta?: unknown;
  /** Bytes spliced into the JSON text where a marker string stands (see `splice`). */
  splices: Array<{ mark: string; bytes: Buffer; quoted: boolean }>;
  /** A whole-entry override (broken JSON etc.); the case then goes alone. */
  brokenEntry?: string;
  notes: string[];
}

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A marker string to put into the value; when the entry is written, the marker (with its quotes if `quoted`, so it
 * stands for a whole JSON value) is replaced by `bytes` — bytes JSON.stringify cannot produce.
 */
function splice(draft: Draft, bytes: Buffer, quoted: boolean): string {
  const mark = `\u{10fffd}SPLICE${draft.splices.length}\u{10fffd}`;
  draft.splices.push({ mark, bytes, quoted });
  return mark;
}

function defineKey(target: Json, key: string, value: unknown) {
  // Own property even for "__proto__", so JSON.stringify writes it as a key.
  Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
}

function stringFields(value: unknown): string[] {
  return isObject(value) ? Object.keys(value).filter((key) => typeof value[key] === 'string') : [];
}

export class CaseGenerator {
  constructor(
    private readonly rng: Rng,
    private readonly spec: ProcedureSpec,
    private readonly known: Map<string, KnownRow>,
    private readonly limits: { maxEntryBytes: number; hugeSizes: readonly number[]; depths: readonly number[] },
  ) {}

  private fieldKey(draft: Draft): string {
    const keys = new Set([...this.spec.keys, ...(isObject(draft.value) ? Object.keys(draft.value) : [])]);
    return keys.size ? pick(this.rng, [...keys]) : 'input';
  }

  /** A bad value suited to a field's name half of the time, anything the other half. */
  private badValueFor(key: string): unknown {
    const rng = this.rng;
    if (chance(rng, 0.5)) {
      if (/id$/i.test(key)) return chance(rng, 0.2) ? randomUuid(rng).toUpperCase() : pick(rng, BAD_UUIDS);
      if (/version/i.test(key)) return pick(rng, BAD_VERSIONS);
      if (/(At|On)$/.test(key)) return pick(rng, BAD_DATES);
      if (/url/i.test(key)) return pick(rng, BAD_URLS);
      if (/limit|before/.test(key)) return pick(rng, [0, -1, 201, 1e9, 1.5, '10', null, 2 ** 53, -(2 ** 53)]);
      if (/cursor/.test(key)) return this.badCursor();
      if (/email/.test(key)) return pick(rng, ['not-an-email', 'a@b', '@example.org', 'x'.repeat(300) + '@example.org', 'ADMIN@EXAMPLE.ORG\u0000', 'a@@b.c']);
      if (/role/.test(key)) return pick(rng, ['superuser', 'ADMIN', 'root', '', null, ['admin']]);
      if (/kind|reliability|sort|order|entityType/.test(key)) return pick(rng, ['G', 'rumour', '', 'ASC', 'title;drop', ['x'], 0]);
    }
    const roll = rng();
    if (roll < 0.55) return pick(rng, WRONG_SCALARS);
    if (roll < 0.85) return pick(rng, WEIRD_STRINGS);
    if (roll < 0.92) return this.hugeString();
    return nested(pick(rng, [5, 50, 500]), pick(rng, ['array', 'object'] as const));
  }

  private badCursor(): unknown {
    const rng = this.rng;
    const b64 = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value), 'utf8').toString('base64url');
    return pick(rng, [
      'garbage', '', '====', b64('[1,2,3]'), b64('null'), b64('{}'), b64('[null, "not-a-uuid"]'), b64(['2020-13-45 99:99:99+00', randomUuid(rng)]),
      b64([{ a: 1 }, randomUuid(rng)]), b64(['x'.repeat(900), randomUuid(rng)]), b64('['.repeat(400)), b64(['\u0000', randomUuid(rng)]),
      b64([1e308, randomUuid(rng)]), b64(['Z', '00000000-0000-0000-0000-000000000000']), 'x'.repeat(1001), b64(['2020-09-27 06:15:00+00', 42]),
    ]);
  }

  /** A long string of about `size` UTF-8 bytes; the biggest sizes are the rarest. */
  private hugeString(): string {
    const sizes = this.limits.hugeSizes;
    // Weights 8:4:2:1… from the smallest size up.
    const weights = sizes.map((_, index) => 2 ** (sizes.length - 1 - index));
    let roll = this.rng() * weights.reduce((sum, weight) => sum + weight, 0);
    let size = sizes[0]!;
    for (const [index, weight] of weights.entries()) {
      roll -= weight;
      if (roll < 0) {
        size = sizes[index]!;
        break;
      }
    }
    const unit = pick(this.rng, ['x', 'é', '\u0000', ' ', '🏳️‍🌈', '\u3000']);
    return unit.repeat(Math.max(1, Math.floor(size / Buffer.byteLength(unit))));
  }

  private applyOne(draft: Draft): void {
    const rng = this.rng;
    const roll = rng() * 100;
    const value = draft.value;
    if (roll < 30) {
      const key = this.fieldKey(draft);
      if (isObject(value)) defineKey(value, key, this.badValueFor(key));
      else draft.value = { [key]: this.badValueFor(key) };
      draft.notes.push(`${key}=bad`);
    } else if (roll < 40) {
      if (isObject(value) && Object.keys(value).length) {
        const key = pick(rng, Object.keys(value));
        delete value[key];
        draft.notes.push(`-${key}`);
      } else draft.notes.push('noop');
    } else if (roll < 46) {
      if (isObject(value)) {
        const key = pick(rng, EXTRA_KEYS);
        defineKey(value, key, pick(rng, [true, 'admin', { admin: true }, null, 1, []]));
        draft.notes.push(`+${key.slice(0, 12)}`);
      } else draft.notes.push('noop');
    } else if (roll < 51) {
      draft.value = pick(rng, [null, [], 'x', 42, true, [value], { json: value }, nested(200, 'array'), nested(200, 'object'), '\u0000']);
      draft.notes.push('whole-input');
    } else if (roll < 64) {
      const keys = stringFields(value);
      if (keys.length && isObject(value)) {
        const key = pick(rng, keys);
        const weird = pick(rng, WEIRD_STRINGS);
        const original = String(value[key]);
        value[key] = pick(rng, [weird, `${weird}${original}`, `${original}${weird}`, `${original.slice(0, 3)}${weird}${original.slice(3)}`]);
        draft.notes.push(`${key}~weird`);
      } else draft.notes.push('noop');
    } else if (roll < 70) {
      const key = isObject(value) && 'dossierId' in value && !('id' in value) ? 'dossierId' : 'id';
      if (isObject(value)) value[key] = randomUuid(rng);
      draft.notes.push(`${key}=unknown`);
    } else if (roll < 76) {
      const real = this.spec.realRows.length ? pick(rng, this.spec.realRows) : null;
      if (real && isObject(value)) {
        value.id = real.id;
        value.version = real.version > 1 && chance(rng, 0.5) ? real.version - 1 : real.version + 1;
        draft.notes.push('stale-version');
      } else draft.notes.push('noop');
    } else if (roll < 81) {
      if (isObject(value)) value.version = pick(rng, BAD_VERSIONS);
      draft.notes.push('version=bad');
    } else if (roll < 88) {
      this.metaTrick(draft);
    } else if (roll < 93) {
      const keys = stringFields(value);
      if (isObject(value)) {
        const key = keys.length ? pick(rng, keys) : this.fieldKey(draft);
        value[key] = `${typeof value[key] === 'string' ? String(value[key]).slice(0, 20) : ''}${splice(draft, Buffer.from(pick(rng, INVALID_UTF8)), false)}`;
        draft.notes.push(`${key}~invalid-utf8`);
      } else draft.notes.push('noop');
    } else if (roll < 96) {
      const key = this.fieldKey(draft);
      if (isObject(value)) value[key] = splice(draft, deepJson(pick(rng, this.limits.depths), pick(rng, ['array', 'object'] as const)), true);
      draft.notes.push(`${key}=deep`);
    } else if (roll < 98) {
      const key = this.fieldKey(draft);
      if (isObject(value)) value[key] = this.hugeString();
      draft.notes.push(`${key}=huge`);
    } else {
      const json = JSON.stringify({ json: draft.value });
      draft.brokenEntry = pick(rng, [
        json.slice(0, Math.max(1, Math.floor(json.length / 2))),
        `${json}}`,
        json.replace(/:/, '::'),
        '{"json":NaN}',
        '{"json":undefined}',
        "{'json':1}",
        `{"json":${'['.repeat(20_000)}`,
        '',
      ]);
      draft.notes.push('broken-json');
    }
  }

  /** superjson's meta can ask for Dates, BigInts, NaN, Sets, RegExps… from strings: ask for bad ones. */
  private metaTrick(draft: Draft): void {
    const rng = this.rng;
    const value = draft.value;
    const key = this.fieldKey(draft);
    const tricks: Array<[unknown, unknown]> = [
      ['not a date', ['Date']],
      ['2020-02-31T00:00:00Z', ['Date']],
      ['99999-01-01', ['Date']],
      ['12345678901234567890123', ['bigint']],
      ['abc', ['bigint']],
      ['NaN', ['number']],
      ['Infinity', ['number']],
      ['-Infinity', ['number']],
      ['-0', ['number']],
      [null, ['undefined']],
      [[1, 2, 2], ['set']],
      [[[1, 2]], ['map']],
      ['/a+/g', ['regexp']],
      ['/(/', ['regexp']],
      ['x', ['symbol']],
      [{ a: 1 }, ['class', 'Nope']],
      [{ a: 1 }, ['custom', 'Nope']],
      [{ name: 'Error', message: 'x' }, ['Error']],
      ['http://example.com', ['URL']],
      [1, ['Date']],
      [[], ['set', 'extra']],
    ];
    const [json, type] = pick(rng, tricks);
    if (chance(rng, 0.2)) {
      draft.meta = pick(rng, [
        'garbage',
        42,
        { values: 42 },
        { values: ['Date'] },
        { values: { 'a.b.c.d': ['Date'] } },
        JSON.parse('{"values":{"__proto__":["Date"]}}'),
        { referentialEqualities: { [key]: [key] } },
        { referentialEqualities: { '': ['a.b'] } },
        { v: 99, values: { [key]: [['set'], {}] } },
        { values: { [key]: 'Date' } },
      ]);
      draft.notes.push('meta=malformed');
      return;
    }
    if (isObject(value)) value[key] = json;
    draft.meta = { values: { [key]: type }, v: 1 };
    draft.notes.push(`${key}:meta=${JSON.stringify(type)}`);
  }

  /** Builds the entry bytes and the decoder that mirrors the server. */
  private finish(draft: Draft): FuzzCase {
    const path = this.spec.path;
    const note = draft.notes.join(' ');
    if (draft.brokenEntry !== undefined) {
      const text = draft.brokenEntry;
      return {
        path,
        entry: Buffer.from(text),
        decoded: () => superjson.deserialize(JSON.parse(text), { inPlace: true }),
        alone: true,
        note,
      };
    }
    const entryObject: Json = { json: draft.value === undefined ? null : draft.value };
    if (draft.meta !== undefined) entryObject.meta = draft.meta;
    const text = JSON.stringify(entryObject);
    let entry = Buffer.from(text);
    for (const { mark, bytes, quoted } of draft.splices) {
      const needle = Buffer.from(quoted ? JSON.stringify(mark) : mark);
      const parts: Buffer[] = [];
      let from = 0;
      for (let at = entry.indexOf(needle); at >= 0; at = entry.indexOf(needle, from)) {
        parts.push(entry.subarray(from, at), bytes);
        from = at + needle.length;
      }
      parts.push(entry.subarray(from));
      entry = Buffer.concat(parts);
    }
    // What the server reads: the bytes decoded as UTF-8 (invalid sequences become U+FFFD), then JSON and superjson.
    const decodedText = entry.toString('utf8');
    return {
      path,
      entry,
      decoded: () => superjson.deserialize(JSON.parse(decodedText), { inPlace: true }),
      alone: entry.length > 64 * 1024,
      note,
    };
  }

  /** Whether the server could run this call successfully (for mutations: such cases are not sent). */
  couldSucceed(fuzzCase: FuzzCase): boolean {
    let input: unknown;
    try {
      input = fuzzCase.decoded();
    } catch {
      return false;
    }
    if (!this.spec.schema) return true;
    let parsed;
    try {
      parsed = this.spec.schema.safeParse(input);
    } catch {
      return false; // the schema itself broke (e.g. recursion on deep input): send it, the server must still answer 4xx
    }
    if (!parsed.success) return false;
    if (!this.spec.validShapeWhenUnknownOrStale) return true;
    const data = parsed.data as Json;
    const id = typeof data.id === 'string' ? data.id : typeof data.dossierId === 'string' && !('id' in data) ? data.dossierId : null;
    if (!id) return true;
    const real = this.known.get(id.toLowerCase());
    if (!real) return false; // NOT_FOUND
    if (!('id' in data)) return true; // a real dossier for a create: it would create
    return typeof data.version !== 'number' || data.version === real.version; // off by one → CONFLICT
  }

  /** One case: malformed for mutations (never able to succeed), anything for queries. */
  next(): FuzzCase {
    for (let attempt = 0; attempt < 40; attempt++) {
      const base = pick(this.rng, this.spec.bases)();
      const draft: Draft = { value: structuredClone(base), notes: [], splices: [] };
      const operators = 1 + Math.floor(this.rng() * 3);
      for (let index = 0; index < operators; index++) this.applyOne(draft);
      const fuzzCase = this.finish(draft);
      if (fuzzCase.entry.length > this.limits.maxEntryBytes) continue;
      if (this.spec.type === 'mutation' && this.couldSucceed(fuzzCase)) continue;
      return fuzzCase;
    }
    // Always refused: the input is not an object at all.
    return this.finish({ value: pick(this.rng, [null, 42, 'x', []]), notes: ['fallback'], splices: [] });
  }
}

/** Percent-encodes bytes for a query string (every byte outside the unreserved set, so invalid UTF-8 survives). */
export function percentEncode(bytes: Buffer): string {
  let out = '';
  for (const byte of bytes) {
    const isUnreserved = (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a) || byte === 0x2d || byte === 0x2e || byte === 0x5f || byte === 0x7e;
    out += isUnreserved ? String.fromCharCode(byte) : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** A batch's request: `{"0":entry,"1":entry…}` as bytes. */
export function batchBody(cases: FuzzCase[]): Buffer {
  const parts: Buffer[] = [Buffer.from('{')];
  cases.forEach((fuzzCase, index) => {
    parts.push(Buffer.from(`${index ? ',' : ''}"${index}":`), fuzzCase.entry);
  });
  parts.push(Buffer.from('}'));
  return Buffer.concat(parts);
}
