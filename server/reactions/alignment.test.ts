import { describe, expect, it } from 'vitest';
import { combineAlignments, defaultAlignments, stanceAlignment } from './alignment';
import { reactionStances, type Alignment, type ReactionStance } from './reactions.labels';

const AZ = 'azerbaijan';
const AM = 'armenia';
const parties = [AZ, AM];

describe('stanceAlignment: each stance towards a targeted party, another party, and with no target', () => {
  const expected: Record<ReactionStance, { targeted: Alignment; other: Alignment; untargeted: Alignment }> = {
    ceasefire: { targeted: 'neutral', other: 'neutral', untargeted: 'neutral' },
    talks: { targeted: 'neutral', other: 'neutral', untargeted: 'neutral' },
    mediation: { targeted: 'neutral', other: 'neutral', untargeted: 'neutral' },
    supports_party: { targeted: 'with', other: 'against', untargeted: 'unclear' },
    condemns: { targeted: 'against', other: 'neutral', untargeted: 'neutral' },
    concern: { targeted: 'neutral', other: 'neutral', untargeted: 'neutral' },
    sympathy: { targeted: 'neutral', other: 'neutral', untargeted: 'neutral' },
    humanitarian_aid: { targeted: 'neutral', other: 'neutral', untargeted: 'neutral' },
    sanctions: { targeted: 'against', other: 'neutral', untargeted: 'neutral' },
    neutral: { targeted: 'neutral', other: 'neutral', untargeted: 'neutral' },
    other: { targeted: 'unclear', other: 'unclear', untargeted: 'unclear' },
  };

  it('covers every stance of the taxonomy', () => {
    expect(Object.keys(expected).sort()).toEqual([...reactionStances].sort());
  });

  it.each(reactionStances)('%s', (stance) => {
    expect(stanceAlignment(stance, AZ, [AZ])).toBe(expected[stance].targeted);
    expect(stanceAlignment(stance, AM, [AZ])).toBe(expected[stance].other);
    expect(stanceAlignment(stance, AZ, [])).toBe(expected[stance].untargeted);
    expect(defaultAlignments([stance], [AZ], parties)).toEqual({ [AZ]: expected[stance].targeted, [AM]: expected[stance].other });
  });
});

describe('combineAlignments', () => {
  it('with and against together are unclear', () => {
    expect(combineAlignments(['with', 'against'])).toBe('unclear');
    expect(combineAlignments(['neutral', 'against', 'with', 'unclear'])).toBe('unclear');
  });

  it('with or against wins over neutral, neutral over unclear', () => {
    expect(combineAlignments(['neutral', 'with'])).toBe('with');
    expect(combineAlignments(['against', 'neutral', 'unclear'])).toBe('against');
    expect(combineAlignments(['unclear', 'neutral'])).toBe('neutral');
    expect(combineAlignments(['unclear'])).toBe('unclear');
  });

  it('nothing to combine is unclear', () => {
    expect(combineAlignments([])).toBe('unclear');
  });
});

describe('defaultAlignments: several stances per party', () => {
  it('Erdoğan’s "full support" to Azerbaijan: with Azerbaijan, against Armenia', () => {
    expect(defaultAlignments(['supports_party'], [AZ], parties)).toEqual({ [AZ]: 'with', [AM]: 'against' });
  });

  it('a ceasefire call that also condemns Azerbaijan: against Azerbaijan (against wins over neutral), neutral towards Armenia', () => {
    expect(defaultAlignments(['ceasefire', 'condemns'], [AZ], parties)).toEqual({ [AZ]: 'against', [AM]: 'neutral' });
  });

  it('support for one party and sanctions on the same party: unclear towards it', () => {
    expect(defaultAlignments(['supports_party', 'sanctions'], [AZ], parties)).toEqual({ [AZ]: 'unclear', [AM]: 'against' });
  });

  it('condemning both parties: against both', () => {
    expect(defaultAlignments(['condemns'], [AZ, AM], parties)).toEqual({ [AZ]: 'against', [AM]: 'against' });
  });

  it('supporting both parties (no side taken against anyone): with both', () => {
    expect(defaultAlignments(['supports_party'], [AZ, AM], parties)).toEqual({ [AZ]: 'with', [AM]: 'with' });
  });

  it('"other" beside an even-handed stance: neutral (neutral wins over unclear)', () => {
    expect(defaultAlignments(['other', 'talks'], [], parties)).toEqual({ [AZ]: 'neutral', [AM]: 'neutral' });
  });

  it('no stances: unclear; no parties: empty', () => {
    expect(defaultAlignments([], [], parties)).toEqual({ [AZ]: 'unclear', [AM]: 'unclear' });
    expect(defaultAlignments(['condemns'], [AZ], [])).toEqual({});
  });
});
