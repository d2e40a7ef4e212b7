import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { actorKinds } from '@/server/actors/actors.labels';
import { matchKey } from '@/server/actors/match-key';
import { reactionStances } from '@/server/reactions/reactions.labels';
import { DEMO_ACTORS, DEMO_CLAIMS, DEMO_PARTIES } from '@/server/seed/demo-claims';
import { DEMO_REACTIONS } from '@/server/seed/demo-reactions';
import { analyzeArticle, type DirectoryActor } from './analyze';
import type { IntakeAnalysis } from './suggestions';

/**
 * Intake's measurement: recall and precision of (actor, primary stance) and (claimant, about) pairs on the seed
 * article (expected answers: the demo dossier's records) and on the wire stories of server/intake/fixtures/ (expected
 * answers written by hand in each `<story>.expected.json`, with the small directory to analyse against).
 *
 * Pairs compare names folded by matchKey; an expected name may list alternatives (a new actor the text names one way
 * or another). A reaction with several actors gives one pair per actor; a claim's pair is its claimant with the set
 * of actors it is about. Pairs are counted once per article.
 */
export const FIXTURES_DIR = path.join(process.cwd(), 'server/intake/fixtures');
export const SEED_ARTICLE = path.join(process.cwd(), 'server/seed/fixtures/nagorno-karabakh-2020.txt');

const names = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);
const expectedFile = z.object({
  title: z.string(),
  publishedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  directory: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      kind: z.enum(actorKinds),
      countryCode: z.string().length(2).optional(),
      affiliation: z.string().optional(),
      title: z.string().optional(),
      aliases: z.array(z.string()).optional(),
    }),
  ),
  parties: z.array(z.string()),
  reactions: z.array(z.object({ actors: z.array(names).min(1), primaryStance: z.enum(reactionStances) })),
  claims: z.array(z.object({ claimant: names, about: z.array(names) })),
});
type ExpectedFile = z.infer<typeof expectedFile>;

export interface StoryCase {
  slug: string;
  title: string;
  text: string;
  publishedOn: string;
  directory: DirectoryActor[];
  partyIds: string[];
  reactionPairs: Array<{ actor: string[]; stance: string }>;
  claimPairs: Array<{ claimant: string[]; about: string[][] }>;
}

const asList = (value: string | string[]): string[] => (Array.isArray(value) ? value : [value]);

/** A uuid-shaped id per directory position, stable across runs (the analysis never looks inside ids). */
function idFor(_key: string, index: number): string {
  return `00000000-0000-4000-8000-${index.toString(16).padStart(12, '0')}`;
}

function directoryOf(entries: ExpectedFile['directory']): DirectoryActor[] {
  const ids = new Map(entries.map((entry, index) => [entry.key, idFor(entry.key, index + 1)]));
  return entries.map((entry) => ({
    id: ids.get(entry.key)!,
    name: entry.name,
    aliases: entry.aliases ?? [],
    kind: entry.kind,
    countryCode: entry.countryCode ?? null,
    title: entry.title ?? null,
    affiliationId: entry.affiliation ? ids.get(entry.affiliation)! : null,
  }));
}

export function loadStories(): StoryCase[] {
  const files = fs.readdirSync(FIXTURES_DIR).filter((file) => file.endsWith('.expected.json')).sort();
  return files.map((file) => {
    const slug = file.replace(/\.expected\.json$/, '');
    const expected = expectedFile.parse(JSON.parse(fs.readFileSync(path.join(FIXTURES_DIR, file), 'utf8')));
    const directory = directoryOf(expected.directory);
    const idOf = new Map(expected.directory.map((entry, index) => [entry.key, directory[index]!.id]));
    return {
      slug,
      title: expected.title,
      text: fs.readFileSync(path.join(FIXTURES_DIR, `${slug}.txt`), 'utf8'),
      publishedOn: expected.publishedOn,
      directory,
      partyIds: expected.parties.map((key) => idOf.get(key)!),
      reactionPairs: expected.reactions.flatMap((reaction) => reaction.actors.map((actor) => ({ actor: asList(actor), stance: reaction.primaryStance }))),
      claimPairs: expected.claims.map((claim) => ({ claimant: asList(claim.claimant), about: claim.about.map(asList) })),
    };
  });
}

