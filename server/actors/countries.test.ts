import countries from 'i18n-iso-countries';
import english from 'i18n-iso-countries/langs/en.json';
import { describe, expect, it } from 'vitest';
import { countryName, countryOptions, isCountryCode } from './countries';

describe('countries', () => {
  it('knows ISO 3166-1 alpha-2 codes, upper case only', () => {
    expect(isCountryCode('AZ')).toBe(true);
    expect(isCountryCode('AM')).toBe(true);
    expect(isCountryCode('az')).toBe(false);
    expect(isCountryCode('AZE')).toBe(false);
    expect(isCountryCode('XX')).toBe(false);
    expect(isCountryCode('')).toBe(false);
  });

  it('names countries in English', () => {
    expect(countryName('AZ')).toBe('Azerbaijan');
    expect(countryName('AM')).toBe('Armenia');
    expect(countryName('FR')).toBe('France');
    expect(countryName('XX')).toBe('');
    expect(countryName(null)).toBe('');
  });

  it('offers every country sorted by name', () => {
    const options = countryOptions();
    expect(options.length).toBeGreaterThan(240);
    expect(options).toContainEqual({ code: 'AZ', name: 'Azerbaijan' });
    const names = options.map((option) => option.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en')));
  });

  it('reads the same codes and names as i18n-iso-countries itself', () => {
    countries.registerLocale(english);
    const libraryCodes = Object.keys(countries.getAlpha2Codes());
    expect(countryOptions().map((option) => option.code).sort()).toEqual([...libraryCodes].sort());
    for (const code of libraryCodes) expect(countryName(code)).toBe(countries.getName(code, 'en'));
  });
});
