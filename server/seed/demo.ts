import { and, arrayContains, asc, eq, isNull } from 'drizzle-orm';
import { createActorInput } from '@/server/actors/actors.input';
import { createActor } from '@/server/actors/actors.service';
import { matchKey } from '@/server/actors/match-key';
import { actors, dossierParties } from '@/server/actors/schema';
import { createClaimInput } from '@/server/claims/claims.input';
import { createClaim } from '@/server/claims/claims.service';
import { claims } from '@/server/claims/schema';
import type { Database } from '@/server/db/client';
import { createDossier, getDossierBySlug, setDossierPublished } from '@/server/dossiers/dossiers.service';
import { dossiers } from '@/server/dossiers/schema';
import { sources } from '@/server/sources/schema';
import { createSource } from '@/server/sources/sources.service';
import type { Role } from '@/server/users/schema';
import { createUser, findUserByEmail } from '@/server/users/users.service';
import { addParty } from '@/server/parties/parties.service';
import { createReactionInput } from '@/server/reactions/reactions.input';
import { createReaction } from '@/server/reactions/reactions.service';
import { reactionActors, reactions } from '@/server/reactions/schema';
import { DEMO_ACTORS, DEMO_ARMENIAN_MOD_SOURCE, DEMO_CLAIMS, DEMO_PARTIES, type DemoSourceKey } from './demo-claims';
import { watchLists } from '@/server/watch-lists/schema';
import { addWatchListMembers, applyWatchListPreset, getWatchList, setWatchListPublic } from '@/server/watch-lists/watch-lists.service';
import { DEMO_REACTIONS, DEMO_WATCH_LIST } from './demo-reactions';

/**
 * The demo dossier and accounts: the one place seed data lives. Later capabilities (actors, claims, reactions)
 * extend `seedDemo` with their own steps. Every step skips what already exists, so seeding twice changes nothing.
 */
export const DEMO_PASSWORD = 'claimdesk-demo';
export const DEMO_ACCOUNTS: ReadonlyArray<{ email: string; name: string; role: Role }> = [
  { email: 'admin@example.org', name: 'Demo Admin', role: 'admin' },
  { email: 'editor@example.org', name: 'Demo Editor', role: 'editor' },
  { email: 'viewer@example.org', name: 'Demo Viewer', role: 'viewer' },
];

export const DEMO_DOSSIER = {
  slug: 'nagorno-karabakh-2020',
  title: 'Azerbaijan–Armenia clashes over Nagorno-Karabakh, September 2020',
  summary:
    'Fighting broke out along the Line of Contact on 27 September 2020, the worst since 2016. Both sides blame the ' +
    'other for starting it; Armenia and Karabakh declared martial law, Azerbaijan military rule. France, Germany, Italy, ' +
    'the EU, the UN, the US, Russia and the OSCE chair called for an immediate halt; Turkey promised Azerbaijan its full support.',
  eventsStartOn: '2020-09-27',
  eventsEndOn: null,
} as const;

/** The seed article (server/seed/fixtures/nagorno-karabakh-2020.txt). Its text names no URL and no outlet. */
export const DEMO_ARTICLE_SOURCE = {
  url: null,
  title: 'Dozens dead as world leaders urge halt to Azerbaijan-Armenia clashes',
  outlet: '',
  author: '',
  kind: 'news_report',
  language: 'en',
  // It reports events of 27 and 28 September 2020, so it was published on 28 September at the earliest.
  publishedAt: new Date('2020-09-28T00:00:00Z'),
  retrievedAt: null,
  archiveUrl: null,
  reliability: 'F',
  internalNotes:
    'Wire-style report covering 27–28 Sept 2020. The copy we hold names neither its outlet nor its URL; find the ' +
    'original before relying on it. Its background paragraphs take Azerbaijan’s framing ("occupied", "Upper Karabakh").',
} as const;

export async function seedDemoAccounts(db: Database): Promise<void> {
  for (const account of DEMO_ACCOUNTS) {
    if (await findUserByEmail(db, account.email)) continue;
    await createUser(db, null, { ...account, password: DEMO_PASSWORD });
  }
}

async function demoAdmin(db: Database): Promise<{ id: string }> {
  const admin = await findUserByEmail(db, DEMO_ACCOUNTS[0]!.email);
  if (!admin) throw new Error('The demo seed needs the demo admin; run seedDemoAccounts first.');
  return { id: admin.id };
}

/**
 * A source of the dossier by title; deleted ones count unless `liveOnly` (seeding never brings back what an editor
 * removed, nor cites it again).
 */
