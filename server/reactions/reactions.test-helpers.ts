import { actors, dossierParties, type ActorKind, type PartyRole } from '@/server/actors/schema';
import { makeDossier, makeSource } from '@/server/claims/claims.test-helpers';
import type { Database } from '@/server/db/client';
import { unique } from '@/server/testing/fixtures';
import type { SessionUser } from '@/server/users/users.service';
import type { CreateReactionInput, UpdateReactionInput } from './reactions.input';
import type { ReactionDetail } from './reactions.service';

/**
 * Test fixtures for the reactions tests (service, public view, CSV, watch lists, seed): a dossier about the 2020
 * Nagorno-Karabakh war with its two parties, a mediator, the reacting states, organisations and people along their
 * affiliation chains, and a source. Actors are written straight to their table (fresh rows per scene, so scenes in
 * one test database never share actors).
 */

export interface ActorValues {
  name?: string;
  kind?: ActorKind;
  countryCode?: string | null;
  affiliationId?: string | null;
  title?: string;
  internalNotes?: string;
}

export async function makeReactionActor(db: Database, values: ActorValues = {}) {
  const [actor] = await db
    .insert(actors)
    .values({
      name: values.name ?? unique('Actor'),
      kind: values.kind ?? 'state',
      countryCode: values.countryCode ?? null,
      affiliationId: values.affiliationId ?? null,
      title: values.title ?? '',
      internalNotes: values.internalNotes ?? '',
    })
    .returning();
  return actor!;
}

/** Adds an actor to a dossier's parties with a role (party, mediator, other). */
export async function makeDossierRole(db: Database, dossierId: string, actorId: string, role: PartyRole, position: number) {
  const [row] = await db.insert(dossierParties).values({ dossierId, actorId, role, position }).returning();
  return row!;
}

/** A valid create input: one stance (concern), a paraphrase, no targets; override anything. */
export function reactionInput(dossierId: string, actorIds: string[], overrides: Partial<CreateReactionInput> = {}): CreateReactionInput {
  return {
    dossierId,
    actors: actorIds.map((actorId) => ({ actorId, countsForId: null })),
    speakerId: null,
    reactedAt: null,
    reactedPrecision: 'day',
    channel: 'statement',
    primaryStance: 'concern',
    stances: [],
    targets: [],
    alignments: [],
    quote: '',
    originalText: '',
    originalLanguage: '',
    paraphrase: 'Expressed concern about the fighting.',
    sources: [],
    tags: [],
    internalNotes: '',
    ...overrides,
  };
}

/**
 * The update input that saves a reaction as it is (what the edit form starts from): overrides only where the editor set
 * them, alignments only the edited ones; override anything.
 */
export function updateInputOf(detail: ReactionDetail, overrides: Partial<UpdateReactionInput> = {}): UpdateReactionInput {
  return {
    id: detail.id,
    version: detail.version,
    actors: detail.signatories.map((signatory) => ({ actorId: signatory.actor.id, countsForId: signatory.overridden ? signatory.countsFor.id : null })),
    speakerId: detail.speakerId,
    reactedAt: detail.reactedAt,
    reactedPrecision: detail.reactedPrecision,
    channel: detail.channel,
    primaryStance: detail.primaryStance,
    stances: detail.stances,
    targets: detail.targets.map((target) => target.id),
    alignments: detail.alignments.filter((row) => row.edited).map((row) => ({ partyId: row.party.id, alignment: row.alignment })),
    quote: detail.quote,
    originalText: detail.originalText,
    originalLanguage: detail.originalLanguage,
    paraphrase: detail.paraphrase,
    sources: detail.sources.map((link) => ({ sourceId: link.source.id, excerpt: link.excerpt })),
    tags: detail.tags,
    internalNotes: detail.internalNotes,
    ...overrides,
  };
}

/**
 * The scene: a dossier (published when asked) with parties Azerbaijan (position 0) and Armenia (1), the OSCE Minsk
 * Group as mediator, one source with a URL, and the reacting actors:
 * - states: France, Germany, Italy, Russia, United States, Turkey, Albania (with country codes);
 * - organisations: European Union, United Nations, OSCE;
 * - people and bodies: Macron → France; Putin → Russia; Russian MFA (government body) → Russia; Lavrov and
 *   Zakharova → MFA; Guterres → UN; Dujarric (spokesman) → Guterres → UN; State Department → United States;
 *   Erdoğan → Turkey; Edi Rama → Albania (counts for the OSCE only by override); Pope Francis → Holy See
 *   (religious authority, top of its chain, code VA).
 * `input(actorIds, overrides)` builds a create input for this dossier citing the scene's source.
 */
