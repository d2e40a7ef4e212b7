import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blankSource, buildAcceptInput, emptyReview, readDraft, reviewOfAnalysis, reviewPathOf, type ReviewState } from '@/components/intake/intake-state';
import { noClaimFigures } from '@/server/claims/claims.labels';
import { makeActor, makeDossier, makeParty } from '@/server/claims/claims.test-helpers';
import { acceptIntakeInput } from '@/server/intake/intake.input';
import type { Evidence, IntakeAnalysis } from '@/server/intake/suggestions';
import { callerFor, unique, type Caller } from '@/server/testing/fixtures';
import { createTestDatabase, createTestUsers, type TestUsers } from '@/server/testing/test-database';

/**
 * The review screen's state (components/intake/intake-state.ts) against the real intake API: what the editor ticks
 * and edits becomes an accept input the router takes, unticked suggestions are not created, a new actor a ticked
 * record needs cannot be dropped silently, refusals land on the review's own item, and the draft round-trips.
 * The analysis here is written by hand, so these tests stand apart from the analysis rules.
 */

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let users: TestUsers;
let editor: Caller;

beforeAll(async () => {
  database = await createTestDatabase();
  users = await createTestUsers(database);
  editor = callerFor(database.db, users.editor);
});
afterAll(() => database.cleanup());

const ARTICLE = [
  'PARIS, Sept 28 (Wire) - French President Nicolas Sarkozy urged an immediate ceasefire on Monday.',
  'France offered to mediate between the two sides.',
  'Azerbaijan’s Defence Ministry said at least 20 Armenian soldiers were injured near Terter.',
].join(' ');

/** Evidence for `words` inside `sentence` of ARTICLE. */
function evidence(sentence: string, words: string): Evidence {
  const sentenceStart = ARTICLE.indexOf(sentence);
  const spanStart = sentenceStart + sentence.indexOf(words);
  return { sentence, sentenceStart, sentenceEnd: sentenceStart + sentence.length, spanStart, spanEnd: spanStart + words.length };
}
const S1 = 'French President Nicolas Sarkozy urged an immediate ceasefire on Monday.';
const S2 = 'France offered to mediate between the two sides.';
const S3 = 'Azerbaijan’s Defence Ministry said at least 20 Armenian soldiers were injured near Terter.';

async function scene() {
  const dossier = await makeDossier(database.db, users.editor);
  const france = await makeActor(database.db, { name: unique('France') });
  const azerbaijan = await makeActor(database.db, { name: unique('Azerbaijan') });
  const armenia = await makeActor(database.db, { name: unique('Armenia') });
  await makeParty(database.db, dossier.id, azerbaijan.id, 0);
  await makeParty(database.db, dossier.id, armenia.id, 1);
  const ministry = unique('Defence Ministry of Azerbaijan');
  const sarkozy = unique('Nicolas Sarkozy');
  const figures = noClaimFigures;
  const analysis: IntakeAnalysis = {
    sentenceCount: 4,
    actors: [
      { ref: france.id, name: france.name, kind: 'state', title: null, countryCode: 'FR', affiliationRef: null, matchedActorId: france.id, mentions: [], evidence: evidence(S2, 'France'), why: 'Directory name' },
      { ref: 'new:nicolas-sarkozy', name: sarkozy, kind: 'person', title: 'President', countryCode: 'FR', affiliationRef: france.id, matchedActorId: null, mentions: ['Sarkozy'], evidence: evidence(S1, 'French President Nicolas Sarkozy'), why: 'Title before a name' },
      { ref: 'new:defence-ministry', name: ministry, kind: 'government_body', title: null, countryCode: 'AZ', affiliationRef: azerbaijan.id, matchedActorId: null, mentions: [], evidence: evidence(S3, 'Defence Ministry'), why: 'Ministry of a party' },
    ],
    reactions: [
      {
        ref: 'r1', actorRefs: ['new:nicolas-sarkozy'], speakerRef: null, primaryStance: 'ceasefire', stances: ['ceasefire'], targetRefs: [], channel: 'statement',
        reactedOn: '2020-09-28', reactedPrecision: 'day', quote: null, paraphrase: 'Urged an immediate ceasefire.', evidence: evidence(S1, 'urged an immediate ceasefire'), why: ['“urged … ceasefire”'], duplicateOf: null,
      },
      {
        ref: 'r2', actorRefs: [france.id], speakerRef: null, primaryStance: 'mediation', stances: ['mediation'], targetRefs: [azerbaijan.id, 'not-a-party'], channel: 'statement',
        reactedOn: null, reactedPrecision: 'day', quote: null, paraphrase: 'Offered to mediate.', evidence: evidence(S2, 'offered to mediate'), why: ['“offered to mediate”'], duplicateOf: { id: 'x', label: 'France — Offers mediation, 28 Sept 2020' },
      },
    ],
    claims: [
      {
        ref: 'c1', claimantRef: 'new:defence-ministry', aboutRefs: [armenia.id], statement: 'At least 20 Armenian soldiers were injured near Terter.', category: 'military_losses',
        figures: { ...figures, wounded: 20, woundedAtLeast: true }, quote: null, quoteKind: 'paraphrase', saidOn: '2020-09-28', saidPrecision: 'day', evidence: evidence(S3, 'said'), why: ['“said”'], duplicateOf: null,
      },
    ],
  };
  const start: ReviewState = { ...emptyReview, text: ARTICLE, newSource: { ...blankSource, title: unique('Wire story'), outlet: 'Wire', publishedAt: '2020-09-28' } };
  const review = reviewOfAnalysis(start, analysis, [azerbaijan.id, armenia.id]);
  return { dossier, france, azerbaijan, armenia, review, sarkozy };
}

