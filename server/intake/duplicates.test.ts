import { describe, expect, it } from 'vitest';
import { analyzeArticle, type DirectoryActor, type ExistingRecords } from './analyze';
import { markDuplicates, statementSimilarity } from './duplicates';

const france: DirectoryActor = { id: '00000000-0000-4000-8000-000000000001', name: 'France', aliases: [], kind: 'state', countryCode: 'FR', title: null, affiliationId: null };
const armenia: DirectoryActor = { ...france, id: '00000000-0000-4000-8000-000000000002', name: 'Armenia', countryCode: 'AM' };
const azerbaijan: DirectoryActor = { ...france, id: '00000000-0000-4000-8000-000000000003', name: 'Azerbaijan', countryCode: 'AZ' };
const context = { directory: [france, armenia, azerbaijan], partyIds: [armenia.id, azerbaijan.id], publishedOn: '2020-09-28' };
const text = 'France urged an immediate ceasefire on Sept. 27. Azerbaijan said Armenian forces had shelled the town of Terter overnight.';
const none: ExistingRecords = { reactions: [], claims: [] };

describe('possible duplicates', () => {
  it('marks a reaction by the same actor with the same stance on the same day, not on another day or stance', () => {
    const analysis = analyzeArticle(text, context);
    const reaction = (id: string, reactedOn: string | null, primaryStance: 'ceasefire' | 'concern') => ({ id, actorIds: [france.id], stances: [primaryStance], primaryStance, reactedOn, label: id });
    expect(markDuplicates(analysis, { ...none, reactions: [reaction('same', '2020-09-27', 'ceasefire')] }).reactions[0]!.duplicateOf).toEqual({ id: 'same', label: 'same' });
    expect(markDuplicates(analysis, { ...none, reactions: [reaction('other-day', '2020-09-20', 'ceasefire')] }).reactions[0]!.duplicateOf).toBeNull();
    expect(markDuplicates(analysis, { ...none, reactions: [reaction('other-stance', '2020-09-27', 'concern')] }).reactions[0]!.duplicateOf).toBeNull();
  });

  it('marks a claim by the same claimant with a near-identical statement only', () => {
    const analysis = analyzeArticle(text, context);
    const claim = (id: string, claimantId: string, statement: string) => ({ id, claimantId, statement, category: 'attack_on_civilians' as const, label: id });
    const near = claim('near', azerbaijan.id, 'Armenian forces had shelled the town of Terter overnight.');
    expect(markDuplicates(analysis, { ...none, claims: [near] }).claims[0]!.duplicateOf?.id).toBe('near');
    expect(markDuplicates(analysis, { ...none, claims: [claim('other-claimant', armenia.id, near.statement)] }).claims[0]!.duplicateOf).toBeNull();
    expect(markDuplicates(analysis, { ...none, claims: [claim('other-text', azerbaijan.id, 'Armenia violated the ceasefire in the north.')] }).claims[0]!.duplicateOf).toBeNull();
  });

  it('measures statement similarity on folded word pairs', () => {
    expect(statementSimilarity('Terter is under fire.', 'TERTER is under FIRE')).toBe(1);
    expect(statementSimilarity('Terter is under fire', 'Barda is calm today')).toBe(0);
  });
});
