import { describe, expect, it } from 'vitest';
import { SearchParamError } from '@/server/search-params';
import { countReactionsInput, listReactionsInput, reactionFilters, type ReactionFilters } from './reactions.input';
import { loadReactionFilters, loadReactionFiltersStrictly, serializeReactionFilters } from './reactions.search-params';

const defaults: ReactionFilters = reactionFilters.parse({});
const dossierId = '0b7a6c1e-0000-4000-8000-000000000001';
const party = '0b7a6c1e-0000-4000-8000-0000000000aa';
const actor = '0b7a6c1e-0000-4000-8000-0000000000bb';
const target = '0b7a6c1e-0000-4000-8000-0000000000cc';

describe('reactions list URL state', () => {
  it('reads a link into filters, and writes the filters back to the same link', () => {
    const link =
      `q=ceasefire&stance=ceasefire,condemns&alignment=with,against&party=${party}&kind=state,international_organisation` +
      `&actor=${actor}&target=${target}&channel=statement,social_media&from=2020-09-27&to=2020-10-10&deleted=1&sort=stance&dir=asc`;
    const filters = loadReactionFilters(link);
    expect(filters).toEqual({
      search: 'ceasefire',
      stance: ['ceasefire', 'condemns'],
      alignment: ['with', 'against'],
      alignmentParty: party,
      actorKind: ['state', 'international_organisation'],
      actor: [actor],
      target: [target],
      channel: ['statement', 'social_media'],
      reactedFrom: '2020-09-27',
      reactedTo: '2020-10-10',
      deleted: true,
      sort: 'stance',
      order: 'asc',
    });
    expect(serializeReactionFilters(filters)).toBe(link);
    // Every field the table reads is one the procedures take, unchanged.
    expect(listReactionsInput.parse({ dossierId, ...filters, limit: 50 })).toMatchObject(filters);
    expect(countReactionsInput.parse({ dossierId, ...filters })).toMatchObject(filters);
  });

  it('covers every filter of reactionFilters', () => {
    expect(Object.keys(loadReactionFilters('')).sort()).toEqual(Object.keys(defaults).sort());
  });

  it('leaves defaults out of the address', () => {
    expect(loadReactionFilters('')).toEqual(defaults);
    expect(serializeReactionFilters(defaults)).toBe('');
  });

  it('reads repeated parameters and upper-case ids', () => {
    expect(loadReactionFilters(`stance=talks&stance=mediation&actor=${actor.toUpperCase()}`)).toMatchObject({
      stance: ['talks', 'mediation'],
      actor: [actor],
    });
  });

  it('falls back to defaults for bad values; the CSV export refuses them instead', () => {
    expect(loadReactionFilters('from=2020-02-30&actor=nope&stance=talks,bogus&party=x&kind=planet&channel=fax&sort=x&dir=up')).toMatchObject({
      reactedFrom: null,
      actor: [],
      stance: ['talks'],
      alignmentParty: null,
      actorKind: [],
      channel: [],
      sort: 'reacted',
      order: 'desc',
    });
    for (const [link, parameter] of [
      ['from=2020-02-30', 'from'],
      ['to=tomorrow', 'to'],
      ['actor=nope', 'actor'],
      ['target=nope', 'target'],
      ['party=nope', 'party'],
      ['stance=bogus', 'stance'],
      ['alignment=sideways', 'alignment'],
      ['kind=planet', 'kind'],
      ['channel=fax', 'channel'],
      ['sort=x', 'sort'],
      ['dir=up', 'dir'],
      [`q=${'x'.repeat(201)}`, 'q'],
    ] as const) {
      expect(() => loadReactionFiltersStrictly(new URLSearchParams(link)), link).toThrow(SearchParamError);
      try {
        loadReactionFiltersStrictly(new URLSearchParams(link));
      } catch (error) {
        expect((error as SearchParamError).parameter, link).toBe(parameter);
      }
    }
    expect(loadReactionFiltersStrictly(new URLSearchParams(`actor=${actor}&to=2020-10-01&alignment=with`))).toMatchObject({
      actor: [actor],
      reactedTo: '2020-10-01',
      alignment: ['with'],
    });
  });
});