describe('the review of an analysis', () => {
  it('ticks new actors and records, leaves possible duplicates unticked, keeps only party targets and the sentence as excerpt', async () => {
    const { review, azerbaijan } = await scene();
    expect(review.actors.map((actor) => actor.ticked)).toEqual([false, true, true]);
    expect(review.reactions.map((reaction) => reaction.ticked)).toEqual([true, false]);
    expect(review.reactions[1]!.values.targets).toEqual([azerbaijan.id]);
    expect(review.reactions[0]!.values.excerpt).toBe(S1);
    expect(review.claims[0]!.values).toMatchObject({ wounded: 20, woundedAtLeast: true, excerpt: S3 });
  });

  it('accepts what is ticked, as edited: the duplicate is not created, the new actors are, records cite the sentence', async () => {
    const { dossier, review, france, sarkozy } = await scene();
    const edited: ReviewState = {
      ...review,
      reactions: review.reactions.map((reaction, index) => (index === 0 ? { ...reaction, values: { ...reaction.values, primaryStance: 'talks' } } : reaction)),
    };
    const { input, errors } = buildAcceptInput(edited, dossier.id);
    expect(errors).toEqual({});
    const result = await editor.intake.accept(acceptIntakeInput.parse(input));
    expect(result.reactionIds).toHaveLength(1);
    expect(result.claimIds).toHaveLength(1);
    expect(Object.keys(result.actorIds).sort()).toEqual(['new:defence-ministry', 'new:nicolas-sarkozy']);

    const reaction = await editor.reactions.byId({ id: result.reactionIds[0]! });
    expect(reaction.primaryStance).toBe('talks');
    // Changing the primary stance replaces the suggested one (others stay as ticked: none here).
    expect(reaction.stances).toEqual(['talks']);
    expect(reaction.signatories.map((signatory) => signatory.actor.name)).toEqual([sarkozy]);
    expect(reaction.sources.map((item) => item.excerpt)).toEqual([S1]);
    const sarkozyActor = await editor.actors.byId({ id: result.actorIds['new:nicolas-sarkozy']! });
    expect(sarkozyActor).toMatchObject({ title: 'President', affiliationId: france.id });
    const claim = await editor.claims.byId({ id: result.claimIds[0]! });
    expect(claim).toMatchObject({ wounded: 20, woundedAtLeast: true, claimantId: result.actorIds['new:defence-ministry'] });
    expect(claim.sources.map((item) => item.excerpt)).toEqual([S3]);
  });

  it('will not drop a new actor a ticked record needs: the record and the actor say so; a directory actor instead resolves it', async () => {
    const { dossier, review, france, sarkozy } = await scene();
    const unticked: ReviewState = { ...review, actors: review.actors.map((actor) => (actor.ref === 'new:nicolas-sarkozy' ? { ...actor, ticked: false } : actor)) };
    const blocked = buildAcceptInput(unticked, dossier.id);
    expect(blocked.errors['reactions.0.actorRefs']).toBe(`${sarkozy} is not ticked among the actors: tick it, use a directory actor instead, or untick this record`);
    expect(blocked.errors['actors.1.ticked']).toMatch(/^Used by reaction 1/);

    const instead: ReviewState = {
      ...review,
      actors: review.actors.map((actor) => (actor.ref === 'new:nicolas-sarkozy' ? { ...actor, ticked: false, instead: { id: france.id, name: france.name } } : actor)),
    };
    const { input, errors } = buildAcceptInput(instead, dossier.id);
    expect(errors).toEqual({});
    expect(input.newActors?.map((actor) => actor.ref)).toEqual(['new:defence-ministry']);
    expect(input.reactions?.[0]?.actors).toEqual([{ actorRef: france.id, countsForRef: null }]);
    const result = await editor.intake.accept(acceptIntakeInput.parse(input));
    const reaction = await editor.reactions.byId({ id: result.reactionIds[0]! });
    expect(reaction.signatories.map((signatory) => signatory.actor.id)).toEqual([france.id]);
  });

  it('puts a refusal on the review’s own item, past the unticked ones (browser check and server answer alike)', async () => {
    const { dossier, review } = await scene();
    // Review: reaction 0 unticked, reaction 1 ticked with a date in the future → the input's reactions.0.
    const state: ReviewState = {
      ...review,
      reactions: [
        { ...review.reactions[0]!, ticked: false },
        { ...review.reactions[1]!, ticked: true, values: { ...review.reactions[1]!.values, reactedAt: '2999-01-01' } },
      ],
    };
    const { input, positions } = buildAcceptInput(state, dossier.id);
    const checked = acceptIntakeInput.safeParse(input);
    expect(checked.success).toBe(false);
    const paths = checked.error!.issues.map((issue) => reviewPathOf(issue.path as Array<string | number>, positions));
    expect(paths).toContain('reactions.1.reactedAt');
    expect(reviewPathOf(['newActors', 0, 'name'], positions)).toBe('actors.1.name');
    expect(reviewPathOf(['source', 'fields', 'url'], positions)).toBe('source.url');
    expect(reviewPathOf(['claims', 5, 'statement'], positions)).toBeNull();
  });

  it('round-trips as the editor’s draft', async () => {
    const { dossier, review } = await scene();
    await editor.intake.saveDraft({ dossierId: dossier.id, state: JSON.parse(JSON.stringify(review)) });
    const draft = await editor.intake.draft({ dossierId: dossier.id });
    expect(readDraft(draft?.state)).toEqual(review);
    expect(readDraft({ format: 2 })).toBeNull();
  });
});
