import countries from 'i18n-iso-countries';
import english from 'i18n-iso-countries/langs/en.json';

/**
 * ISO 3166-1 alpha-2 country codes and their English names, from i18n-iso-countries (never a hand-kept list).
 * Client-safe: the country select and the server's validation read the same data.
 */
countries.registerLocale(english);

const ALPHA_2 = /^[A-Z]{2}$/;
const codes = new Set(Object.keys(countries.getAlpha2Codes()));

/** Whether `code` is an assigned ISO 3166-1 alpha-2 code, upper case ("AZ", not "az", "AZE" or "XX"). */
export function isCountryCode(code: string): boolean {
  return ALPHA_2.test(code) && codes.has(code);
}

/** The English short name ("Azerbaijan"), or '' for no code or an unknown one. */
export function countryName(code: string | null | undefined): string {
  if (!code || !isCountryCode(code)) return '';
  return countries.getName(code, 'en') ?? '';
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
