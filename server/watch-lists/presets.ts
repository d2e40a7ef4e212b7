/**
 * The watch list's presets as data: who a desk usually expects to react. Client-safe (no Drizzle, no server code,
 * no large data): the preset picker reads the kinds and years from here, and the service resolves them to actors
 * (server/watch-lists/preset-actors.ts). The parties' neighbours come from `world-countries` on the server
 * (server/watch-lists/neighbours.ts), because that data set is too large for the browser.
 *
 * Codes are ISO 3166-1 alpha-2, upper case.
 */

export const watchListPresets = ['unsc', 'neighbours', 'regional'] as const;
export type WatchListPreset = (typeof watchListPresets)[number];

export const watchListPresetLabels: Record<WatchListPreset, string> = {
  unsc: 'UN Security Council members',
  neighbours: 'The parties’ neighbours',
  regional: 'Regional organisations of the parties',
};

export const watchListPresetDescriptions: Record<WatchListPreset, string> = {
  unsc: 'The five permanent members and the ten elected members of the chosen year.',
  neighbours: 'States sharing a land border with a party state of this dossier (its parties with a country).',
  regional: 'The regional organisations a party state of this dossier belongs to.',
};

// ---------------------------------------------------------------------------------------------------------------
// UN Security Council
// ---------------------------------------------------------------------------------------------------------------

/** China, France, Russia, the United Kingdom, the United States. */
export const UNSC_PERMANENT_MEMBERS = ['CN', 'FR', 'RU', 'GB', 'US'] as const;

/**
 * The ten elected (non-permanent) members per calendar year, as the UN lists them (two-year terms, five elected
 * each year; Italy and the Netherlands split 2017–2018).
 */
export const UNSC_ELECTED_MEMBERS: Readonly<Record<number, readonly string[]>> = {
  // Angola, Egypt, Japan, Malaysia, New Zealand, Senegal, Spain, Ukraine, Uruguay, Venezuela
  2016: ['AO', 'EG', 'JP', 'MY', 'NZ', 'SN', 'ES', 'UA', 'UY', 'VE'],
  // Bolivia, Egypt, Ethiopia, Italy, Japan, Kazakhstan, Senegal, Sweden, Ukraine, Uruguay
  2017: ['BO', 'EG', 'ET', 'IT', 'JP', 'KZ', 'SN', 'SE', 'UA', 'UY'],
  // Bolivia, Côte d'Ivoire, Equatorial Guinea, Ethiopia, Kazakhstan, Kuwait, Netherlands, Peru, Poland, Sweden
  2018: ['BO', 'CI', 'GQ', 'ET', 'KZ', 'KW', 'NL', 'PE', 'PL', 'SE'],
  // Belgium, Côte d'Ivoire, Dominican Republic, Equatorial Guinea, Germany, Indonesia, Kuwait, Peru, Poland, South Africa
  2019: ['BE', 'CI', 'DO', 'GQ', 'DE', 'ID', 'KW', 'PE', 'PL', 'ZA'],
  // Belgium, Dominican Republic, Estonia, Germany, Indonesia, Niger, Saint Vincent and the Grenadines, South Africa,
  // Tunisia, Viet Nam
  2020: ['BE', 'DO', 'EE', 'DE', 'ID', 'NE', 'VC', 'ZA', 'TN', 'VN'],
  // Estonia, India, Ireland, Kenya, Mexico, Niger, Norway, Saint Vincent and the Grenadines, Tunisia, Viet Nam
  2021: ['EE', 'IN', 'IE', 'KE', 'MX', 'NE', 'NO', 'VC', 'TN', 'VN'],
  // Albania, Brazil, Gabon, Ghana, India, Ireland, Kenya, Mexico, Norway, United Arab Emirates
  2022: ['AL', 'BR', 'GA', 'GH', 'IN', 'IE', 'KE', 'MX', 'NO', 'AE'],
  // Albania, Brazil, Ecuador, Gabon, Ghana, Japan, Malta, Mozambique, Switzerland, United Arab Emirates
  2023: ['AL', 'BR', 'EC', 'GA', 'GH', 'JP', 'MT', 'MZ', 'CH', 'AE'],
  // Algeria, Ecuador, Guyana, Japan, Malta, Mozambique, Republic of Korea, Sierra Leone, Slovenia, Switzerland
  2024: ['DZ', 'EC', 'GY', 'JP', 'MT', 'MZ', 'KR', 'SL', 'SI', 'CH'],
  // Algeria, Denmark, Greece, Guyana, Pakistan, Panama, Republic of Korea, Sierra Leone, Slovenia, Somalia
  2025: ['DZ', 'DK', 'GR', 'GY', 'PK', 'PA', 'KR', 'SL', 'SI', 'SO'],
  // Bahrain, Colombia, Democratic Republic of the Congo, Denmark, Greece, Latvia, Liberia, Pakistan, Panama, Somalia
  2026: ['BH', 'CO', 'CD', 'DK', 'GR', 'LV', 'LR', 'PK', 'PA', 'SO'],
};

