import { describe, expect, it } from 'vitest';
import { normaliseSourceUrl } from './normalise-url';

describe('normaliseSourceUrl', () => {
  const key = 'example.com/news/story-1?id=7';

  it.each([
    ['the plain address', 'https://example.com/news/story-1?id=7'],
    ['www.', 'https://www.example.com/news/story-1?id=7'],
    ['http instead of https', 'http://example.com/news/story-1?id=7'],
    ['capital letters anywhere', 'HTTPS://WWW.EXAMPLE.COM/NEWS/STORY-1?ID=7'],
    ['a trailing slash', 'https://example.com/news/story-1/?id=7'],
    ['several trailing slashes', 'https://example.com/news/story-1///?id=7'],
    ['doubled slashes in the path', 'https://example.com//news//story-1?id=7'],
    ['a fragment', 'https://example.com/news/story-1?id=7#comments'],
    ['utm_* parameters', 'https://example.com/news/story-1?utm_source=nl&utm_medium=email&id=7&utm_campaign=x'],
    ['tracking parameters in capitals', 'https://example.com/news/story-1?UTM_SOURCE=x&FBCLID=y&id=7'],
    ['fbclid, gclid and friends', 'https://example.com/news/story-1?fbclid=a&gclid=b&msclkid=c&igshid=d&id=7&mc_cid=e'],
    ['the default port', 'https://example.com:443/news/story-1?id=7'],
    ['the default http port', 'http://example.com:80/news/story-1?id=7'],
    ['a trailing dot on the host', 'https://example.com./news/story-1?id=7'],
    ['surrounding whitespace', '   https://example.com/news/story-1?id=7 \n'],
  ])('gives the same key with %s', (_label, url) => {
    expect(normaliseSourceUrl(url)).toBe(key);
  });

  it('sorts the remaining parameters, so their order does not matter', () => {
    expect(normaliseSourceUrl('https://example.com/a?b=2&a=1')).toBe(normaliseSourceUrl('https://example.com/a?a=1&b=2'));
    expect(normaliseSourceUrl('https://example.com/a?a=2&a=1')).toBe(normaliseSourceUrl('https://example.com/a?a=1&a=2'));
  });

  it.each([
    ['another path', 'https://example.com/news/story-2?id=7'],
    ['another significant parameter', 'https://example.com/news/story-1?id=8'],
    ['no parameter', 'https://example.com/news/story-1'],
    ['another subdomain', 'https://news.example.com/news/story-1?id=7'],
    ['another port', 'https://example.com:8443/news/story-1?id=7'],
  ])('gives a different key for %s', (_label, url) => {
    expect(normaliseSourceUrl(url)).not.toBe(key);
  });

  it('reduces a bare domain to the host', () => {
    expect(normaliseSourceUrl('https://www.example.com/')).toBe('example.com');
    expect(normaliseSourceUrl('https://www.example.com')).toBe('example.com');
    expect(normaliseSourceUrl('https://www.example.com/?utm_source=x')).toBe('example.com');
  });

  it('handles international domain names and encoded paths consistently', () => {
    expect(normaliseSourceUrl('https://www.bücher.de/a')).toBe(normaliseSourceUrl('https://xn--bcher-kva.de/a'));
    expect(normaliseSourceUrl('https://example.com/Erdoğan')).toBe(normaliseSourceUrl('https://example.com/erdo%C4%9Fan'));
  });

  it('throws on something that is not a URL (callers validate first)', () => {
    expect(() => normaliseSourceUrl('not a url')).toThrow();
  });
});