async function findSourceByTitle(db: Database, dossierId: string, title: string, liveOnly = false): Promise<string | null> {
  const [row] = await db
    .select({ id: sources.id })
    .from(sources)
    .where(and(eq(sources.dossierId, dossierId), eq(sources.title, title), liveOnly ? isNull(sources.deletedAt) : undefined))
    .orderBy(asc(sources.createdAt));
  return row?.id ?? null;
}

export async function seedDemoDossier(db: Database): Promise<void> {
  const actor = await demoAdmin(db);

  const [existing] = await db.select({ id: dossiers.id }).from(dossiers).where(eq(dossiers.slug, DEMO_DOSSIER.slug));
  if (!existing) {
    const created = await createDossier(db, actor, DEMO_DOSSIER);
    await setDossierPublished(db, actor, { id: created.id, version: created.version, published: true });
  }
  const dossier = await getDossierBySlug(db, DEMO_DOSSIER.slug);

  for (const source of [DEMO_ARTICLE_SOURCE, DEMO_ARMENIAN_MOD_SOURCE]) {
    if (!(await findSourceByTitle(db, dossier.id, source.title))) await createSource(db, actor, { dossierId: dossier.id, ...source });
  }
}

/**
 * The actors the seed article names (server/seed/demo-claims.ts), in the directory shared by every dossier. An actor
 * already there under the same name (or with it as an alias) is used as it is, never edited. Returns key → id.
 */
export async function seedDemoActors(db: Database): Promise<Map<string, string>> {
  const actor = await demoAdmin(db);
  const ids = new Map<string, string>();
  for (const entry of DEMO_ACTORS) {
    const [found] = await db
      .select({ id: actors.id })
      .from(actors)
      .where(and(arrayContains(actors.matchKeys, [matchKey(entry.name)]), isNull(actors.deletedAt)))
      .orderBy(asc(actors.createdAt), asc(actors.id));
    if (found) {
      ids.set(entry.key, found.id);
      continue;
    }
    const affiliationId = entry.affiliation ? ids.get(entry.affiliation) : null;
    if (affiliationId === undefined) throw new Error(`Demo actor ${entry.key}: its affiliation ${entry.affiliation} must come first.`);
    const created = await createActor(
      db,
      actor,
      createActorInput.parse({
        name: entry.name,
        kind: entry.kind,
        countryCode: entry.countryCode,
        affiliationId,
        title: entry.title,
        aliases: entry.aliases,
        description: entry.description,
        internalNotes: entry.internalNotes,
        allowDuplicate: false,
      }),
    );
    ids.set(entry.key, created.id);
  }
  return ids;
}

/** The dossier's parties in the story's order; a party already there (or removed by an editor) is left alone. */
async function seedDemoParties(db: Database, dossierId: string, actorIds: Map<string, string>): Promise<void> {
  const actor = await demoAdmin(db);
  for (const party of DEMO_PARTIES) {
    const actorId = actorIds.get(party.actor)!;
    const [existing] = await db
      .select({ id: dossierParties.id })
      .from(dossierParties)
      .where(and(eq(dossierParties.dossierId, dossierId), eq(dossierParties.actorId, actorId)));
    if (!existing) await addParty(db, actor, { dossierId, actorId, role: party.role });
  }
}

/**
 * The claims the seed article reports, and Armenia's counterclaim, each citing its source with the excerpt. A claim
 * is recognised by its claimant and statement (deleted ones included), so editing other fields keeps it recognised.
 */
async function seedDemoClaims(db: Database, dossierId: string, actorIds: Map<string, string>): Promise<void> {
  const actor = await demoAdmin(db);
  const sourceIds: Record<DemoSourceKey, string | null> = {
    article: await findSourceByTitle(db, dossierId, DEMO_ARTICLE_SOURCE.title, true),
    armenianMod: await findSourceByTitle(db, dossierId, DEMO_ARMENIAN_MOD_SOURCE.title, true),
  };
  const claimIds = new Map<string, string>();
  for (const entry of DEMO_CLAIMS) {
    const claimantId = actorIds.get(entry.claimant)!;
    const [existing] = await db
      .select({ id: claims.id })
      .from(claims)
      .where(and(eq(claims.dossierId, dossierId), eq(claims.claimantId, claimantId), eq(claims.statement, entry.statement)))
      .orderBy(asc(claims.createdAt));
    if (existing) {
      claimIds.set(entry.key, existing.id);
      continue;
    }
    const { key: _key, claimant: _claimant, about, sources: cited, relations, ...fields } = entry;
    const created = await createClaim(
      db,
      actor,
      createClaimInput.parse({
        ...fields,
        dossierId,
        claimantId,
        about: about.map((key) => actorIds.get(key)!),
        saidAt: fields.saidAt ? new Date(`${fields.saidAt}T00:00:00Z`) : null,
        occurredAt: fields.occurredAt ? new Date(`${fields.occurredAt}T00:00:00Z`) : null,
        sources: cited.flatMap(({ source, excerpt }) => (sourceIds[source] ? [{ sourceId: sourceIds[source], excerpt }] : [])),
        relations: relations.flatMap(({ kind, to }) => (claimIds.has(to) ? [{ kind, toClaimId: claimIds.get(to)! }] : [])),
      }),
    );
    claimIds.set(entry.key, created.id);
  }
}

