import english from 'i18n-iso-countries/langs/en.json';

/**
 * ISO 3166-1 alpha-2 country codes and their English names, from i18n-iso-countries' English data (never a
 * hand-kept list). Client-safe: the country select and the server's validation read the same data. Read straight
 * from the JSON rather than through the library, whose code tables and diacritics folding would add ~6 KB gzip to
 * every desk page that names a country (countries.test.ts checks both agree).
 */
const ALPHA_2 = /^[A-Z]{2}$/;
/** The official short name first, then other names ("China" for CN): i18n-iso-countries' `getName` default. */
const names = new Map(Object.entries(english.countries).map(([code, name]) => [code, typeof name === 'string' ? name : name[0]!]));
const codes = new Set(names.keys());

/** Whether `code` is an assigned ISO 3166-1 alpha-2 code, upper case ("AZ", not "az", "AZE" or "XX"). */
export function isCountryCode(code: string): boolean {
  return ALPHA_2.test(code) && codes.has(code);
}

/** The English short name ("Azerbaijan"), or '' for no code or an unknown one. */
export function countryName(code: string | null | undefined): string {
  if (!code || !isCountryCode(code)) return '';
  return names.get(code) ?? '';
}

export interface CountryOption {
  code: string;
  name: string;
}

let options: CountryOption[] | null = null;

/** Every country as { code, name }, sorted by name, for selects. */
export function countryOptions(): CountryOption[] {
  options ??= [...codes]
    .map((code) => ({ code, name: countryName(code) }))
    .filter((option) => option.name)
    .sort((a, b) => a.name.localeCompare(b.name, 'en'));
  return options;
}
