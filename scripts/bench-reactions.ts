/**
 * The reactions part of `BENCH_DETAIL=1 npm run bench` (in process, on the filled bench database, before the server
 * starts): on the reactions dossier (BENCH_REACTIONS reactions from 200 actors, scripts/bench-fill.ts) it measures
 *   - the public "International reactions" section: the overview (getPublicReactionsOverview) and its server render
 *     to HTML, map included (ReactionsSection, renderToStaticMarkup);
 *   - the desk reactions table: first page, a stance + alignment filtered page 10 through the keyset cursor, a
 *     full-text search, the count;
 *   - the streamed public and desk reactions CSV (one row per reaction and signatory).
 * The public page over HTTP is a row of the ratio table (scripts/bench.ts).
 */
import { performance } from 'node:perf_hooks';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { parseMapMode } from '@/components/reactions/public/map-mode';
import { ReactionsSection } from '@/components/reactions/public/reactions-section';
import type { DatabaseHandle } from '@/server/db/client';
import { listAlignmentParties } from '@/server/reactions/reaction-parts';
import { deskReactionColumns, iterateDeskReactions, perSignatory, publicReactionColumns } from '@/server/reactions/reactions.csv';
import { reactionFilters } from '@/server/reactions/reactions.input';
import { getPublicReactionsOverview, iteratePublicReactions } from '@/server/reactions/reactions.public';
import { countReactions, listReactions } from '@/server/reactions/reactions.service';
import { measureCsvExport } from './bench-export';
import type { ReactionsFill } from './bench-reactions-fill';

const reactionCount = Number(process.env.BENCH_REACTIONS ?? 10_000);

async function time<T>(task: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = performance.now();
  const result = await task();
  return { ms: performance.now() - started, result };
}

/** The median of three timed runs after one untimed warm-up (as in scripts/bench-claims.ts). */
async function settledTime<T>(task: () => Promise<T>): Promise<{ ms: number; result: T }> {
  await task();
  const runs = [await time(task), await time(task), await time(task)].sort((a, b) => a.ms - b.ms);
  return runs[1]!;
}

const heading = (title: string, ...cells: string[]) => console.log(`${title.padEnd(58)}${cells.map((cell) => cell.padStart(12)).join('')}`);
const row = (label: string, ...cells: string[]) => console.log(`  ${label.padEnd(56)}${cells.map((cell) => cell.padStart(12)).join('')}`);
const kib = (bytes: number) => (bytes / 1024).toFixed(1);

export async function benchReactions(handle: DatabaseHandle, dossier: { id: string; slug: string }, fill: ReactionsFill): Promise<void> {
  console.log(`\nreactions dossier: ${reactionCount.toLocaleString('en')} reactions from ${fill.actorIds.length} actors\n`);
  // The public section, in process.
  const overview = await settledTime(() => getPublicReactionsOverview(handle.db, dossier.slug));
  const mode = parseMapMode({}, overview.result.parties);
  const render = await settledTime(async () => renderToStaticMarkup(createElement(ReactionsSection, { overview: overview.result, mode })));
  const byEntity = await settledTime(() => getPublicReactionsOverview(handle.db, dossier.slug, { by: fill.stateIds[0]! }));
  const entities = overview.result.groups.reduce((sum, group) => sum + group.entities.length, 0);
  heading('public reactions section (median of 3 after a warm-up)', 'ms', 'KiB HTML');
  row(`overview: ${overview.result.total} public reactions, ${entities} entities`, overview.ms.toFixed(1));
  row('render to HTML (map, counts, grouped list)', render.ms.toFixed(1), kib(Buffer.byteLength(render.result)));
  row('overview + render', (overview.ms + render.ms).toFixed(1));
  row('one entity’s reactions (?by=)', byEntity.ms.toFixed(1));

  // The desk table.
  const base = { ...reactionFilters.parse({}), dossierId: dossier.id, cursor: null, limit: 50 };
  const [azerbaijan] = fill.partyIds;
  const filtered = { ...base, stance: ['condemns' as const, 'supports_party' as const], alignment: ['against' as const], alignmentParty: azerbaijan! };
  const first = await settledTime(() => listReactions(handle.db, base));
  let cursor = (await listReactions(handle.db, filtered)).nextCursor;
  for (let page = 2; page < 10 && cursor; page++) cursor = (await listReactions(handle.db, { ...filtered, cursor })).nextCursor;
  const deep = await settledTime(() => listReactions(handle.db, { ...filtered, cursor }));
  const filteredFirst = await settledTime(() => listReactions(handle.db, filtered));
  const search = await settledTime(() => listReactions(handle.db, { ...base, search: 'civilian settlements Terter' }));
  const count = await settledTime(() => countReactions(handle.db, dossier.id, reactionFilters.parse({})));
  const filteredCount = await settledTime(() => countReactions(handle.db, dossier.id, filtered));
  heading('\ndesk reactions table (50 rows per page; median of 3)', 'ms', 'rows');
  row('first page, reacted newest first', first.ms.toFixed(1), String(first.result.items.length));
  row('condemns/supports + against Azerbaijan, first page', filteredFirst.ms.toFixed(1), String(filteredFirst.result.items.length));
  row('same filter, page 10 via keyset cursor', deep.ms.toFixed(1), String(deep.result.items.length));
  row('full-text search "civilian settlements Terter"', search.ms.toFixed(1), String(search.result.items.length));
  row(`count, all (${count.result})`, count.ms.toFixed(1));
  row(`count, filtered (${filteredCount.result})`, filteredCount.ms.toFixed(1));

  // The CSV exports (one row per reaction and signatory).
  const parties = await listAlignmentParties(handle.db, dossier.id);
  console.log('\nreactions CSV (streamed)                  rows      MiB       s    rows/s   peak heap growth MiB   after GC');
  for (const [label, run] of [
    ['public /d/[slug]/reactions.csv', () => measureCsvExport(perSignatory(dossier.slug, iteratePublicReactions(handle.db, dossier.id)), publicReactionColumns(parties), Infinity)],
    [
      'desk /api/export/[slug]/reactions.csv',
      () => measureCsvExport(perSignatory(dossier.slug, iterateDeskReactions(handle.db, dossier.id, reactionFilters.parse({}))), deskReactionColumns(parties), Infinity),
    ],
  ] as const) {
    const result = await run();
    console.log(
      `  ${label.padEnd(38)}${String(result.rows).padStart(7)} ${(result.bytes / 2 ** 20).toFixed(1).padStart(8)} ${(result.ms / 1000).toFixed(2).padStart(7)} ${result.rowsPerSecond.toFixed(0).padStart(9)} ${result.heapGrowthMiB.toFixed(1).padStart(22)} ${result.retainedMiB.toFixed(1).padStart(10)}`,
    );
  }
}