export const UNSC_YEARS: readonly number[] = Object.keys(UNSC_ELECTED_MEMBERS)
  .map(Number)
  .sort((a, b) => a - b);
export const UNSC_FIRST_YEAR = UNSC_YEARS[0]!;
export const UNSC_LAST_YEAR = UNSC_YEARS[UNSC_YEARS.length - 1]!;

/** The year a dossier's UNSC preset defaults to: this year, kept within the table. */
export function defaultUnscYear(now: Date = new Date()): number {
  return Math.min(Math.max(now.getUTCFullYear(), UNSC_FIRST_YEAR), UNSC_LAST_YEAR);
}

/** The fifteen members of a year: the permanent five first, then the elected ten; null for a year not in the table. */
export function unscMembers(year: number): string[] | null {
  const elected = UNSC_ELECTED_MEMBERS[year];
  return elected ? [...UNSC_PERMANENT_MEMBERS, ...elected] : null;
}

// ---------------------------------------------------------------------------------------------------------------
// Regional organisations
// ---------------------------------------------------------------------------------------------------------------

export interface RegionalOrganisation {
  /** Stable key. */
  key: string;
  /** The name an actor created for it gets. */
  name: string;
  /** Other names it is found by in the directory (and that a created actor gets as aliases). */
  aliases: readonly string[];
  /** Member states (full members; observers, associates and partners left out). */
  members: readonly string[];
}

/**
 * The major regional organisations and their member states (2025–2026). Suspended members remain members (the
 * African Union's and the Arab League's suspensions come and go); observers and associates are not members.
 */
