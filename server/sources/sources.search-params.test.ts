import { describe, expect, it } from 'vitest';
import { SearchParamError } from '@/server/search-params';
import { listSourcesInput, type SourceFilters } from './sources.input';
import { loadSourceFilters, loadSourceFiltersStrictly, serializeSourceFilters } from './sources.search-params';

const defaults: SourceFilters = { search: '', kind: [], reliability: [], sort: 'created', order: 'desc', deleted: false };
const dossierId = '0b7a6c1e-0000-4000-8000-000000000001';

describe('sources list URL state', () => {
  it('reads a link into filters, and writes the filters back to the same link', () => {
    const link = 'q=terter&kind=social_media_post,official_statement&reliability=A,C&sort=title&dir=asc&deleted=1';
    const filters = loadSourceFilters(link);
    expect(filters).toEqual({
      search: 'terter',
      kind: ['social_media_post', 'official_statement'],
      reliability: ['A', 'C'],
      sort: 'title',
      order: 'asc',
      deleted: true,
    });
    expect(serializeSourceFilters(filters)).toBe(link);
    // What the table reads is a valid list input as it is.
    expect(listSourcesInput.parse({ dossierId, ...filters, limit: 50 })).toMatchObject(filters);
  });

  it('leaves defaults out of the address: no filter is an empty query string, descending order drops `dir`', () => {
    expect(loadSourceFilters('')).toEqual(defaults);
    expect(serializeSourceFilters(defaults)).toBe('');
    expect(serializeSourceFilters({ ...defaults, sort: 'title' })).toBe('sort=title');
    expect(serializeSourceFilters({ ...defaults, deleted: false, kind: [] })).toBe('');
  });

  it('also reads repeated parameters (kind=a&kind=b) and trims the search', () => {
    expect(loadSourceFilters(new URLSearchParams('kind=interview&kind=other&q=%20%20ministry%20'))).toMatchObject({
      kind: ['interview', 'other'],
      search: 'ministry',
    });
  });

  it('falls back to the default for a bad value, keeping the rest of a hand-edited link', () => {
    expect(loadSourceFilters('sort=size&dir=up&kind=interview,rumour&reliability=Z&q=terter&deleted=yes')).toEqual({
      ...defaults,
      search: 'terter',
      kind: ['interview'],
    });
    expect(loadSourceFilters(`q=${'x'.repeat(201)}`).search).toBe('');
    expect(loadSourceFilters('q=a%00b').search).toBe('');
    expect(loadSourceFilters('kind=&reliability=,,')).toEqual(defaults);
  });

  it('strict reading (the CSV export) refuses such a value, naming the parameter, instead of exporting another view', () => {
    const strict = (query: string) => () => loadSourceFiltersStrictly(new URLSearchParams(query));
    expect(strict('reliability=A,Z')).toThrow(SearchParamError);
    expect(strict('reliability=A,Z')).toThrow(/^reliability: "Z"/);
    expect(strict('sort=size')).toThrow(/^sort: "size"/);
    expect(strict('dir=up')).toThrow(/^dir: "up"/);
    expect(strict(`q=${'x'.repeat(201)}`)).toThrow(/^q: /);
    expect(strict('kind=interview&kind=rumour')).toThrow(/^kind: "rumour"/);
    expect(loadSourceFiltersStrictly(new URLSearchParams('kind=interview&sort=title&dir=asc'))).toEqual({
      ...defaults,
      kind: ['interview'],
      sort: 'title',
      order: 'asc',
    });
  });
});