/** The seed article with the demo dossier's reactions and the Azerbaijani claims as the expected answers. */
export function seedStory(): StoryCase {
  const nameOf = new Map(DEMO_ACTORS.map((actor) => [actor.key, actor.name]));
  const directory: DirectoryActor[] = DEMO_ACTORS.map((actor, index) => ({
    id: idFor(actor.key, index + 1),
    name: actor.name,
    aliases: actor.aliases,
    kind: actor.kind,
    countryCode: actor.countryCode,
    title: actor.title || null,
    affiliationId: actor.affiliation ? idFor(actor.affiliation, DEMO_ACTORS.findIndex((other) => other.key === actor.affiliation) + 1) : null,
  }));
  const idOf = new Map(DEMO_ACTORS.map((actor, index) => [actor.key, directory[index]!.id]));
  // The article reports Azerbaijan's side; the outlet's own death toll and Armenia's position are not claims it attributes.
  const claims = DEMO_CLAIMS.filter((claim) => claim.claimant !== 'seed-article-outlet' && claim.claimant !== 'am-defence-ministry');
  return {
    slug: 'nagorno-karabakh-2020 (seed)',
    title: 'Dozens dead as world leaders urge halt to Azerbaijan-Armenia clashes',
    text: fs.readFileSync(SEED_ARTICLE, 'utf8'),
    publishedOn: '2020-09-28',
    directory,
    partyIds: DEMO_PARTIES.filter((party) => party.role === 'party').map((party) => idOf.get(party.actor)!),
    reactionPairs: DEMO_REACTIONS.flatMap((reaction) => reaction.signatories.map((signatory) => ({ actor: [nameOf.get(signatory.actor)!], stance: reaction.primaryStance }))),
    claimPairs: claims.map((claim) => ({ claimant: [nameOf.get(claim.claimant)!], about: claim.about.map((key) => [nameOf.get(key)!]) })),
  };
}

export interface PairScore {
  expected: number;
  found: number;
  correct: number;
  missed: string[];
  extra: string[];
}

export interface StoryScore {
  slug: string;
  words: number;
  reactions: PairScore;
  claims: PairScore;
}

const ratio = (part: number, whole: number) => (whole === 0 ? 1 : part / whole);
export const recall = (score: PairScore) => ratio(score.correct, score.expected);
export const precision = (score: PairScore) => ratio(score.correct, score.found);

function compare(expected: Array<{ keys: string[][]; label: string }>, found: Array<{ keys: string[]; label: string }>): PairScore {
  // Expected: alternatives per position; found: one key per position. Dedupe both by their text.
  const uniqueExpected = [...new Map(expected.map((entry) => [entry.label, entry])).values()];
  const uniqueFound = [...new Map(found.map((entry) => [entry.keys.join('|'), entry])).values()];
  const matches = (want: string[][], got: string[]) => want.length === got.length && want.every((alternatives, index) => alternatives.includes(got[index]!));
  const used = new Set<number>();
  let correct = 0;
  const missed: string[] = [];
  for (const want of uniqueExpected) {
    const index = uniqueFound.findIndex((got, position) => !used.has(position) && matches(want.keys, got.keys));
    if (index >= 0) {
      used.add(index);
      correct++;
    } else missed.push(want.label);
  }
  return { expected: uniqueExpected.length, found: uniqueFound.length, correct, missed, extra: uniqueFound.filter((_, index) => !used.has(index)).map((entry) => entry.label) };
}

