import worldCountries from 'world-countries';

/**
 * Land borders between states, from `world-countries` (mledoze/countries: `borders` as ISO alpha-3, mapped to
 * alpha-2). Server-only: the data set is too large for the browser.
 */

const alpha2ByAlpha3 = new Map(worldCountries.map((country) => [country.cca3, country.cca2]));

const bordersByAlpha2 = new Map(
  worldCountries.map((country) => [
    country.cca2,
    country.borders.map((alpha3) => alpha2ByAlpha3.get(alpha3)).filter((code): code is string => Boolean(code)),
  ]),
);

const commonNames = new Map(worldCountries.map((country) => [country.cca2, country.name.common]));

/** The alpha-2 codes of the states sharing a land border with `code` (none for an island or an unknown code). */
export function landNeighbours(code: string): string[] {
  return [...(bordersByAlpha2.get(code) ?? [])];
}

/**
 * The neighbours of a set of states, the states themselves left out (Armenia and Azerbaijan border each other: for
 * a dossier about both, neither is the other's "neighbour" here), in order of first appearance, each with the
 * states of `codes` it borders.
 */
export function neighboursOf(codes: readonly string[]): Array<{ code: string; borders: string[] }> {
  const own = new Set(codes);
  const found = new Map<string, string[]>();
  for (const code of codes) {
    for (const neighbour of landNeighbours(code)) {
      if (own.has(neighbour)) continue;
      found.set(neighbour, [...(found.get(neighbour) ?? []), code]);
    }
  }
  return [...found].map(([code, borders]) => ({ code, borders }));
}

/** The state's common English name in world-countries ("Russia", "Syria"), or null. */
export function commonCountryName(code: string): string | null {
  return commonNames.get(code) ?? null;
}
