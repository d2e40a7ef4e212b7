/**
 * The export rows' baselines in `npm run bench`: the database's own `COPY (…) TO STDOUT CSV` of the rows each desk
 * CSV export sends — PostgreSQL through psql (as a person at a terminal would run it), PGlite through
 * `COPY … TO '/dev/blob'` in the bench process, on the same data folder the server opens afterwards — plain and
 * piped through gzip (node zlib, default level, as the server's compression uses).
 *
 * "The rows each export sends": the same rows in the same order with the same information (the record's own columns,
 * its actors' names, its source URLs, its relations; reactions one row per signatory), not the same bytes — the
 * export also neutralises cells and formats dates, which is the cost the ratio is about.
 */
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type { DatabaseHandle } from '@/server/db/client';
import { median } from './bench-server';

export interface CopyTiming {
  ms: number;
  bytes: number;
}

export interface CopyBaseline {
  plain: CopyTiming;
  gzip: CopyTiming;
}

const gzip = promisify(zlib.gzip);

/**
 * The table's columns as `alias.column`, but those no export carries: the generated full-text vector, the dossier
 * (one for the whole file) and who created or last changed the row (internal ids).
 */
async function ownColumns(handle: DatabaseHandle, table: string, alias: string): Promise<string> {
  const result = (await handle.db.execute(sql`
    select column_name from information_schema.columns
    where table_schema = 'public' and table_name = ${table}
      and column_name not in ('search_vector', 'dossier_id', 'created_by', 'updated_by', 'url_normalised')
    order by ordinal_position
  `)) as unknown as { rows: Array<{ column_name: string }> };
  return result.rows.map((row) => `${alias}.${row.column_name}`).join(', ');
}

/** The SELECT behind each desk export's baseline (ids are uuids we made, safe to inline). */
export async function exportQueries(handle: DatabaseHandle, ids: { sources: string; claims?: string; reactions?: string }) {
  const queries: Record<'sources' | 'claims' | 'reactions', string | null> = { sources: null, claims: null, reactions: null };
  queries.sources = `select ${await ownColumns(handle, 'sources', 's')} from sources s
    where s.dossier_id = '${ids.sources}' and s.deleted_at is null order by s.created_at desc, s.id desc`;
  if (ids.claims) {
    queries.claims = `select ${await ownColumns(handle, 'claims', 'c')}, claimant.name as claimant,
        (select string_agg(a.name, '; ' order by a.name) from claim_about ca join actors a on a.id = ca.actor_id where ca.claim_id = c.id) as about,
        (select string_agg(src.url, ' ' order by cs.position) from claim_sources cs join sources src on src.id = cs.source_id where cs.claim_id = c.id) as source_urls,
        (select string_agg(r.to_claim_id::text, ' ') from claim_relations r where r.from_claim_id = c.id) as relations
      from claims c left join actors claimant on claimant.id = c.claimant_id
      where c.dossier_id = '${ids.claims}' and c.deleted_at is null order by c.said_at desc nulls last, c.id desc`;
  }
  if (ids.reactions) {
    queries.reactions = `select ${await ownColumns(handle, 'reactions', 'r')}, signatory.name as signatory, signatory.country_code,
        (select string_agg(party.name || ': ' || al.alignment, '; ') from reaction_alignments al join actors party on party.id = al.party_actor_id where al.reaction_id = r.id) as alignments,
        (select string_agg(t.name, '; ') from reaction_targets rt join actors t on t.id = rt.actor_id where rt.reaction_id = r.id) as targets,
        (select string_agg(src.url, ' ' order by rs.position) from reaction_sources rs join sources src on src.id = rs.source_id where rs.reaction_id = r.id) as source_urls
      from reactions r join reaction_actors ra on ra.reaction_id = r.id join actors signatory on signatory.id = ra.actor_id
      where r.dossier_id = '${ids.reactions}' and r.deleted_at is null order by r.reacted_at desc nulls last, r.id desc, ra.position`;
  }
  return queries;
}

const copyStatement = (query: string, target: string) => `copy (${query}) to ${target} with (format csv, header)`;

/** One PostgreSQL COPY through psql, its output counted (and gzipped with `compress`) as it streams. */
function psqlCopy(url: string, query: string, compress: boolean): Promise<CopyTiming> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const psql = spawn('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', url, '-c', copyStatement(query, 'stdout')], { stdio: ['ignore', 'pipe', 'pipe'] });
    let errors = '';
    psql.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString('utf8')));
    let bytes = 0;
    const output = compress ? psql.stdout.pipe(zlib.createGzip()) : psql.stdout;
    output.on('data', (chunk: Buffer) => (bytes += chunk.byteLength));
    const ended = new Promise<void>((done) => output.on('end', () => done()));
    psql.on('error', reject);
    psql.on('close', (code) => {
      if (code !== 0) return reject(new Error(`psql COPY failed (exit ${code}): ${errors}`));
      void ended.then(() => resolve({ ms: performance.now() - started, bytes }));
    });
  });
}

/** One PGlite COPY into a blob (its way of sending COPY output to the caller), then gzipped when `compress`. */
async function pgliteCopy(client: PGlite, query: string, compress: boolean): Promise<CopyTiming> {
  const started = performance.now();
  const [result] = await client.exec(copyStatement(query, `'/dev/blob'`));
  const blob = result?.blob;
  if (!blob) throw new Error('PGlite COPY returned no blob');
  const bytes = compress ? (await gzip(Buffer.from(await blob.arrayBuffer()))).byteLength : blob.size;
  return { ms: performance.now() - started, bytes };
}

/**
 * Median of three COPYs after one untimed (which warms the cache as the exports' first run does), plain and gzipped.
 * `url`: the PostgreSQL database (psql), else the PGlite client behind `handle`.
 */
export async function copyBaseline(handle: DatabaseHandle, query: string, url: string | null): Promise<CopyBaseline> {
  const once = (compress: boolean) =>
    url ? psqlCopy(url, query, compress) : pgliteCopy((handle.db as unknown as { $client: PGlite }).$client, query, compress);
  const settled = async (compress: boolean) => {
    await once(compress);
    const runs = [await once(compress), await once(compress), await once(compress)];
    return { ms: median(runs.map((run) => run.ms)), bytes: runs[0]!.bytes };
  };
  return { plain: await settled(false), gzip: await settled(true) };
}