export function scoreStory(story: StoryCase, analysis: IntakeAnalysis = analyzeArticle(story.text, { directory: story.directory, partyIds: story.partyIds, publishedOn: story.publishedOn })): StoryScore {
  const nameOf = new Map(analysis.actors.map((actor) => [actor.ref, actor.name]));
  const name = (ref: string) => nameOf.get(ref) ?? ref;
  const reactions = compare(
    story.reactionPairs.map((pair) => ({ keys: [pair.actor.map(matchKey), [pair.stance]], label: `${pair.actor[0]} — ${pair.stance}` })),
    analysis.reactions.flatMap((reaction) => reaction.actorRefs.map((ref) => ({ keys: [matchKey(name(ref)), reaction.primaryStance], label: `${name(ref)} — ${reaction.primaryStance}` }))),
  );
  return { slug: story.slug, words: story.text.split(/\s+/).filter(Boolean).length, reactions, claims: scoreClaims(story, analysis, name) };
}

/** A claim matches when the claimant is one of the expected names and its about set is the expected one (each position by its alternatives). */
function scoreClaims(story: StoryCase, analysis: IntakeAnalysis, name: (ref: string) => string): PairScore {
  const expected = story.claimPairs.map((pair) => ({ claimant: pair.claimant.map(matchKey), about: pair.about.map((alternatives) => alternatives.map(matchKey)), label: `${pair.claimant[0]} → [${pair.about.map((entry) => entry[0]).join(', ')}]` }));
  const uniqueExpected = [...new Map(expected.map((entry) => [entry.label, entry])).values()];
  const found = analysis.claims.map((claim) => ({ claimant: matchKey(name(claim.claimantRef)), about: claim.aboutRefs.map((ref) => matchKey(name(ref))), label: `${name(claim.claimantRef)} → [${claim.aboutRefs.map(name).join(', ')}]` }));
  const uniqueFound = [...new Map(found.map((entry) => [`${entry.claimant}|${[...entry.about].sort().join(',')}`, entry])).values()];
  const aboutMatches = (want: string[][], got: string[]) =>
    want.length === new Set(got).size && want.every((alternatives) => got.some((key) => alternatives.includes(key)));
  const used = new Set<number>();
  let correct = 0;
  const missed: string[] = [];
  for (const want of uniqueExpected) {
    const index = uniqueFound.findIndex((got, position) => !used.has(position) && want.claimant.includes(got.claimant) && aboutMatches(want.about, got.about));
    if (index >= 0) {
      used.add(index);
      correct++;
    } else missed.push(want.label);
  }
  return { expected: uniqueExpected.length, found: uniqueFound.length, correct, missed, extra: uniqueFound.filter((_, index) => !used.has(index)).map((entry) => entry.label) };
}

export function scoreAll(): { stories: StoryScore[]; overall: { reactions: PairScore; claims: PairScore } } {
  const stories = [seedStory(), ...loadStories()].map((story) => scoreStory(story));
  const sum = (pick: (story: StoryScore) => PairScore): PairScore => ({
    expected: stories.reduce((total, story) => total + pick(story).expected, 0),
    found: stories.reduce((total, story) => total + pick(story).found, 0),
    correct: stories.reduce((total, story) => total + pick(story).correct, 0),
    missed: [],
    extra: [],
  });
  return { stories, overall: { reactions: sum((story) => story.reactions), claims: sum((story) => story.claims) } };
}

const percent = (value: number) => `${Math.round(value * 100)}%`;

/** The README's table: per article and overall, recall and precision of both kinds of pairs. */
export function scoreTable(result = scoreAll()): string {
  const row = (label: string, words: string, reactions: PairScore, claims: PairScore) =>
    `| ${label} | ${words} | ${reactions.correct}/${reactions.expected} | ${percent(recall(reactions))} | ${percent(precision(reactions))} | ${claims.correct}/${claims.expected} | ${percent(recall(claims))} | ${percent(precision(claims))} |`;
  return [
    '| Article | Words | Reactions found/expected | Recall | Precision | Claims found/expected | Recall | Precision |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...result.stories.map((story) => row(story.slug, String(story.words), story.reactions, story.claims)),
    row('**Overall**', String(result.stories.reduce((total, story) => total + story.words, 0)), result.overall.reactions, result.overall.claims),
  ].join('\n');
}
