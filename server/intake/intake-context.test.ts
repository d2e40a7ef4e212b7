import fs from 'node:fs';
import path from 'node:path';
import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actors } from '@/server/actors/schema';
import { claims } from '@/server/claims/schema';
import { getDossierBySlug } from '@/server/dossiers/dossiers.service';
import { dossiers } from '@/server/dossiers/schema';
import { ServiceError } from '@/server/errors';
import { reactions } from '@/server/reactions/schema';
import { DEMO_DOSSIER, seedDemo } from '@/server/seed/demo';
import { DEMO_ACTORS, DEMO_CLAIMS } from '@/server/seed/demo-claims';
import { DEMO_REACTIONS } from '@/server/seed/demo-reactions';
import { randomId } from '@/server/testing/fixtures';
import { createTestDatabase, type TestDatabase } from '@/server/testing/test-database';
import { analyzeForDossier, loadIntakeContext } from './intake-context';
import type { IntakeAnalysis } from './suggestions';

const article = fs.readFileSync(path.join(process.cwd(), 'server/seed/fixtures/nagorno-karabakh-2020.txt'), 'utf8');
const PUBLISHED_ON = '2020-09-28';

let database: TestDatabase;
let dossierId: string;
/** Demo actor key → the directory id the seed gave it. */
const idOf = new Map<string, string>();
/** Analysis while the demo's own reactions and claims are still in the dossier. */
let withRecords: IntakeAnalysis;
/** Analysis once they are deleted: the measurement the issue asks for. */
let withoutRecords: IntakeAnalysis;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db);
  dossierId = (await getDossierBySlug(database.db, DEMO_DOSSIER.slug)).id;
  for (const entry of DEMO_ACTORS) {
    const [row] = await database.db.select({ id: actors.id }).from(actors).where(and(eq(actors.name, entry.name), isNull(actors.deletedAt)));
    idOf.set(entry.key, row!.id);
  }
  withRecords = await analyzeForDossier(database.db, { dossierId, text: article, publishedOn: PUBLISHED_ON });
  await database.db.update(reactions).set({ deletedAt: new Date() }).where(eq(reactions.dossierId, dossierId));
  await database.db.update(claims).set({ deletedAt: new Date() }).where(eq(claims.dossierId, dossierId));
  withoutRecords = await analyzeForDossier(database.db, { dossierId, text: article, publishedOn: PUBLISHED_ON });
});
afterAll(() => database.cleanup());

const sorted = (ids: string[]) => [...ids].sort();

