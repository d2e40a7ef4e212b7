/**
 * The bench database of `npm run bench`, built set-wise (a few statements per thousands of rows, no service call per
 * row): an editor to sign in as, and four published dossiers, each for its own rows of the table —
 *   - `bench`: BENCH_ROWS sources (default 100,000), the big dossier;
 *   - `bench-small`: 100 sources;
 *   - `bench-claims`: BENCH_CLAIMS claims (default 100,000; 0 leaves it out) citing 1,000 sources of its own;
 *   - `bench-reactions`: BENCH_REACTIONS reactions (default 10,000; 0 leaves it out) citing 1,000 sources.
 * Claims and reactions get dossiers of their own so each public page measures one thing (the big dossier's page is
 * its sources, as in the performance issue, not a section of 10,000 reactions).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { openDatabase, type DatabaseHandle } from '@/server/db/client';
import { createDossier, setDossierPublished } from '@/server/dossiers/dossiers.service';
import { reliabilityGrades, sourceKinds, sources } from '@/server/sources/schema';
import { createScratchDatabase } from '@/server/testing/scratch-database';
import { createUser } from '@/server/users/users.service';
import { fillClaims, type ClaimsFill } from './bench-claims-fill';
import { fillReactions, type ReactionsFill } from './bench-reactions-fill';

export const benchSizes = {
  sources: Number(process.env.BENCH_ROWS ?? 100_000),
  claims: Number(process.env.BENCH_CLAIMS ?? 100_000),
  reactions: Number(process.env.BENCH_REACTIONS ?? 10_000),
};

/** Sources the claims and reactions dossiers cite. */
const CITED_SOURCES = 1_000;
const SMALL_DOSSIER_SOURCES = 100;

export const EDITOR = { email: 'bench-editor@example.org', password: 'bench-editor-password' };

export interface BenchDossier {
  id: string;
  slug: string;
  version: number;
}

export interface BenchData {
  big: BenchDossier;
  small: BenchDossier;
  claims: (BenchDossier & { fill: ClaimsFill }) | null;
  reactions: (BenchDossier & { fill: ReactionsFill }) | null;
  userId: string;
}

/** A database the bench fills, then hands to the server: a PGlite data folder, or a new PostgreSQL database. */
export interface BenchDatabase {
  driver: 'pglite' | 'postgres';
  /** How the app server opens it. */
  serverEnv: { DATA_DIR: string } | { DATABASE_URL: string };
  open(): Promise<DatabaseHandle>;
  /** Removes the folder or drops the database. */
  remove(): Promise<void>;
}

