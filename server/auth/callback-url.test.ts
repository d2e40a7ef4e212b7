import { describe, expect, it } from 'vitest';
import { safeCallbackPath } from './callback-url';

const ORIGIN = 'https://desk.example.org';

describe('safeCallbackPath', () => {
  it.each([
    ['/desk/dossiers/x?order=title#top', '/desk/dossiers/x?order=title#top'],
    ['/desk', '/desk'],
    [`${ORIGIN}/desk/users`, '/desk/users'],
    ['/d/caf%C3%A9', '/d/caf%C3%A9'],
    // Non-ASCII is percent-encoded, so the path is always safe in a Location header.
    ['/d/café', '/d/caf%C3%A9'],
  ])('keeps the same-site path %j → %j', (value, expected) => {
    expect(safeCallbackPath(value, ORIGIN)).toBe(expected);
  });

  it.each([
    '/\t/evil.example',
    '/\n/evil.example',
    '/\r\n/evil.example',
    '/\u0000',
    '/\u3000/evil.example',
    '//evil.example',
    '/\\evil.example',
    '\\/evil.example',
    '/.//evil.example',
    '/%2e//evil.example',
    'https://evil.example/desk',
    'http://desk.example.org/desk',
    'https://desk.example.org.evil.example/',
    'javascript:alert(1)',
    'data:text/html,hi',
    'desk',
    '',
    'x'.repeat(3000),
  ])('sends %j to the desk instead', (value) => {
    expect(safeCallbackPath(value, ORIGIN)).toBe('/desk');
  });

  it('refuses anything that is not a string', () => {
    for (const value of [undefined, null, 42, ['/desk/users'], { path: '/' }]) expect(safeCallbackPath(value, ORIGIN)).toBe('/desk');
  });
});
