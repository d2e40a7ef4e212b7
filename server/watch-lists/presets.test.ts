import { describe, expect, it } from 'vitest';
import { isCountryCode } from '@/server/actors/countries';
import { landNeighbours, neighboursOf } from './neighbours';
import { stateNames } from './preset-actors';
import {
  defaultUnscYear,
  REGIONAL_ORGANISATIONS,
  regionalOrganisationsOf,
  UNSC_ELECTED_MEMBERS,
  UNSC_PERMANENT_MEMBERS,
  UNSC_YEARS,
  unscMembers,
} from './presets';

const sorted = (codes: readonly string[]) => [...codes].sort();

describe('UN Security Council preset', () => {
  it('has the five permanent members', () => {
    expect(sorted(UNSC_PERMANENT_MEMBERS)).toEqual(['CN', 'FR', 'GB', 'RU', 'US']);
  });

  it('has ten distinct, valid elected members for every year from 2016 to 2026, none of them permanent', () => {
    expect(UNSC_YEARS).toEqual([2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    for (const year of UNSC_YEARS) {
      const elected = UNSC_ELECTED_MEMBERS[year]!;
      expect(elected, String(year)).toHaveLength(10);
      expect(new Set(elected).size, String(year)).toBe(10);
      for (const code of elected) {
        expect(isCountryCode(code), `${year} ${code}`).toBe(true);
        expect(UNSC_PERMANENT_MEMBERS as readonly string[], `${year} ${code}`).not.toContain(code);
      }
      expect(unscMembers(year)).toHaveLength(15);
    }
    expect(unscMembers(2015)).toBeNull();
  });

  it('keeps half the elected seats from one year to the next (two-year terms; Italy and the Netherlands split 2017–18)', () => {
    for (const year of UNSC_YEARS.slice(1)) {
      const kept = UNSC_ELECTED_MEMBERS[year]!.filter((code) => UNSC_ELECTED_MEMBERS[year - 1]!.includes(code));
      expect(kept.length, String(year)).toBe(year === 2018 ? 4 : 5);
    }
  });

  it('lists the years as the UN does', () => {
    // Belgium, Dominican Republic, Estonia, Germany, Indonesia, Niger, Saint Vincent and the Grenadines, South Africa,
    // Tunisia, Viet Nam.
    expect(sorted(UNSC_ELECTED_MEMBERS[2020]!)).toEqual(sorted(['BE', 'DO', 'EE', 'DE', 'ID', 'NE', 'VC', 'ZA', 'TN', 'VN']));
    // Bahrain, Colombia, DR Congo, Latvia, Liberia, Denmark, Greece, Pakistan, Panama, Somalia.
    expect(sorted(UNSC_ELECTED_MEMBERS[2026]!)).toEqual(sorted(['BH', 'CO', 'CD', 'LV', 'LR', 'DK', 'GR', 'PK', 'PA', 'SO']));
    expect(unscMembers(2026)!.slice(0, 5)).toEqual([...UNSC_PERMANENT_MEMBERS]);
  });

  it('defaults to this year, within the table', () => {
    expect(defaultUnscYear(new Date('2020-10-01T00:00:00Z'))).toBe(2020);
    expect(defaultUnscYear(new Date('2010-01-01T00:00:00Z'))).toBe(2016);
    expect(defaultUnscYear(new Date('2031-01-01T00:00:00Z'))).toBe(2026);
  });
});

describe('regional organisations', () => {
  const counts: Record<string, number> = {
    eu: 27,
    nato: 32,
    osce: 57,
    coe: 46,
    au: 55,
    arab_league: 22,
    gcc: 6,
    asean: 11,
    oas: 34,
    cis: 9,
    csto: 6,
    ots: 5,
    sco: 10,
    oic: 57,
  };

  it('has the expected number of valid, distinct member codes per organisation', () => {
    expect(REGIONAL_ORGANISATIONS.map((organisation) => organisation.key).sort()).toEqual(Object.keys(counts).sort());
    for (const organisation of REGIONAL_ORGANISATIONS) {
      expect(organisation.members.length, organisation.key).toBe(counts[organisation.key]);
      expect(new Set(organisation.members).size, organisation.key).toBe(organisation.members.length);
      for (const code of organisation.members) expect(isCountryCode(code), `${organisation.key} ${code}`).toBe(true);
    }
  });

  it('is consistent where organisations nest', () => {
    const members = (key: string) => REGIONAL_ORGANISATIONS.find((organisation) => organisation.key === key)!.members;
    for (const code of members('gcc')) expect(members('arab_league')).toContain(code);
    for (const code of members('csto')) expect(members('cis')).toContain(code);
    for (const code of members('eu')) {
      expect(members('osce')).toContain(code);
      expect(members('coe')).toContain(code);
    }
    expect(members('coe')).not.toContain('RU');
    expect(members('osce')).toContain('VA');
  });

  it('finds the organisations of the party states, in table order, with the members among them', () => {
    const found = regionalOrganisationsOf(['AZ', 'AM']);
    expect(found.map(({ organisation, memberCodes }) => [organisation.key, memberCodes])).toEqual([
      ['osce', ['AZ', 'AM']],
      ['coe', ['AZ', 'AM']],
      ['cis', ['AZ', 'AM']],
      ['csto', ['AM']],
      ['ots', ['AZ']],
      ['oic', ['AZ']],
    ]);
    expect(regionalOrganisationsOf([])).toEqual([]);
  });
});

describe('neighbours', () => {
  it('maps world-countries land borders to alpha-2 codes', () => {
    expect(sorted(landNeighbours('AM'))).toEqual(['AZ', 'GE', 'IR', 'TR']);
    expect(landNeighbours('IS')).toEqual([]);
    expect(landNeighbours('XX')).toEqual([]);
    for (const code of landNeighbours('RU')) expect(isCountryCode(code)).toBe(true);
  });

  it('leaves the parties themselves out and says whom each neighbour borders', () => {
    expect(neighboursOf(['AZ', 'AM'])).toEqual([
      { code: 'GE', borders: ['AZ', 'AM'] },
      { code: 'IR', borders: ['AZ', 'AM'] },
      { code: 'RU', borders: ['AZ'] },
      { code: 'TR', borders: ['AZ', 'AM'] },
    ]);
  });
});

describe('state names', () => {
  it('takes a readable English name from i18n-iso-countries, keeping the others as aliases', () => {
    expect(stateNames('RU')).toEqual({ name: 'Russia', aliases: ['Russian Federation'] });
    expect(stateNames('AZ')).toEqual({ name: 'Azerbaijan', aliases: [] });
    expect(stateNames('MD').name).toBe('Republic of Moldova');
    expect(stateNames('VA').name).toBe('Holy See');
    expect(stateNames('CD').name).toBe('Democratic Republic of the Congo');
    expect(stateNames('GB').name).toBe('United Kingdom');
  });
});
