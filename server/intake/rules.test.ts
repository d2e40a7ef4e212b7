import { describe, expect, it } from 'vitest';
import { analyzeArticle, readChannel, readDate, readFigures, type DirectoryActor } from './analyze';
import { BODY_RULES, CHANNEL_RULES, CLAIM_CATEGORY_RULES, CLAIM_VERB_RULE, FIGURE_RULES, ORGANISATION_RULES, STANCE_RULES, TITLE_RULES } from './rules';

const stanceRows = Object.entries(STANCE_RULES).flatMap(([stance, rules]) => rules.map((rule) => ({ stance, ...rule })));
const categoryRows = Object.entries(CLAIM_CATEGORY_RULES).flatMap(([category, rules]) => rules.map((rule) => ({ category, ...rule })));

describe('every rule row fires on its own example', () => {
  it.each(stanceRows)('stance $stance: $description', ({ pattern, example }) => {
    expect(pattern.test(example.replace(/[“”"]/g, ' '))).toBe(true);
  });
  it.each(categoryRows)('claim category $category: $description', ({ pattern, example }) => {
    expect(pattern.test(example.replace(/[“”"]/g, ' '))).toBe(true);
  });
  it.each(CHANNEL_RULES)('channel $channel: $description', ({ channel, example }) => {
    expect(readChannel(example).channel).toBe(channel);
  });
  it.each(FIGURE_RULES)('figure $figure: $description ($example)', ({ figure, example }) => {
    expect(readFigures(example).figures[figure]).toBeGreaterThan(0);
  });
  it('claim verbs', () => {
    expect(CLAIM_VERB_RULE.pattern.test(CLAIM_VERB_RULE.example)).toBe(true);
  });
});

// A story's reacting actors are never its parties: party ids that name nobody in the examples.
const context = (directory: DirectoryActor[] = [], partyIds: string[] = []) => ({ directory, partyIds, publishedOn: '2023-05-10' });

describe('titles, bodies and organisations read from their examples', () => {
  it.each(TITLE_RULES)('title $title', ({ title, example }) => {
    const people = analyzeArticle(example, context()).actors.filter((actor) => actor.kind === 'person');
    expect(people.map((person) => person.title)).toContainEqual(expect.stringContaining(title));
  });
  it.each(BODY_RULES.filter((rule) => rule.kind === 'government_body'))('body $name', ({ example }) => {
    const analysis = analyzeArticle(`Sudan said so. Azerbaijan said so. Israel said so. ${example}`, context());
    expect(analysis.actors.map((actor) => actor.kind)).toContain('government_body');
  });
  it('armed forces: the directory’s, else the state itself (no new actor per wording)', () => {
    const armenia: DirectoryActor = { id: '00000000-0000-4000-8000-0000000000a1', name: 'Armenia', aliases: [], kind: 'state', countryCode: 'AM', title: null, affiliationId: null };
    const forces: DirectoryActor = { id: '00000000-0000-4000-8000-0000000000a2', name: 'Armed Forces of Armenia', aliases: [], kind: 'armed_group', countryCode: 'AM', title: null, affiliationId: armenia.id };
    const azerbaijan: DirectoryActor = { ...armenia, id: '00000000-0000-4000-8000-0000000000a3', name: 'Azerbaijan', countryCode: 'AZ' };
    const example = BODY_RULES.find((rule) => rule.kind === 'armed_group')!.example;
    const parties = [armenia.id, azerbaijan.id];
    expect(analyzeArticle(example, context([armenia, azerbaijan, forces], parties)).claims[0]!.aboutRefs).toEqual([forces.id]);
    expect(analyzeArticle(example, context([armenia, azerbaijan], parties)).claims[0]!.aboutRefs).toEqual([armenia.id]);
  });
  it('government: the state itself', () => {
    const analysis = analyzeArticle(BODY_RULES.find((rule) => rule.kind === 'state')!.example, context());
    expect(analysis.actors.map((actor) => [actor.name, actor.kind])).toEqual([['Sudan', 'state']]);
  });
  it.each(ORGANISATION_RULES)('organisation $name', ({ name, example }) => {
    expect(analyzeArticle(example, context()).actors.map((actor) => actor.name)).toContain(name);
  });
});

describe('what the analysis reads from a sentence', () => {
  it('proposes a person with title and affiliation, and the state as a new actor', () => {
    const analysis = analyzeArticle('French President Nicolas Sarkozy urged restraint.', context());
    const sarkozy = analysis.actors.find((actor) => actor.name === 'Nicolas Sarkozy')!;
    expect(sarkozy).toMatchObject({ kind: 'person', title: 'President', affiliationRef: 'new:france', matchedActorId: null });
    expect(analysis.actors.find((actor) => actor.ref === 'new:france')).toMatchObject({ kind: 'state', countryCode: 'FR' });
    expect(analysis.reactions[0]).toMatchObject({ actorRefs: [sarkozy.ref], primaryStance: 'ceasefire' });
  });

  it('affiliates to the directory’s state when it has one, matching accents and case loosely', () => {
    const france: DirectoryActor = { id: '00000000-0000-4000-8000-000000000001', name: 'France', aliases: [], kind: 'state', countryCode: 'FR', title: null, affiliationId: null };
    const guterres: DirectoryActor = { id: '00000000-0000-4000-8000-000000000002', name: 'António Guterres', aliases: [], kind: 'person', countryCode: null, title: null, affiliationId: null };
    const analysis = analyzeArticle('French President Nicolas Sarkozy and ANTONIO GUTERRES urged restraint. Guterres also condemned the attack.', context([france, guterres]));
    expect(analysis.actors.find((actor) => actor.name === 'Nicolas Sarkozy')!.affiliationRef).toBe(france.id);
    expect(analysis.reactions[0]!.actorRefs).toEqual(['new:nicolas-sarkozy', guterres.id]);
    expect(analysis.reactions[1]).toMatchObject({ actorRefs: [guterres.id], primaryStance: 'condemns' });
  });

  it('reads the US State Department as a body of the United States and a UN title as the United Nations', () => {
    const analysis = analyzeArticle('The US State Department condemned the attack. UN Secretary-General Ban Ki-moon called for talks.', context());
    expect(analysis.actors.find((actor) => actor.name === 'United States Department of State')).toMatchObject({ kind: 'government_body', affiliationRef: 'new:united-states' });
    const ban = analysis.actors.find((actor) => actor.name === 'Ban Ki-moon')!;
    expect(ban).toMatchObject({ kind: 'person', title: 'Secretary-General', affiliationRef: 'new:united-nations' });
    expect(analysis.reactions.map((reaction) => reaction.primaryStance)).toEqual(['condemns', 'talks']);
  });

  it('reads a ministry without a country from the story around it', () => {
    const azerbaijan: DirectoryActor = { id: '00000000-0000-4000-8000-00000000000a', name: 'Azerbaijan', aliases: [], kind: 'state', countryCode: 'AZ', title: null, affiliationId: null };
    const armenia: DirectoryActor = { ...azerbaijan, id: '00000000-0000-4000-8000-00000000000b', name: 'Armenia', countryCode: 'AM' };
    const analysis = analyzeArticle(
      'Azerbaijan on Monday issued a final warning. The Defence Ministry said at least 20 soldiers were injured and 3 tanks were destroyed by Armenian forces.',
      context([azerbaijan, armenia], [azerbaijan.id, armenia.id]),
    );
    const ministry = analysis.actors.find((actor) => actor.kind === 'government_body')!;
    expect(ministry).toMatchObject({ name: 'Ministry of Defence of Azerbaijan', affiliationRef: azerbaijan.id, countryCode: 'AZ' });
    expect(analysis.claims).toHaveLength(1);
    expect(analysis.claims[0]).toMatchObject({ claimantRef: ministry.ref, aboutRefs: [armenia.id], saidOn: null });
    expect(analysis.claims[0]!.figures).toMatchObject({ wounded: 20, woundedAtLeast: true, equipmentDestroyed: 3, equipmentDestroyedAtLeast: false });
  });

  it('reads dates in the year of publication', () => {
    expect(readDate('on Sept. 27', '2020-09-28')).toEqual({ day: '2020-09-27', precision: 'day' });
    expect(readDate('on 3 December', '2021-01-02')).toEqual({ day: '2020-12-03', precision: 'day' });
    expect(readDate('yesterday', '2021-01-02')).toEqual({ day: '2021-01-01', precision: 'day' });
    expect(readDate('on Monday', '2023-05-10')).toEqual({ day: '2023-05-08', precision: 'day' });
    expect(readDate('on Sept. 27', null)).toBeNull();
  });

  it('finds nothing in text without actors or cues', () => {
    expect(analyzeArticle('It rained all day. Nobody came.', context())).toMatchObject({ actors: [], reactions: [], claims: [], sentenceCount: 2 });
  });
});
