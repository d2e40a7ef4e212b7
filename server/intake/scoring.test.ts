import { describe, expect, it } from 'vitest';
import { claimCategories } from '@/server/claims/claims.labels';
import { reactionStances } from '@/server/reactions/reactions.labels';
import { analyzeArticle } from './analyze';
import { loadStories, precision, recall, scoreAll, seedStory } from './scoring';

/**
 * Intake's measurement (README "Article intake"): recall and precision of (actor, primary stance) and (claimant,
 * about) pairs on the seed article and the wire stories in fixtures/. Thresholds are set from what the analysis
 * achieves, a little below, so a change that makes it worse fails here.
 */
const result = scoreAll();

describe('intake measurement', () => {
  it('finds every reaction and the Azerbaijani claims of the seed article, and nothing else', () => {
    const seed = result.stories.find((story) => story.slug === seedStory().slug)!;
    expect(seed.reactions).toMatchObject({ correct: seed.reactions.expected, found: seed.reactions.expected });
    expect(seed.claims).toMatchObject({ correct: seed.claims.expected, found: seed.claims.expected });
  });

  it('keeps overall recall and precision above the thresholds', () => {
    expect(recall(result.overall.reactions)).toBeGreaterThanOrEqual(0.9);
    expect(precision(result.overall.reactions)).toBeGreaterThanOrEqual(0.9);
    expect(recall(result.overall.claims)).toBeGreaterThanOrEqual(0.75);
    expect(precision(result.overall.claims)).toBeGreaterThanOrEqual(0.75);
  });

  it.each(result.stories.map((story) => [story.slug, story] as const))('%s: reactions at least 0.8 recall and precision', (_slug, story) => {
    expect(recall(story.reactions)).toBeGreaterThanOrEqual(0.8);
    expect(precision(story.reactions)).toBeGreaterThanOrEqual(0.8);
  });

  it('the stories cover every stance, and their claims every category', () => {
    const stories = loadStories();
    const stances = new Set(stories.flatMap((story) => story.reactionPairs.map((pair) => pair.stance)));
    expect([...stances].sort()).toEqual(reactionStances.filter((stance) => stance !== 'other').sort());
    const categories = new Set(
      stories.flatMap((story) => analyzeArticle(story.text, { directory: story.directory, partyIds: story.partyIds, publishedOn: story.publishedOn }).claims.map((claim) => claim.category)),
    );
    expect([...categories].sort()).toEqual([...claimCategories].sort());
  });

  it('each story is agency length (250–500 words)', () => {
    for (const story of loadStories()) {
      const words = story.text.split(/\s+/).filter(Boolean).length;
      expect(words, story.slug).toBeGreaterThanOrEqual(250);
      expect(words, story.slug).toBeLessThanOrEqual(500);
    }
  });
});
