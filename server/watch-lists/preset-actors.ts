import countries from 'i18n-iso-countries';
import english from 'i18n-iso-countries/langs/en.json';
import { and, asc, eq, inArray, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { ActorKind } from '@/server/actors/actors.labels';
import { createActor } from '@/server/actors/actors.service';
import { countryName } from '@/server/actors/countries';
import { matchKey, matchKeysOf } from '@/server/actors/match-key';
import { actors, dossierParties } from '@/server/actors/schema';
import type { Database, DatabaseOrTransaction } from '@/server/db/client';
import type { Writer } from '@/server/db/versioned-write';
import { commonCountryName, neighboursOf } from './neighbours';
import { watchListMembers } from './schema';
import {
  defaultUnscYear,
  REGIONAL_ORGANISATIONS,
  regionalOrganisationsOf,
  UNSC_PERMANENT_MEMBERS,
  unscMembers,
  watchListPresetLabels,
  type RegionalOrganisation,
  type WatchListPreset,
} from './presets';

countries.registerLocale(english);

/**
 * A preset as actors: each state (by country code) or organisation (by name and aliases) it names, resolved to a
 * live actor of the directory when there is one, else to be created when the preset is applied.
 */

export type PresetActorKind = Extract<ActorKind, 'state' | 'international_organisation'>;

export interface PresetCandidate {
  /** The state's country code, or the organisation's key in the table. */
  key: string;
  /** The existing actor's name, or the name a created actor gets. */
  name: string;
  kind: PresetActorKind;
  countryCode: string | null;
  /** The live actor it resolves to; null: created when the preset is applied. */
  actorId: string | null;
  /** Why it is in the preset: "Permanent member", "Borders Armenia", "Members: Armenia, Azerbaijan". */
  reason: string;
}

export interface PresetPlan {
  preset: WatchListPreset;
  /** The UNSC's year; null for the other presets. */
  year: number | null;
  label: string;
  /** Why the preset names no one, when it does not (no party states with a country, say). */
  note: string | null;
  candidates: PresetCandidate[];
}

/** An actor created for a preset, and the creation's inputs. */
interface ToCreate {
  name: string;
  kind: PresetActorKind;
  countryCode: string | null;
  aliases: string[];
}

// ---------------------------------------------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------------------------------------------

/** "Moldova, Republic of" → "Republic of Moldova"; "Holy See (Vatican City State)" → "Holy See". */
function readable(name: string): string {
  const bare = name.replace(/\s*\([^)]*\)\s*/g, ' ').trim();
  const inverted = /^(.+), (.+)$/.exec(bare);
  return inverted ? `${inverted[2]} ${inverted[1]}` : bare;
}

/**
 * The name and aliases a state created by a preset gets, from i18n-iso-countries' English names: the common name
 * (world-countries) when it is one of them ("Russia", not "Russian Federation"), else the official one made
 * readable; the other names become aliases.
 */
export function stateNames(code: string): { name: string; aliases: string[] } {
  const all = (countries.getName(code, 'en', { select: 'all' }) as string[] | undefined) ?? [];
  const official = all[0] ?? countryName(code) ?? code;
  const common = commonCountryName(code);
  const name = common && all.includes(common) ? common : readable(official);
  const aliases = [...all, ...(common ? [common] : [])].filter((alias) => alias !== name);
  return { name, aliases: [...new Set(aliases)] };
}

// ---------------------------------------------------------------------------------------------------------------
// Lookups
// ---------------------------------------------------------------------------------------------------------------

const textArray = (values: readonly string[]): SQL =>
  sql`array[${sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  )}]::text[]`;

interface Found {
  id: string;
  name: string;
}

/** The actors already on the list: a preset reuses these before looking in the directory. */
export interface ListedActor {
  id: string;
  name: string;
  kind: ActorKind;
  countryCode: string | null;
  matchKeys: string[];
}

/** A row's keys: the stored ones and its name's (a row written straight to the table may have none stored). */
const keysOfRow = (row: { name: string; matchKeys: string[] }) => [...row.matchKeys, matchKey(row.name)];

/** Matches on the stored keys, or on the name as typed (lower case) for rows without keys. */
const keyOrNameMatch = (keys: readonly string[], names: readonly string[]): SQL =>
  or(sql`${actors.matchKeys} && ${textArray(keys)}`, inArray(sql`lower(${actors.name})`, [...new Set(names.map((name) => name.toLowerCase()))]))!;

/**
 * Live state actors for the codes: by country code (the oldest when several share one), else a state without a
 * country whose name or alias is the state's name.
 */
