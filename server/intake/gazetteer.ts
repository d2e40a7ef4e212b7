import english from 'i18n-iso-countries/langs/en.json';
import worldCountries from 'world-countries';
import { matchKey } from '@/server/actors/match-key';
import { BODY_RULES, ORGANISATION_RULES, TITLE_RULES, type BodyRule } from './rules';

/**
 * The fixed names article intake recognises besides the directory, built once per process: countries (names,
 * alternative names, demonyms) from world-countries and i18n-iso-countries, and the titles, government bodies and
 * international organisations of rules.ts. Keys are matchKey folds, so "U.N." and "UN" are "u n" and "un".
 */
export type StaticEntry =
  | { type: 'country'; code: string }
  /** A capital standing for its government ("Kinshasa and Kigali"): only ever a weak mention of the state. */
  | { type: 'capital'; code: string }
  | { type: 'demonym'; codes: string[] }
  | { type: 'organisation'; name: string; words: string[] }
  | { type: 'title'; title: string }
  | { type: 'body'; rule: BodyRule };

export interface CountryInfo {
  code: string;
  /** Common English name first ("Azerbaijan", "United States"). */
  names: string[];
  demonyms: string[];
}

const countries = new Map<string, CountryInfo>();
/** UN members first, so "French" is France before the French Southern Territories. */
const byMembership = [...worldCountries].sort((a, b) => Number(b.unMember) - Number(a.unMember));
const staticIndex = new Map<string, StaticEntry[]>();

function add(key: string, entry: StaticEntry): void {
  if (!key) return;
  const list = staticIndex.get(key) ?? [];
  list.push(entry);
  staticIndex.set(key, list);
}

/** Two- and three-letter spellings kept from world-countries' altSpellings (the rest are codes: "AM", "IT", "IN"). */
const SHORT_SPELLINGS = new Set(['US', 'USA', 'UK', 'UAE', 'DRC', 'KSA', 'PRC', 'ROK', 'DPRK']);

for (const country of byMembership) {
  const code = country.cca2;
  const i18n = (english.countries as Record<string, string | string[]>)[code];
  const names = [country.name.common, ...(Array.isArray(i18n) ? i18n : i18n ? [i18n] : []), country.name.official];
  for (const spelling of country.altSpellings) if (spelling.length > 3 || SHORT_SPELLINGS.has(spelling)) names.push(spelling);
  if (code === 'US') names.push('U.S.', 'U.S.A.', 'America');
  if (code === 'GB') names.push('Britain', 'U.K.');
  const unique: string[] = [];
  const seen = new Set<string>();
  for (const name of names) {
    const key = matchKey(name);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    unique.push(name);
  }
  const demonyms = [...new Set([country.demonyms?.eng?.m, country.demonyms?.eng?.f].filter((value): value is string => Boolean(value)))];
  countries.set(code, { code, names: unique, demonyms });
  for (const name of unique) add(matchKey(name), { type: 'country', code });
}
for (const country of byMembership) {
  for (const capital of country.capital ?? []) {
    const key = matchKey(capital);
    if (key && !staticIndex.has(key)) add(key, { type: 'capital', code: country.cca2 });
  }
}
// A demonym can name several states ("Congolese"); analyze.ts prefers the one the dossier or directory knows.
const demonymCodes = new Map<string, string[]>();
for (const info of countries.values()) {
  for (const demonym of info.demonyms) {
    const key = matchKey(demonym);
    demonymCodes.set(key, [...(demonymCodes.get(key) ?? []), info.code]);
  }
}
for (const [key, codes] of demonymCodes) if (!staticIndex.get(key)?.some((entry) => entry.type === 'country')) add(key, { type: 'demonym', codes });
for (const rule of ORGANISATION_RULES) for (const word of rule.words) add(matchKey(word), { type: 'organisation', name: rule.name, words: rule.words });
for (const rule of TITLE_RULES) for (const word of rule.words) add(matchKey(word), { type: 'title', title: rule.title });
for (const rule of BODY_RULES) for (const word of rule.words) add(matchKey(word), { type: 'body', rule });

export const STATIC_MAX_WORDS = Math.max(...[...staticIndex.keys()].map((key) => key.split(' ').length));

export function staticEntries(key: string): StaticEntry[] {
  return staticIndex.get(key) ?? [];
}

export function countryInfo(code: string): CountryInfo | undefined {
  return countries.get(code);
}