export const REGIONAL_ORGANISATIONS: readonly RegionalOrganisation[] = [
  {
    key: 'eu',
    name: 'European Union',
    aliases: ['EU'],
    members: [
      'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE',
      'IT', 'LV', 'LT', 'LU', 'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE',
    ],
  },
  {
    key: 'nato',
    name: 'North Atlantic Treaty Organization',
    aliases: ['NATO', 'OTAN'],
    members: [
      'AL', 'BE', 'BG', 'CA', 'HR', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IS', 'IT', 'LV',
      'LT', 'LU', 'ME', 'NL', 'MK', 'NO', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE', 'TR', 'GB', 'US',
    ],
  },
  {
    key: 'osce',
    name: 'Organization for Security and Co-operation in Europe',
    aliases: ['OSCE', 'Organization for Security and Cooperation in Europe'],
    members: [
      'AL', 'AD', 'AM', 'AT', 'AZ', 'BY', 'BE', 'BA', 'BG', 'CA', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR',
      'GE', 'DE', 'GR', 'VA', 'HU', 'IS', 'IE', 'IT', 'KZ', 'KG', 'LV', 'LI', 'LT', 'LU', 'MT', 'MD', 'MC',
      'MN', 'ME', 'NL', 'MK', 'NO', 'PL', 'PT', 'RO', 'RU', 'SM', 'RS', 'SK', 'SI', 'ES', 'SE', 'CH', 'TJ',
      'TR', 'TM', 'UA', 'GB', 'US', 'UZ',
    ],
  },
  {
    // Russia was expelled in March 2022.
    key: 'coe',
    name: 'Council of Europe',
    aliases: ['CoE'],
    members: [
      'AL', 'AD', 'AM', 'AT', 'AZ', 'BE', 'BA', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'GE',
      'DE', 'GR', 'HU', 'IS', 'IE', 'IT', 'LV', 'LI', 'LT', 'LU', 'MT', 'MD', 'MC', 'ME', 'NL', 'MK',
      'NO', 'PL', 'PT', 'RO', 'SM', 'RS', 'SK', 'SI', 'ES', 'SE', 'CH', 'TR', 'UA', 'GB',
    ],
  },
  {
    // The 54 African UN members and the Sahrawi Arab Democratic Republic (EH, Western Sahara).
    key: 'au',
    name: 'African Union',
    aliases: ['AU'],
    members: [
      'DZ', 'AO', 'BJ', 'BW', 'BF', 'BI', 'CM', 'CV', 'CF', 'TD', 'KM', 'CG', 'CD', 'CI', 'DJ', 'EG', 'GQ',
      'ER', 'SZ', 'ET', 'GA', 'GM', 'GH', 'GN', 'GW', 'KE', 'LS', 'LR', 'LY', 'MG', 'MW', 'ML', 'MR', 'MU',
      'MA', 'MZ', 'NA', 'NE', 'NG', 'RW', 'EH', 'ST', 'SN', 'SC', 'SL', 'SO', 'ZA', 'SS', 'SD', 'TZ', 'TG',
      'TN', 'UG', 'ZM', 'ZW',
    ],
  },
  {
    key: 'arab_league',
    name: 'Arab League',
    aliases: ['League of Arab States', 'LAS'],
    members: [
      'DZ', 'BH', 'KM', 'DJ', 'EG', 'IQ', 'JO', 'KW', 'LB', 'LY', 'MR',
      'MA', 'OM', 'PS', 'QA', 'SA', 'SO', 'SD', 'SY', 'TN', 'AE', 'YE',
    ],
  },
  {
    key: 'gcc',
    name: 'Gulf Cooperation Council',
    aliases: ['GCC', 'Cooperation Council for the Arab States of the Gulf'],
    members: ['BH', 'KW', 'OM', 'QA', 'SA', 'AE'],
  },
  {
    // Timor-Leste joined as the eleventh member in October 2025.
    key: 'asean',
    name: 'Association of Southeast Asian Nations',
    aliases: ['ASEAN'],
    members: ['BN', 'KH', 'ID', 'LA', 'MY', 'MM', 'PH', 'SG', 'TH', 'TL', 'VN'],
  },
  {
    // The 35 states of the OAS Charter but Nicaragua, whose withdrawal took effect in November 2023.
    key: 'oas',
    name: 'Organization of American States',
    aliases: ['OAS', 'OEA'],
    members: [
      'AG', 'AR', 'BS', 'BB', 'BZ', 'BO', 'BR', 'CA', 'CL', 'CO', 'CR', 'CU', 'DM', 'DO', 'EC', 'SV', 'GD',
      'GT', 'GY', 'HT', 'HN', 'JM', 'MX', 'PA', 'PY', 'PE', 'KN', 'LC', 'VC', 'SR', 'TT', 'US', 'UY', 'VE',
    ],
  },
  {
    // Turkmenistan is an associate member; Georgia (2009) and Ukraine (2018) left.
    key: 'cis',
    name: 'Commonwealth of Independent States',
    aliases: ['CIS'],
    members: ['AM', 'AZ', 'BY', 'KZ', 'KG', 'MD', 'RU', 'TJ', 'UZ'],
  },
  {
    // Armenia froze its participation in 2024 but remains a member.
    key: 'csto',
    name: 'Collective Security Treaty Organization',
    aliases: ['CSTO'],
    members: ['AM', 'BY', 'KZ', 'KG', 'RU', 'TJ'],
  },
  {
    // Hungary and Turkmenistan are observers.
    key: 'ots',
    name: 'Organization of Turkic States',
    aliases: ['OTS', 'Turkic Council'],
    members: ['AZ', 'KZ', 'KG', 'TR', 'UZ'],
  },
  {
    key: 'sco',
    name: 'Shanghai Cooperation Organisation',
    aliases: ['SCO', 'Shanghai Cooperation Organization'],
    members: ['BY', 'CN', 'IN', 'IR', 'KZ', 'KG', 'PK', 'RU', 'TJ', 'UZ'],
  },
  {
    key: 'oic',
    name: 'Organisation of Islamic Cooperation',
    aliases: ['OIC', 'Organization of Islamic Cooperation'],
    members: [
      'AF', 'AL', 'DZ', 'AZ', 'BH', 'BD', 'BJ', 'BN', 'BF', 'CM', 'TD', 'KM', 'CI', 'DJ', 'EG', 'GA', 'GM',
      'GN', 'GW', 'GY', 'ID', 'IR', 'IQ', 'JO', 'KZ', 'KW', 'KG', 'LB', 'LY', 'MY', 'MV', 'ML', 'MR', 'MA',
      'MZ', 'NE', 'NG', 'OM', 'PK', 'PS', 'QA', 'SA', 'SN', 'SL', 'SO', 'SD', 'SR', 'SY', 'TJ', 'TG', 'TN',
      'TR', 'TM', 'UG', 'AE', 'UZ', 'YE',
    ],
  },
];

/** The organisations (table order) at least one of `codes` belongs to, each with those of `codes` (in their order). */
export function regionalOrganisationsOf(codes: readonly string[]): Array<{ organisation: RegionalOrganisation; memberCodes: string[] }> {
  return REGIONAL_ORGANISATIONS.flatMap((organisation) => {
    const memberCodes = codes.filter((code) => organisation.members.includes(code));
    return memberCodes.length ? [{ organisation, memberCodes }] : [];
  });
}