async function findStates(db: DatabaseOrTransaction, codes: readonly string[], listed: readonly ListedActor[]): Promise<Map<string, Found>> {
  const found = new Map<string, Found>();
  if (codes.length === 0) return found;
  for (const actor of listed) {
    if (actor.kind === 'state' && actor.countryCode && codes.includes(actor.countryCode) && !found.has(actor.countryCode)) {
      found.set(actor.countryCode, { id: actor.id, name: actor.name });
    }
  }
  const byCode = await db
    .select({ id: actors.id, name: actors.name, countryCode: actors.countryCode })
    .from(actors)
    .where(and(isNull(actors.deletedAt), eq(actors.kind, 'state'), inArray(actors.countryCode, [...codes])))
    .orderBy(asc(actors.createdAt), asc(actors.id));
  for (const row of byCode) if (row.countryCode && !found.has(row.countryCode)) found.set(row.countryCode, { id: row.id, name: row.name });

  const missing = codes.filter((code) => !found.has(code));
  if (missing.length === 0) return found;
  const namesByCode = new Map(
    missing.map((code) => {
      const common = commonCountryName(code);
      return [code, [stateNames(code).name, ...(common ? [common] : [])]];
    }),
  );
  const names = [...namesByCode.values()].flat();
  const keys = matchKeysOf('', names);
  if (keys.length === 0) return found;
  const byName = await db
    .select({ id: actors.id, name: actors.name, matchKeys: actors.matchKeys })
    .from(actors)
    .where(and(isNull(actors.deletedAt), eq(actors.kind, 'state'), isNull(actors.countryCode), keyOrNameMatch(keys, names)))
    .orderBy(asc(actors.createdAt), asc(actors.id));
  for (const code of missing) {
    const wanted = matchKeysOf('', namesByCode.get(code)!);
    const row = byName.find((candidate) => keysOfRow(candidate).some((key) => wanted.includes(key)));
    if (row) found.set(code, { id: row.id, name: row.name });
  }
  return found;
}

/**
 * Live actors for the organisations, by name or alias (match keys): an international organisation first; another
 * kind of actor only on the organisation's full name ("OSCE" may be anything; "Council of Europe" is not).
 */
async function findOrganisations(
  db: DatabaseOrTransaction,
  organisations: readonly RegionalOrganisation[],
  listed: readonly ListedActor[],
): Promise<Map<string, Found>> {
  const found = new Map<string, Found>();
  if (organisations.length === 0) return found;
  const keysByOrganisation = new Map(organisations.map((organisation) => [organisation.key, matchKeysOf(organisation.name, organisation.aliases)]));
  const keys = [...new Set([...keysByOrganisation.values()].flat())];
  const names = organisations.flatMap((organisation) => [organisation.name, ...organisation.aliases]);
  const rows = await db
    .select({ id: actors.id, name: actors.name, kind: actors.kind, matchKeys: actors.matchKeys })
    .from(actors)
    .where(and(isNull(actors.deletedAt), keyOrNameMatch(keys, names)))
    .orderBy(asc(actors.createdAt), asc(actors.id));
  // Those on the list first, then the oldest.
  const candidates = [...listed, ...rows];
  for (const organisation of organisations) {
    const wanted = keysByOrganisation.get(organisation.key)!;
    const nameKey = matchKey(organisation.name);
    const row =
      candidates.find((candidate) => candidate.kind === 'international_organisation' && keysOfRow(candidate).some((key) => wanted.includes(key))) ??
      candidates.find((candidate) => keysOfRow(candidate).includes(nameKey));
    if (row) found.set(organisation.key, { id: row.id, name: row.name });
  }
  return found;
}

/** The dossier's live parties with role "party" that are states with a country code, in order. */
export async function partyStates(db: DatabaseOrTransaction, dossierId: string): Promise<Array<{ id: string; name: string; countryCode: string }>> {
  const rows = await db
    .select({ id: actors.id, name: actors.name, countryCode: actors.countryCode })
    .from(dossierParties)
    .innerJoin(actors, eq(actors.id, dossierParties.actorId))
    .where(
      and(
        eq(dossierParties.dossierId, dossierId),
        isNull(dossierParties.deletedAt),
        eq(dossierParties.role, 'party'),
        isNull(actors.deletedAt),
        eq(actors.kind, 'state'),
        isNotNull(actors.countryCode),
      ),
    )
    .orderBy(asc(dossierParties.position), asc(dossierParties.createdAt), asc(dossierParties.id));
  return rows.map((row) => ({ ...row, countryCode: row.countryCode! }));
}

// ---------------------------------------------------------------------------------------------------------------
// Plans
// ---------------------------------------------------------------------------------------------------------------

const listNames = (names: readonly string[]) =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;

async function stateCandidates(
  db: DatabaseOrTransaction,
  codes: Array<{ code: string; reason: string }>,
  listed: readonly ListedActor[],
): Promise<PresetCandidate[]> {
  const found = await findStates(
    db,
    codes.map((item) => item.code),
    listed,
  );
  return codes.map(({ code, reason }) => {
    const existing = found.get(code);
    return {
      key: code,
      name: existing?.name ?? stateNames(code).name,
      kind: 'state',
      countryCode: code,
      actorId: existing?.id ?? null,
      reason,
    };
  });
}

