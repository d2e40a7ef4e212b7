import { describe, expect, it } from 'vitest';
import { affiliationChain, partyOf, type AffiliationLink } from './party-of';

const actors = new Map<string, AffiliationLink>([
  ['azerbaijan', { affiliationId: null }],
  ['mod-az', { affiliationId: 'azerbaijan' }],
  ['spokesman', { affiliationId: 'mod-az' }],
  ['armenia', { affiliationId: null }],
  ['un', { affiliationId: null }],
  ['guterres', { affiliationId: 'un' }],
  ['loop-a', { affiliationId: 'loop-b' }],
  ['loop-b', { affiliationId: 'loop-a' }],
]);
const parties = new Set(['azerbaijan', 'armenia']);

describe('partyOf', () => {
  it('is the claimant itself when it is a party', () => {
    expect(partyOf('armenia', actors, parties)).toBe('armenia');
  });

  it('follows the affiliation chain to the nearest party', () => {
    expect(partyOf('mod-az', actors, parties)).toBe('azerbaijan');
    expect(partyOf('spokesman', actors, parties)).toBe('azerbaijan');
  });

  it('prefers the nearest party when a body is itself a party', () => {
    expect(partyOf('spokesman', actors, new Set(['azerbaijan', 'mod-az']))).toBe('mod-az');
  });

  it('is null when nobody up the chain is a party ("Other")', () => {
    expect(partyOf('guterres', actors, parties)).toBeNull();
    expect(partyOf('unknown', actors, parties)).toBeNull();
  });

  it('stops on an affiliation loop', () => {
    expect(partyOf('loop-a', actors, parties)).toBeNull();
    expect(affiliationChain('loop-a', actors)).toEqual(['loop-a', 'loop-b']);
  });

  it('lists the chain, the actor first', () => {
    expect(affiliationChain('spokesman', actors)).toEqual(['spokesman', 'mod-az', 'azerbaijan']);
  });
});
