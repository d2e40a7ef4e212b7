/**
 * Bench row "Analysis of a 1,500-word article takes under a second on PGlite" (issue 9): analyzeForDossier — the
 * dossier's context loaded from the database, the analysis, duplicates marked — on an in-memory PGlite holding the
 * demo dossier (its reactions and claims are the duplicates compared) and a directory grown to BENCH_INTAKE_ACTORS
 * actors (default 5,000), so name matching is measured at a newsroom's scale. The article is the seed article and
 * the intake fixtures, concatenated to at least 1,500 words. Median of BENCH_INTAKE_RUNS runs (default 7) after one
 * warm-up. Runs alone: `npx tsx scripts/bench-intake.ts`; `npm run bench` adds it to the PGlite table.
 */
import fs from 'node:fs';
import path from 'node:path';
import { matchKey } from '@/server/actors/match-key';
import { actors } from '@/server/actors/schema';
import { openDatabase } from '@/server/db/client';
import { getDossierBySlug } from '@/server/dossiers/dossiers.service';
import { analyzeForDossier } from '@/server/intake/intake-context';
import { FIXTURES_DIR, SEED_ARTICLE } from '@/server/intake/scoring';
import { DEMO_DOSSIER, seedDemo } from '@/server/seed/demo';

export const INTAKE_TARGET_MS = 1000;

export function benchArticle(minWords = 1500): string {
  const texts = [SEED_ARTICLE, ...fs.readdirSync(FIXTURES_DIR).filter((file) => file.endsWith('.txt')).sort().map((file) => path.join(FIXTURES_DIR, file))].map((file) => fs.readFileSync(file, 'utf8'));
  const parts: string[] = [];
  let words = 0;
  for (let index = 0; words < minWords; index++) {
    const text = texts[index % texts.length]!;
    parts.push(text);
    words += text.split(/\s+/).filter(Boolean).length;
  }
  return parts.join('\n\n');
}

export interface IntakeBench {
  medianMs: number;
  runs: number[];
  words: number;
  directory: number;
  reactions: number;
  claims: number;
}

export async function benchIntake(extraActors = Number(process.env.BENCH_INTAKE_ACTORS ?? 5000), runs = Number(process.env.BENCH_INTAKE_RUNS ?? 7)): Promise<IntakeBench> {
  const handle = await openDatabase({ driver: 'pglite', inMemory: true });
  try {
    await handle.migrate();
    await seedDemo(handle.db);
    // Made-up people and bodies, set-wise: only their number and names matter to the matching.
    for (let start = 0; start < extraActors; start += 1000) {
      const rows = Array.from({ length: Math.min(1000, extraActors - start) }, (_, offset) => {
        const name = `Bench Person ${start + offset} Example`;
        return { name, kind: 'person' as const, title: 'Spokesperson', aliases: [`B. P. ${start + offset}`], matchKeys: [matchKey(name), matchKey(`B. P. ${start + offset}`)] };
      });
      await handle.db.insert(actors).values(rows);
    }
    const dossier = await getDossierBySlug(handle.db, DEMO_DOSSIER.slug);
    const text = benchArticle();
    const input = { dossierId: dossier.id, text, publishedOn: '2020-09-28' };
    const first = await analyzeForDossier(handle.db, input);
    const times: number[] = [];
    for (let run = 0; run < runs; run++) {
      const started = performance.now();
      await analyzeForDossier(handle.db, input);
      times.push(performance.now() - started);
    }
    const sorted = [...times].sort((a, b) => a - b);
    return {
      medianMs: sorted[Math.floor(sorted.length / 2)]!,
      runs: times,
      words: text.split(/\s+/).filter(Boolean).length,
      directory: (await handle.db.$count(actors)),
      reactions: first.reactions.length,
      claims: first.claims.length,
    };
  } finally {
    await handle.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await benchIntake();
  console.log(
    `| article intake: analyzeForDossier, ${result.words.toLocaleString('en')} words, ${result.directory.toLocaleString('en')} directory actors | ` +
      `${result.medianMs.toFixed(0)} ms (median of ${result.runs.length}; ${result.reactions} reactions, ${result.claims} claims) | target < ${INTAKE_TARGET_MS / 1000} s | ${result.medianMs < INTAKE_TARGET_MS ? '✅' : '❌'} |`,
  );
}