/** The live actors on the dossier's watch list. */
async function listedActors(db: DatabaseOrTransaction, dossierId: string): Promise<ListedActor[]> {
  return db
    .select({ id: actors.id, name: actors.name, kind: actors.kind, countryCode: actors.countryCode, matchKeys: actors.matchKeys })
    .from(watchListMembers)
    .innerJoin(actors, eq(actors.id, watchListMembers.actorId))
    .where(and(eq(watchListMembers.dossierId, dossierId), isNull(actors.deletedAt)))
    .orderBy(asc(watchListMembers.position));
}

/**
 * What a preset names for a dossier, resolved against the directory as it is now (an actor on the list already is
 * preferred to another with the same country or name). Reads only.
 */
export async function planPreset(db: DatabaseOrTransaction, dossierId: string, preset: WatchListPreset, year: number | null): Promise<PresetPlan> {
  const listed = await listedActors(db, dossierId);
  const label = watchListPresetLabels[preset];
  if (preset === 'unsc') {
    const chosen = year ?? defaultUnscYear();
    const members = unscMembers(chosen) ?? [];
    const permanent = new Set<string>(UNSC_PERMANENT_MEMBERS);
    const candidates = await stateCandidates(
      db,
      members.map((code) => ({ code, reason: permanent.has(code) ? 'Permanent member' : `Elected member in ${chosen}` })),
      listed,
    );
    return { preset, year: chosen, label: `${label} (${chosen})`, note: null, candidates };
  }

  const parties = await partyStates(db, dossierId);
  const partyName = new Map(parties.map((party) => [party.countryCode, party.name]));
  const codes = [...new Set(parties.map((party) => party.countryCode))];
  if (codes.length === 0) {
    return {
      preset,
      year: null,
      label,
      note: 'This dossier has no party that is a state with a country; add the parties (with their country) first.',
      candidates: [],
    };
  }

  if (preset === 'neighbours') {
    const neighbours = neighboursOf(codes);
    const candidates = await stateCandidates(
      db,
      neighbours.map(({ code, borders }) => ({ code, reason: `Borders ${listNames(borders.map((border) => partyName.get(border) ?? border))}` })),
      listed,
    );
    return { preset, year: null, label, note: candidates.length ? null : 'The party states have no land neighbours.', candidates };
  }

  const memberships = regionalOrganisationsOf(codes);
  const found = await findOrganisations(
    db,
    memberships.map(({ organisation }) => organisation),
    listed,
  );
  const candidates: PresetCandidate[] = memberships.map(({ organisation, memberCodes }) => {
    const existing = found.get(organisation.key);
    return {
      key: organisation.key,
      name: existing?.name ?? organisation.name,
      kind: 'international_organisation',
      countryCode: null,
      actorId: existing?.id ?? null,
      reason: `${memberCodes.length === 1 ? 'Member' : 'Members'}: ${listNames(memberCodes.map((code) => partyName.get(code) ?? code))}`,
    };
  });
  return {
    preset,
    year: null,
    label,
    note: candidates.length ? null : 'The party states belong to none of the regional organisations the preset knows.',
    candidates,
  };
}

function creationOf(candidate: PresetCandidate): ToCreate {
  if (candidate.kind === 'state') {
    const { name, aliases } = stateNames(candidate.key);
    return { name, kind: 'state', countryCode: candidate.countryCode, aliases };
  }
  const organisation = REGIONAL_ORGANISATIONS.find((item) => item.key === candidate.key)!;
  return { name: organisation.name, kind: 'international_organisation', countryCode: null, aliases: [...organisation.aliases] };
}

/**
 * The plan's actor ids in order, creating (audited as `writer`) each one the directory lacks. Run it on the
 * transaction that adds them to the list: the plan is re-made there, so an actor created meanwhile is reused.
 */
export async function resolvePresetActors(
  tx: Database,
  writer: Writer,
  dossierId: string,
  preset: WatchListPreset,
  year: number | null,
): Promise<{ plan: PresetPlan; actorIds: string[]; created: string[] }> {
  const plan = await planPreset(tx, dossierId, preset, year);
  const actorIds: string[] = [];
  const created: string[] = [];
  for (const candidate of plan.candidates) {
    if (candidate.actorId) {
      actorIds.push(candidate.actorId);
      continue;
    }
    const values = creationOf(candidate);
    // The lookup above is the duplicate check that matters here (by country code or organisation name); an alias
    // shared with another actor ("Congo") must not stop the creation.
    const actor = await createActor(tx, writer, {
      ...values,
      affiliationId: null,
      title: '',
      description: '',
      internalNotes: '',
      allowDuplicate: true,
    });
    actorIds.push(actor.id);
    created.push(actor.id);
  }
  return { plan, actorIds: [...new Set(actorIds)], created };
}
