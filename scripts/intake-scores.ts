import { precision, recall, scoreAll, scoreTable } from '@/server/intake/scoring';

/**
 * Prints intake's recall and precision per article and overall (the README's table): `npm run intake -- --score`,
 * or `npx tsx scripts/intake-scores.ts [--verbose]` (--verbose lists each missed and extra pair).
 */
export function printScores(verbose: boolean): void {
  const result = scoreAll();
  console.log(scoreTable(result));
  if (!verbose) return;
  for (const story of result.stories) {
    console.log(`\n${story.slug}: reactions recall ${recall(story.reactions).toFixed(2)} precision ${precision(story.reactions).toFixed(2)}, claims recall ${recall(story.claims).toFixed(2)} precision ${precision(story.claims).toFixed(2)}`);
    for (const pair of story.reactions.missed) console.log(`  missed reaction  ${pair}`);
    for (const pair of story.reactions.extra) console.log(`  extra reaction   ${pair}`);
    for (const pair of story.claims.missed) console.log(`  missed claim     ${pair}`);
    for (const pair of story.claims.extra) console.log(`  extra claim      ${pair}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) printScores(process.argv.includes('--verbose'));