export async function makeReactionScene(db: Database, user: SessionUser, options: { published?: boolean } = {}) {
  const dossier = await makeDossier(db, user, options.published ?? false);
  const actor = (values: ActorValues) => makeReactionActor(db, values);

  const azerbaijan = await actor({ name: 'Azerbaijan', countryCode: 'AZ' });
  const armenia = await actor({ name: 'Armenia', countryCode: 'AM' });
  const minskGroup = await actor({ name: 'OSCE Minsk Group', kind: 'international_organisation' });
  await makeDossierRole(db, dossier.id, azerbaijan.id, 'party', 0);
  await makeDossierRole(db, dossier.id, armenia.id, 'party', 1);
  await makeDossierRole(db, dossier.id, minskGroup.id, 'mediator', 2);

  const france = await actor({ name: 'France', countryCode: 'FR' });
  const germany = await actor({ name: 'Germany', countryCode: 'DE' });
  const italy = await actor({ name: 'Italy', countryCode: 'IT' });
  const russia = await actor({ name: 'Russia', countryCode: 'RU' });
  const unitedStates = await actor({ name: 'United States', countryCode: 'US' });
  const turkey = await actor({ name: 'Turkey', countryCode: 'TR' });
  const albania = await actor({ name: 'Albania', countryCode: 'AL' });
  const eu = await actor({ name: 'European Union', kind: 'international_organisation' });
  const un = await actor({ name: 'United Nations', kind: 'international_organisation' });
  const osce = await actor({ name: 'OSCE', kind: 'international_organisation' });
  const holySee = await actor({ name: 'Holy See', kind: 'religious_authority', countryCode: 'VA' });

  const macron = await actor({ name: 'Emmanuel Macron', kind: 'person', affiliationId: france.id, title: 'President' });
  const putin = await actor({ name: 'Vladimir Putin', kind: 'person', affiliationId: russia.id, title: 'President' });
  const mfa = await actor({ name: 'Ministry of Foreign Affairs of Russia', kind: 'government_body', affiliationId: russia.id, countryCode: 'RU' });
  const lavrov = await actor({ name: 'Sergey Lavrov', kind: 'person', affiliationId: mfa.id, title: 'Foreign Minister' });
  const zakharova = await actor({ name: 'Maria Zakharova', kind: 'person', affiliationId: mfa.id, title: 'Foreign Ministry spokeswoman' });
  const guterres = await actor({ name: 'António Guterres', kind: 'person', affiliationId: un.id, title: 'Secretary-General' });
  const dujarric = await actor({ name: 'Stéphane Dujarric', kind: 'person', affiliationId: guterres.id, title: 'Spokesman for the Secretary-General' });
  const stateDepartment = await actor({ name: 'US Department of State', kind: 'government_body', affiliationId: unitedStates.id, countryCode: 'US' });
  const erdogan = await actor({ name: 'Recep Tayyip Erdoğan', kind: 'person', affiliationId: turkey.id, title: 'President' });
  const rama = await actor({ name: 'Edi Rama', kind: 'person', affiliationId: albania.id, title: 'Prime Minister; OSCE Chairman-in-Office' });
  const pope = await actor({ name: 'Pope Francis', kind: 'person', affiliationId: holySee.id, title: 'Pope' });

  const source = await makeSource(db, user, dossier.id, { url: `https://example.com/${dossier.slug}/reactions`, title: 'World reacts' });

  const input = (actorIds: string[], overrides: Partial<CreateReactionInput> = {}) =>
    reactionInput(dossier.id, actorIds, { sources: [{ sourceId: source.id, excerpt: '' }], ...overrides });

  return {
    dossier,
    source,
    parties: { azerbaijan, armenia },
    mediators: { minskGroup },
    actors: {
      france,
      germany,
      italy,
      russia,
      unitedStates,
      turkey,
      albania,
      eu,
      un,
      osce,
      holySee,
      macron,
      putin,
      mfa,
      lavrov,
      zakharova,
      guterres,
      dujarric,
      stateDepartment,
      erdogan,
      rama,
      pope,
    },
    input,
  };
}
export type ReactionScene = Awaited<ReturnType<typeof makeReactionScene>>;
