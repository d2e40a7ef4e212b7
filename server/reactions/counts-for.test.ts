import { describe, expect, it } from 'vitest';
import type { ActorKind } from '@/server/actors/actors.labels';
import { countsFor, type CountsForLink } from './counts-for';

const directory = (entries: Array<[id: string, kind: ActorKind, affiliationId: string | null]>) =>
  new Map<string, CountsForLink>(entries.map(([id, kind, affiliationId]) => [id, { kind, affiliationId }]));

const actors = directory([
  ['russia', 'state', null],
  ['mfa', 'government_body', 'russia'],
  ['zakharova', 'person', 'mfa'],
  ['putin', 'person', 'russia'],
  ['france', 'state', null],
  ['macron', 'person', 'france'],
  ['un', 'international_organisation', null],
  ['guterres', 'person', 'un'],
  ['dujarric', 'person', 'guterres'],
  ['eu', 'international_organisation', null],
  ['holy-see', 'religious_authority', null],
  ['pope', 'person', 'holy-see'],
  ['albania', 'state', null],
  ['rama', 'person', 'albania'],
  ['osce', 'international_organisation', null],
  ['militia', 'armed_group', null],
  ['commander', 'person', 'militia'],
  ['loner', 'person', null],
  // A state that is itself affiliated (a member state of an organisation) still counts for itself.
  ['italy', 'state', 'eu'],
  // An affiliation cycle between two bodies, with no state above them.
  ['body-a', 'government_body', 'body-b'],
  ['body-b', 'government_body', 'body-a'],
  ['clerk', 'person', 'body-a'],
  // A chain whose top is missing from the map (not loaded): the last known actor.
  ['envoy', 'person', 'unknown'],
]);

describe('countsFor: the state or organisation a reaction counts for', () => {
  it('a state or an organisation counts for itself', () => {
    expect(countsFor('russia', actors)).toBe('russia');
    expect(countsFor('eu', actors)).toBe('eu');
    expect(countsFor('italy', actors)).toBe('italy');
  });

  it('a person counts for the state they act for', () => {
    expect(countsFor('putin', actors)).toBe('russia');
    expect(countsFor('macron', actors)).toBe('france');
  });

  it('the spokeswoman rolls up through the ministry to the state', () => {
    expect(countsFor('mfa', actors)).toBe('russia');
    expect(countsFor('zakharova', actors)).toBe('russia');
  });

  it('a spokesman of a person rolls up to that person’s organisation', () => {
    expect(countsFor('guterres', actors)).toBe('un');
    expect(countsFor('dujarric', actors)).toBe('un');
  });

  it('with no state or organisation up the chain, the top of the chain: the Pope counts for the Holy See', () => {
    expect(countsFor('pope', actors)).toBe('holy-see');
    expect(countsFor('commander', actors)).toBe('militia');
    expect(countsFor('loner', actors)).toBe('loner');
  });

  it('an override wins over the roll-up: Edi Rama as OSCE chairman-in-office counts for the OSCE', () => {
    expect(countsFor('rama', actors)).toBe('albania');
    expect(countsFor('rama', actors, 'osce')).toBe('osce');
    expect(countsFor('rama', actors, null)).toBe('albania');
  });

  it('stops on an affiliation cycle instead of looping', () => {
    expect(['body-a', 'body-b']).toContain(countsFor('clerk', actors));
    expect(['body-a', 'body-b']).toContain(countsFor('body-a', actors));
  });

  it('an actor or a chain link missing from the map ends the roll-up there', () => {
    expect(countsFor('envoy', actors)).toBe('unknown');
    expect(countsFor('nobody', actors)).toBe('nobody');
  });

  it('stops after 50 links on a chain that long', () => {
    const long = directory(Array.from({ length: 80 }, (_, index) => [`p${index}`, 'person', index < 79 ? `p${index + 1}` : null]));
    const result = countsFor('p0', long);
    expect(result).toMatch(/^p\d+$/);
    expect(Number(result.slice(1))).toBeLessThanOrEqual(50);
  });
});
