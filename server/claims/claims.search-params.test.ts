import { describe, expect, it } from 'vitest';
import { SearchParamError } from '@/server/search-params';
import { claimFilters, listClaimsInput, type ClaimFilters } from './claims.input';
import { loadClaimFilters, loadClaimFiltersStrictly, serializeClaimFilters } from './claims.search-params';

const defaults: ClaimFilters = claimFilters.parse({});
const dossierId = '0b7a6c1e-0000-4000-8000-000000000001';
const party = '0b7a6c1e-0000-4000-8000-0000000000aa';
const about = '0b7a6c1e-0000-4000-8000-0000000000bb';

describe('claims list URL state', () => {
  it('reads a link into filters, and writes the filters back to the same link', () => {
    const link = `q=terter&party=${party}&about=${about}&status=disputed,false&category=casualties&from=2020-09-27&to=2020-10-10&needs_source=1&sort=occurred&dir=asc&deleted=1`;
    const filters = loadClaimFilters(link);
    expect(filters).toEqual({
      search: 'terter',
      party: [party],
      about: [about],
      status: ['disputed', 'false'],
      category: ['casualties'],
      saidFrom: '2020-09-27',
      saidTo: '2020-10-10',
      needsSource: true,
      sort: 'occurred',
      order: 'asc',
      deleted: true,
    });
    expect(serializeClaimFilters(filters)).toBe(link);
    expect(listClaimsInput.parse({ dossierId, ...filters, limit: 50 })).toMatchObject(filters);
  });

  it('leaves defaults out of the address', () => {
    expect(loadClaimFilters('')).toEqual(defaults);
    expect(serializeClaimFilters(defaults)).toBe('');
  });

  it('falls back to defaults for bad values; the CSV export refuses them instead', () => {
    expect(loadClaimFilters('from=2020-02-30&party=nope&status=disputed,bogus&sort=x')).toMatchObject({
      saidFrom: null,
      party: [],
      status: ['disputed'],
      sort: 'said',
    });
    for (const link of ['from=2020-02-30', 'party=nope', 'status=bogus', 'sort=x']) {
      expect(() => loadClaimFiltersStrictly(new URLSearchParams(link)), link).toThrow(SearchParamError);
    }
    expect(loadClaimFiltersStrictly(new URLSearchParams(`party=${party}&to=2020-10-01`))).toMatchObject({ party: [party], saidTo: '2020-10-01' });
  });
});
