import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows } from '@/server/testing/fixtures';
import { createTestDatabase, type TestDatabase } from '@/server/testing/test-database';
import { DEMO_DOSSIER, seedDemo } from '@/server/seed/demo';
import { runIntakeCli, type IntakeJson } from './intake-cli';

const article = fs.readFileSync(path.join(process.cwd(), 'server/seed/fixtures/nagorno-karabakh-2020.txt'), 'utf8');
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db);
});
afterAll(() => database.cleanup());

describe('npm run intake', () => {
  it('prints the suggestions as JSON with names resolved, and creates nothing', async () => {
    const before = await countRows(database.db);
    const output = await runIntakeCli(database.db, ['--dossier', DEMO_DOSSIER.slug, '--json', '--published-on', '2020-09-28'], article);
    expect(await countRows(database.db)).toEqual(before);
    const json = JSON.parse(output) as IntakeJson;
    expect(json.reactions).toHaveLength(11);
    expect(json.reactions[0]).toMatchObject({
      actors: ['France', 'Germany', 'Italy', 'European Union'],
      stances: ['ceasefire'],
      primaryStance: 'ceasefire',
      quote: 'immediate ceasefire',
      excerpt: 'France, Germany, Italy, and the European Union swiftly urged an "immediate ceasefire", while Pope Francis prayed for peace.',
      duplicateOf: 'France, Germany, Italy, European Union — Calls for ceasefire or de-escalation, 27 Sept 2020',
    });
    expect(json.reactions.find((reaction) => reaction.actors[0] === 'Sergey Lavrov')).toMatchObject({ speaker: 'Maria Zakharova', primaryStance: 'mediation' });
    expect(json.reactions.find((reaction) => reaction.actors[0] === 'Recep Tayyip Erdoğan')).toMatchObject({ target: ['Azerbaijan'], channel: 'social_media' });
    expect(json.reactions.find((reaction) => reaction.actors[0] === 'Emmanuel Macron')).toMatchObject({ reactedOn: '2020-09-27' });
    expect(json.claims.find((claim) => claim.claimant === 'Ministry of Defence of Azerbaijan')).toMatchObject({
      about: ['Armed Forces of Armenia'],
      category: 'attack_on_civilians',
      quoteKind: 'paraphrase',
    });
    const guterres = json.actors.find((actor) => actor.name === 'António Guterres')!;
    expect(guterres).toMatchObject({ kind: 'person', affiliation: 'United Nations', matchedActorId: expect.any(String) });
    for (const reaction of json.reactions) expect(article.slice(reaction.evidence.sentenceStart, reaction.evidence.sentenceEnd)).toBe(reaction.excerpt);
  });

  it('prints a readable summary by default', async () => {
    const output = await runIntakeCli(database.db, ['--dossier', DEMO_DOSSIER.slug], 'French President Nicolas Sarkozy urged restraint on Monday.');
    expect(output).toContain('+ Nicolas Sarkozy — Person, President, for France (new)');
    expect(output).toContain('1. Nicolas Sarkozy: Calls for ceasefire or de-escalation');
  });

  it('refuses an unknown dossier, empty input and a bad date with a clear message', async () => {
    await expect(runIntakeCli(database.db, ['--dossier', 'no-such-dossier'], 'Text.')).rejects.toThrow('No dossier with the slug “no-such-dossier”.');
    await expect(runIntakeCli(database.db, ['--dossier', DEMO_DOSSIER.slug], '  \n')).rejects.toThrow(/^No article text on standard input/);
    await expect(runIntakeCli(database.db, [], 'Text.')).rejects.toThrow(/--dossier <slug> is required/);
    await expect(runIntakeCli(database.db, ['--dossier', DEMO_DOSSIER.slug, '--published-on', 'Sept 27'], 'Text.')).rejects.toThrow(/Published on must be a date like 2020-09-27/);
  });
});