export async function createBenchDatabase(driver: 'pglite' | 'postgres', serverUrl?: string): Promise<BenchDatabase> {
  if (driver === 'pglite') {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-bench-'));
    return {
      driver,
      serverEnv: { DATA_DIR: dataDir },
      // The app opens `${DATA_DIR}/pglite` (server/env.ts pgliteDataDir).
      open: () => openDatabase({ driver: 'pglite', dataDir: path.join(dataDir, 'pglite') }),
      remove: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  if (!serverUrl) throw new Error('PostgreSQL needs BENCH_DATABASE_URL');
  const scratch = await createScratchDatabase(serverUrl, 'claimdesk_bench');
  return {
    driver,
    serverEnv: { DATABASE_URL: scratch.url },
    open: () => openDatabase({ driver: 'postgres', url: scratch.url }),
    remove: scratch.drop,
  };
}

const OUTLETS = ['Anadolu Agency', 'Reuters', 'AFP', 'Armenpress', 'APA', 'TASS', 'BBC', 'Eurasianet'];

/** `count` sources in `dossierId`, 2,000 per insert; URLs carry `prefix` so dossiers do not share them. */
export async function fillSources(handle: DatabaseHandle, dossierId: string, count: number, userId: string, prefix: string) {
  const batch = 2_000;
  for (let start = 0; start < count; start += batch) {
    const rows = Array.from({ length: Math.min(batch, count - start) }, (_, offset) => {
      const index = start + offset;
      return {
        dossierId,
        title: `Report ${index}: shelling near Terter, statement ${index % 97}`,
        outlet: OUTLETS[index % OUTLETS.length]!,
        url: `https://news.example/${prefix}/${index}`,
        urlNormalised: `news.example/${prefix}/${index}`,
        kind: sourceKinds[index % sourceKinds.length]!,
        reliability: reliabilityGrades[index % reliabilityGrades.length]!,
        language: index % 3 ? 'en' : 'ru',
        publishedAt: index % 10 ? new Date(Date.UTC(2020, 8, 27) + index * 60_000) : null,
        internalNotes: index % 5 ? '' : '=cell that needs neutralising, "quoted", with comma',
        createdBy: userId,
        updatedBy: userId,
      };
    });
    await handle.db.insert(sources).values(rows);
  }
}

async function newDossier(handle: DatabaseHandle, userId: string, slug: string, title: string): Promise<BenchDossier> {
  const dossier = await createDossier(handle.db, { id: userId }, { title, slug, summary: `Bench dossier: ${title}.`, eventsStartOn: null, eventsEndOn: null });
  return { id: dossier.id, slug: dossier.slug, version: dossier.version };
}

async function publish(handle: DatabaseHandle, userId: string, dossier: BenchDossier): Promise<BenchDossier> {
  const published = await setDossierPublished(handle.db, { id: userId }, { id: dossier.id, version: dossier.version, published: true });
  return { ...dossier, version: published.version };
}

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

/** Fills a migrated, empty database; logs progress on stderr (stdout is the report). */
export async function fillBenchDatabase(handle: DatabaseHandle): Promise<BenchData> {
  const log = (line: string) => console.error(`[bench] ${line}`);
  const user = await createUser(handle.db, null, { email: EDITOR.email, role: 'editor', password: EDITOR.password });
  let started = performance.now();
  let big = await newDossier(handle, user.id, 'bench', `${benchSizes.sources.toLocaleString('en')} sources`);
  await fillSources(handle, big.id, benchSizes.sources, user.id, 'big');
  big = await publish(handle, user.id, big);
  let small = await newDossier(handle, user.id, 'bench-small', `${SMALL_DOSSIER_SOURCES} sources`);
  await fillSources(handle, small.id, SMALL_DOSSIER_SOURCES, user.id, 'small');
  small = await publish(handle, user.id, small);
  log(`filled ${benchSizes.sources.toLocaleString('en')} + ${SMALL_DOSSIER_SOURCES} sources in ${seconds(started)}`);

  let claims: BenchData['claims'] = null;
  if (benchSizes.claims > 0) {
    started = performance.now();
    const dossier = await newDossier(handle, user.id, 'bench-claims', `${benchSizes.claims.toLocaleString('en')} claims`);
    await fillSources(handle, dossier.id, CITED_SOURCES, user.id, 'claims');
    const fill = await fillClaims(handle, dossier.id, user.id, benchSizes.claims);
    claims = { ...(await publish(handle, user.id, dossier)), fill };
    log(`filled ${benchSizes.claims.toLocaleString('en')} claims in ${seconds(started)}`);
  }
  let reactions: BenchData['reactions'] = null;
  if (benchSizes.reactions > 0) {
    started = performance.now();
    const dossier = await newDossier(handle, user.id, 'bench-reactions', `${benchSizes.reactions.toLocaleString('en')} reactions`);
    await fillSources(handle, dossier.id, CITED_SOURCES, user.id, 'reactions');
    const fill = await fillReactions(handle, dossier.id, user.id, benchSizes.reactions);
    reactions = { ...(await publish(handle, user.id, dossier)), fill };
    log(`filled ${benchSizes.reactions.toLocaleString('en')} reactions in ${seconds(started)}`);
  }
  await handle.db.execute(sql`analyze`);
  return { big, small, claims, reactions, userId: user.id };
}
