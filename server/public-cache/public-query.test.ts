import { describe, expect, it } from 'vitest';
import { DOSSIER_QUERY_KEYS, publicQueryRewrite, readCanonicalQuery } from './public-query';

const PARTY = '0b8f8a52-3c1e-4d8e-9a57-1f2d3c4b5a69';
/** What a `/q/` page receives as its param: Next decodes the segment once. */
const segmentOf = (rewritten: string) => decodeURIComponent(rewritten.split('/q/')[1]!);

describe('public query strings onto cached paths', () => {
  it('keeps the keys the dossier page reads, sorted, and drops the rest', () => {
    const rewritten = publicQueryRewrite('/d/story', `?utm_source=mail&status=false&party=${PARTY}&r=123`);
    expect(rewritten).toBe(`/d/story/q/${encodeURIComponent(`party=${PARTY}&status=false`)}`);
    expect(readCanonicalQuery(segmentOf(rewritten!), DOSSIER_QUERY_KEYS)).toEqual({ party: PARTY, status: 'false' });
  });

  it('maps the same view, whatever the order of its keys, onto one path', () => {
    const one = publicQueryRewrite('/d/story', '?from=2020-09-28&category=military');
    const other = publicQueryRewrite('/d/story', '?category=military&utm=x&from=2020-09-28');
    expect(one).toBe(other);
  });

  it('sends a query string without any known key to the plain cached page', () => {
    expect(publicQueryRewrite('/d/story', '?utm_source=x&r=123')).toBe('/d/story');
    expect(publicQueryRewrite('/', '?r=1')).toBe('/');
    expect(publicQueryRewrite('/d/story/claims/abc', '?ref=feed')).toBe('/d/story/claims/abc');
    expect(publicQueryRewrite('/d/story/reactions/abc', '?x=1')).toBe('/d/story/reactions/abc');
    expect(publicQueryRewrite('/d/story/sources.csv', '?download=1')).toBe('/d/story/sources.csv');
    expect(publicQueryRewrite('/d/story', '?party=')).toBe('/d/story');
  });

  it('takes the first non-empty value of a repeated key, as given', () => {
    expect(segmentOf(publicQueryRewrite('/d/story', '?party=&party=others&party=x')!)).toBe('party=others');
  });

  it('carries values with reserved characters intact', () => {
    const after = 'eyJhIjoiYi9jK2Q9In0=';
    const rewritten = publicQueryRewrite('/d/story', `?after=${encodeURIComponent(after)}`)!;
    expect(rewritten).not.toMatch(/\/q\/.*\//);
    expect(readCanonicalQuery(segmentOf(rewritten), DOSSIER_QUERY_KEYS)).toEqual({ after });
  });

  it('knows each page’s own keys', () => {
    expect(segmentOf(publicQueryRewrite('/d/story/reactions', `?by=${PARTY}&party=x`)!)).toBe(`by=${PARTY}`);
    expect(segmentOf(publicQueryRewrite('/embed/d/story/reactions', '?map=stance&after=x')!)).toBe('map=stance');
  });

  it('leaves alone what is not a public page, or has no query string', () => {
    expect(publicQueryRewrite('/desk/dossiers/story', '?q=x')).toBeNull();
    expect(publicQueryRewrite('/login', '?callbackUrl=/desk')).toBeNull();
    expect(publicQueryRewrite('/d/story/q/party%3Dothers', '?party=x')).toBeNull();
    expect(publicQueryRewrite('/d/story', '')).toBeNull();
  });

  it('refuses a /q/ segment that is not the canonical query of a view', () => {
    expect(readCanonicalQuery('status=false&party=others', DOSSIER_QUERY_KEYS)).toBeNull(); // unsorted
    expect(readCanonicalQuery('party=others&utm=x', DOSSIER_QUERY_KEYS)).toBeNull(); // unknown key
    expect(readCanonicalQuery('party=others&party=x', DOSSIER_QUERY_KEYS)).toBeNull(); // repeated
    expect(readCanonicalQuery('', DOSSIER_QUERY_KEYS)).toBeNull(); // the plain page's own address
    expect(readCanonicalQuery('party=others&status=false', DOSSIER_QUERY_KEYS)).toEqual({ party: 'others', status: 'false' });
  });

  it('reads the segment whether Next hands it over decoded or still percent-encoded', () => {
    const rewritten = publicQueryRewrite('/d/story', '?status=false&party=others')!;
    const raw = rewritten.split('/q/')[1]!;
    expect(readCanonicalQuery(raw, DOSSIER_QUERY_KEYS)).toEqual({ party: 'others', status: 'false' });
    expect(readCanonicalQuery(decodeURIComponent(raw), DOSSIER_QUERY_KEYS)).toEqual({ party: 'others', status: 'false' });
    expect(readCanonicalQuery('%E0%A4%A', DOSSIER_QUERY_KEYS)).toBeNull();
  });
});