describe('intake of the seed article against the demo dossier', () => {
  it('proposes every one of the demo dossier’s eleven reactions, with directory actors and the primary stance', () => {
    expect(DEMO_REACTIONS).toHaveLength(11);
    const missing = DEMO_REACTIONS.filter((demo) => {
      const actorIds = sorted(demo.signatories.map((signatory) => idOf.get(signatory.actor)!));
      return !withoutRecords.reactions.some((reaction) => {
        if (JSON.stringify(sorted(reaction.actorRefs)) !== JSON.stringify(actorIds) || reaction.primaryStance !== demo.primaryStance) return false;
        // Guterres' two calls are told apart by the party called.
        return demo.targets.length === 0 || demo.primaryStance !== 'mediation' || JSON.stringify(reaction.targetRefs) === JSON.stringify(demo.targets.map((key) => idOf.get(key)));
      });
    });
    expect(missing.map((demo) => demo.key)).toEqual([]);
    expect(withoutRecords.reactions).toHaveLength(11);
  });

  it('reads the joint statement as one reaction with four signatories, and its speakers, targets and channels', () => {
    const joint = withoutRecords.reactions.find((reaction) => reaction.actorRefs.length > 1)!;
    expect(joint.actorRefs).toEqual(['france', 'germany', 'italy', 'european-union'].map((key) => idOf.get(key)));
    expect(joint.quote).toBe('immediate ceasefire');

    const lavrov = withoutRecords.reactions.find((reaction) => reaction.actorRefs[0] === idOf.get('lavrov'))!;
    expect(lavrov.speakerRef).toBe(idOf.get('zakharova'));
    expect(lavrov.stances).toEqual(['mediation', 'ceasefire', 'talks']);

    const guterres = withoutRecords.reactions.find((reaction) => reaction.actorRefs[0] === idOf.get('guterres') && reaction.primaryStance === 'ceasefire')!;
    expect(guterres.speakerRef).toBe(idOf.get('un-spokesperson'));
    expect(sorted(guterres.stances)).toEqual(sorted(['ceasefire', 'talks', 'condemns']));
    expect(guterres.channel).toBe('statement');

    const erdogan = withoutRecords.reactions.find((reaction) => reaction.actorRefs[0] === idOf.get('erdogan'))!;
    expect(erdogan).toMatchObject({ primaryStance: 'supports_party', targetRefs: [idOf.get('azerbaijan')], channel: 'social_media' });

    // The State Department's statement runs over three sentences: one reaction with every stance they carry.
    const us = withoutRecords.reactions.find((reaction) => reaction.actorRefs[0] === idOf.get('us-state-department'))!;
    expect(sorted(us.stances)).toEqual(sorted(['ceasefire', 'condemns', 'concern', 'sympathy']));
    expect(article.slice(us.evidence.sentenceStart, us.evidence.sentenceEnd)).toBe(us.evidence.sentence);
    expect(us.evidence.sentence).toContain('condemns in the strongest terms');

    const macron = withoutRecords.reactions.find((reaction) => reaction.actorRefs[0] === idOf.get('macron'))!;
    expect(macron).toMatchObject({ reactedOn: '2020-09-27', reactedPrecision: 'day', stances: ['ceasefire', 'concern'] });
  });

  it('proposes the Azerbaijani claims with their claimant and what they are about', () => {
    const azerbaijani = DEMO_CLAIMS.filter((claim) => claim.claimant !== 'seed-article-outlet' && claim.claimant !== 'am-defence-ministry');
    const missing = azerbaijani.filter((demo) =>
      !withoutRecords.claims.some(
        (claim) => claim.claimantRef === idOf.get(demo.claimant) && JSON.stringify(sorted(claim.aboutRefs)) === JSON.stringify(sorted(demo.about.map((key) => idOf.get(key)!))),
      ),
    );
    expect(missing.map((demo) => demo.key)).toEqual([]);
    const terter = withoutRecords.claims.find((claim) => claim.statement.includes('Terter'))!;
    expect(terter).toMatchObject({ claimantRef: idOf.get('az-defence-ministry'), category: 'attack_on_civilians', quoteKind: 'paraphrase' });
    const aliyev = withoutRecords.claims.find((claim) => claim.claimantRef === idOf.get('aliyev'))!;
    expect(aliyev).toMatchObject({ quoteKind: 'verbatim', quote: 'Our cause is just and we will win … Karabakh is Azerbaijan' });
  });

  it('every suggestion cites its sentence verbatim and says why', () => {
    for (const suggestion of [...withoutRecords.reactions, ...withoutRecords.claims, ...withoutRecords.actors]) {
      expect(article.slice(suggestion.evidence.sentenceStart, suggestion.evidence.sentenceEnd)).toBe(suggestion.evidence.sentence);
      expect(suggestion.evidence.spanStart).toBeGreaterThanOrEqual(suggestion.evidence.sentenceStart);
      expect(suggestion.evidence.spanEnd).toBeLessThanOrEqual(suggestion.evidence.sentenceEnd);
      expect(suggestion.why.length).toBeGreaterThan(0);
    }
  });

  it('matches actors to the directory and lists every ref the suggestions use', () => {
    const refs = new Set(withoutRecords.actors.map((actor) => actor.ref));
    for (const reaction of withoutRecords.reactions) for (const ref of [...reaction.actorRefs, ...reaction.targetRefs]) expect(refs).toContain(ref);
    for (const claim of withoutRecords.claims) for (const ref of [claim.claimantRef, ...claim.aboutRefs]) expect(refs).toContain(ref);
    const guterres = withoutRecords.actors.find((actor) => actor.ref === idOf.get('guterres'))!;
    expect(guterres).toMatchObject({ name: 'António Guterres', matchedActorId: idOf.get('guterres') });
    expect(guterres.mentions).toEqual(expect.arrayContaining(['Antonio Guterres', 'Guterres']));
    expect(withoutRecords.actors.filter((actor) => actor.matchedActorId === null)).toEqual([]);
  });

  it('marks what the dossier already holds as possible duplicates, and nothing once those records are deleted', () => {
    expect(withRecords.reactions.map((reaction) => reaction.duplicateOf === null)).not.toContain(true);
    expect(withRecords.reactions.find((reaction) => reaction.actorRefs[0] === idOf.get('macron'))!.duplicateOf!.label).toBe('Emmanuel Macron — Calls for ceasefire or de-escalation, 27 Sept 2020');
    const terter = withRecords.claims.find((claim) => claim.statement.includes('Terter'))!;
    expect(terter.duplicateOf?.label).toMatch(/^Ministry of Defence of Azerbaijan — The Azerbaijani city of Terter/);
    expect([...withoutRecords.reactions, ...withoutRecords.claims].filter((suggestion) => suggestion.duplicateOf)).toEqual([]);
  });

  it('refuses a missing or deleted dossier with NOT_FOUND', async () => {
    await expect(loadIntakeContext(database.db, randomId(), null)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await database.db.update(dossiers).set({ deletedAt: new Date() }).where(eq(dossiers.id, dossierId));
    const error = await analyzeForDossier(database.db, { dossierId, text: article }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ServiceError);
    expect(error).toMatchObject({ code: 'NOT_FOUND', message: 'Dossier not found.' });
  });
});