/**
 * The international reactions the seed article reports (server/seed/demo-reactions.ts), each citing the article with
 * its excerpt. A reaction is recognised by its first signatory and paraphrase (deleted ones included), so editing
 * other fields keeps it recognised.
 */
async function seedDemoReactions(db: Database, dossierId: string, actorIds: Map<string, string>): Promise<void> {
  const actor = await demoAdmin(db);
  const articleId = await findSourceByTitle(db, dossierId, DEMO_ARTICLE_SOURCE.title, true);
  const idOf = (key: string) => {
    const id = actorIds.get(key);
    if (!id) throw new Error(`Demo reaction: unknown actor ${key}.`);
    return id;
  };
  for (const entry of DEMO_REACTIONS) {
    const [existing] = await db
      .select({ id: reactions.id })
      .from(reactions)
      .innerJoin(reactionActors, and(eq(reactionActors.reactionId, reactions.id), eq(reactionActors.position, 0)))
      .where(and(eq(reactions.dossierId, dossierId), eq(reactionActors.actorId, idOf(entry.signatories[0]!.actor)), eq(reactions.paraphrase, entry.paraphrase)))
      .limit(1);
    if (existing) continue;
    await createReaction(
      db,
      actor,
      createReactionInput.parse({
        dossierId,
        actors: entry.signatories.map((signatory) => ({ actorId: idOf(signatory.actor), countsForId: signatory.countsFor ? idOf(signatory.countsFor) : null })),
        speakerId: entry.speaker ? idOf(entry.speaker) : null,
        reactedAt: entry.reactedAt ? new Date(`${entry.reactedAt}T00:00:00Z`) : null,
        reactedPrecision: entry.reactedPrecision,
        channel: entry.channel,
        primaryStance: entry.primaryStance,
        stances: entry.stances,
        targets: entry.targets.map(idOf),
        alignments: entry.alignments.map((row) => ({ partyId: idOf(row.party), alignment: row.alignment })),
        quote: entry.quote,
        paraphrase: entry.paraphrase,
        sources: articleId ? [{ sourceId: articleId, excerpt: entry.excerpt }] : [],
        tags: entry.tags,
        internalNotes: entry.internalNotes,
      }),
    );
  }
}

/**
 * The dossier's watch list (DEMO_WATCH_LIST): the presets, then the members added by hand, then shown publicly. Only
 * when the dossier has no watch list yet: one the desk has changed (or emptied) is left as it is.
 */
async function seedDemoWatchList(db: Database, dossierId: string, actorIds: Map<string, string>): Promise<void> {
  const actor = await demoAdmin(db);
  const [existing] = await db.select({ dossierId: watchLists.dossierId }).from(watchLists).where(eq(watchLists.dossierId, dossierId));
  if (existing) return;
  let { version } = await getWatchList(db, dossierId);
  for (const { preset, year } of DEMO_WATCH_LIST.presets) ({ version } = await applyWatchListPreset(db, actor, { dossierId, version, preset, year }));
  const members = DEMO_WATCH_LIST.members.map((key) => actorIds.get(key)!);
  ({ version } = await addWatchListMembers(db, actor, { dossierId, version, actorIds: members }));
  await setWatchListPublic(db, actor, { dossierId, version, isPublic: DEMO_WATCH_LIST.isPublic });
}

export async function seedDemo(db: Database): Promise<void> {
  await seedDemoAccounts(db);
  await seedDemoDossier(db);
  const dossier = await getDossierBySlug(db, DEMO_DOSSIER.slug);
  const actorIds = await seedDemoActors(db);
  await seedDemoParties(db, dossier.id, actorIds);
  await seedDemoClaims(db, dossier.id, actorIds);
  await seedDemoReactions(db, dossier.id, actorIds);
  await seedDemoWatchList(db, dossier.id, actorIds);
}
