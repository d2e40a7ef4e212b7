import fs from 'node:fs/promises';
import type { Download } from '@playwright/test';
import { parse } from 'csv-parse/sync';

export const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

export interface CsvFile {
  raw: Buffer;
  hasBom: boolean;
  header: string[];
  /** Data rows as objects keyed by header. */
  rows: Array<Record<string, string>>;
}

/** Reads a downloaded CSV: checks nothing, parses everything (RFC 4180, CRLF), so specs can assert on it. */
export async function readCsv(download: Download): Promise<CsvFile> {
  const raw = await fs.readFile(await download.path());
  const hasBom = raw.subarray(0, 3).equals(UTF8_BOM);
  const text = raw.subarray(hasBom ? 3 : 0).toString('utf8');
  const records = parse(text, { relax_column_count: false }) as string[][];
  const [header = [], ...data] = records;
  return {
    raw,
    hasBom,
    header,
    rows: data.map((record) => Object.fromEntries(header.map((name, index) => [name, record[index] ?? '']))),
  };
}
