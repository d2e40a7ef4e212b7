import type { Dossier } from '@/server/dossiers/schema';
import type { Source } from '@/server/sources/schema';
import { actorInput, claimInput, dossierInput, randomId, sourceInput, unique } from './fixtures';

// Every optional key spelled out, so the garbage-input test replaces each of them too.
const everyFilter = { search: 'a', kind: ['news_report'], reliability: ['B'], sort: 'title', order: 'asc', deleted: false };
const everyClaimFilter = {
  search: 'shelling',
  party: [randomId()],
  about: [randomId()],
  status: ['disputed'],
  category: ['casualties'],
  saidFrom: '2020-09-27',
  saidTo: '2020-10-10',
  needsSource: true,
  deleted: false,
  sort: 'said',
  order: 'asc',
};
const everyReactionFilter = {
  search: 'ceasefire',
  stance: ['ceasefire'],
  alignment: ['against'],
  alignmentParty: randomId(),
  actorKind: ['state'],
  actor: [randomId()],
  target: [randomId()],
  channel: ['statement'],
  reactedFrom: '2020-09-27',
  reactedTo: '2020-10-10',
  deleted: false,
  sort: 'reacted',
  order: 'asc',
};
const reactionFields = {
  actors: [{ actorId: randomId(), countsForId: null }],
  speakerId: null,
  reactedAt: null,
  reactedPrecision: 'day',
  channel: 'statement',
  primaryStance: 'ceasefire',
  stances: ['talks'],
  targets: [],
  alignments: [],
  quote: '',
  originalText: '',
  originalLanguage: '',
  paraphrase: 'Urged an immediate ceasefire.',
  tags: [],
  internalNotes: '',
};

const { actors: _actors, speakerId: _speakerId, ...intakeReactionFields } = reactionFields;

export interface Seeded {
  dossier: Dossier;
  source: Source;
}

/**
 * A plausible input per procedure, shared by the authorization matrix (server/trpc/access.test.ts, which fails
 * when a procedure has no entry here) and the garbage-input test (server/trpc/validation.test.ts).
 * Reads point at real rows, writes at random ids (NOT_FOUND is an allowed answer)
 * or create fresh rows, so calling everything as every role leaves the seeded rows usable.
 */
export const plausibleInput: Record<string, (seeded: Seeded) => unknown> = {
  'dossiers.listPublished': () => undefined,
  'dossiers.publicBySlug': ({ dossier }) => ({ slug: dossier.slug }),
  'dossiers.list': () => ({ deleted: false }),
  'dossiers.bySlug': ({ dossier }) => ({ slug: dossier.slug }),
  'dossiers.byId': ({ dossier }) => ({ id: dossier.id }),
  'dossiers.create': () => dossierInput(),
  'dossiers.update': () => ({ id: randomId(), version: 1, ...dossierInput() }),
  'dossiers.setPublished': () => ({ id: randomId(), version: 1, published: true }),
  'dossiers.delete': () => ({ id: randomId(), version: 1 }),
  'dossiers.restore': () => ({ id: randomId(), version: 1 }),

  'sources.listPublic': ({ dossier }) => ({ slug: dossier.slug, cursor: null, limit: 10 }),
  'sources.list': ({ dossier }) => ({ dossierId: dossier.id, ...everyFilter, cursor: null, limit: 10 }),
  'sources.count': ({ dossier }) => ({ dossierId: dossier.id, ...everyFilter }),
  'sources.byId': ({ source }) => ({ id: source.id }),
  'sources.findDuplicate': ({ dossier, source }) => ({ dossierId: dossier.id, url: source.url, exceptId: randomId() }),
  'sources.create': ({ dossier }) => sourceInput(dossier.id, { title: unique('source') }),
  'sources.update': () => ({ ...sourceInput(randomId()), id: randomId(), version: 1 }),
  'sources.delete': () => ({ id: randomId(), version: 1 }),
  'sources.restore': () => ({ id: randomId(), version: 1 }),

  'audit.history': ({ source }) => ({ entityType: 'source', entityId: source.id, before: 1_000_000, limit: 10 }),
  'audit.dossierActivity': ({ dossier }) => ({ dossierId: dossier.id, before: 1_000_000, limit: 10 }),

  'users.me': () => undefined,
  // A wrong current password: allowed callers get BAD_REQUEST, and nobody's password changes.
  'users.changeOwnPassword': () => ({ currentPassword: 'not the password', newPassword: 'a brand new password' }),
  'users.list': () => undefined,
  'users.create': () => ({ email: `${unique('new')}@test.example`, name: 'New', role: 'viewer' }),
  'users.setRole': () => ({ id: randomId(), version: 1, role: 'editor' }),
  'users.setActive': () => ({ id: randomId(), version: 1, active: false }),
  'users.endSessions': () => ({ id: randomId() }),
  'users.resetPassword': () => ({ id: randomId(), version: 1 }),

  'actors.list': () => ({ search: 'a', kind: ['state'], deleted: false, cursor: null, limit: 10 }),
  'actors.search': () => ({ query: 'karabakh', limit: 5, kinds: ['state'] }),
  'actors.byId': () => ({ id: randomId() }),
  'actors.findDuplicates': () => ({ name: 'Nagorno-Karabakh', aliases: ['Artsakh'], exceptId: randomId() }),
  // allowDuplicate: every allowed role creates one, and the fuzz test many, all with the same name.
  'actors.create': () => ({ ...actorInput({ name: unique('Actor') }), allowDuplicate: true }),
  'actors.update': () => ({ ...actorInput(), id: randomId(), version: 1 }),
  'actors.delete': () => ({ id: randomId(), version: 1 }),
  'actors.restore': () => ({ id: randomId(), version: 1 }),
  'actors.merge': () => ({ fromId: randomId(), intoId: randomId() }),

  'parties.list': ({ dossier }) => ({ dossierId: dossier.id }),
  'parties.add': ({ dossier }) => ({ dossierId: dossier.id, actorId: randomId(), role: 'party' }),
  'parties.update': () => ({ id: randomId(), version: 1, role: 'mediator' }),
  'parties.move': () => ({ id: randomId(), version: 1, to: 'earlier' }),
  'parties.remove': () => ({ id: randomId(), version: 1 }),

  'claims.listPublic': ({ dossier }) => ({ slug: dossier.slug, party: [randomId()], category: ['casualties'], status: ['disputed'] }),
  'claims.publicById': ({ dossier }) => ({ slug: dossier.slug, id: randomId() }),
  'claims.list': ({ dossier }) => ({ dossierId: dossier.id, ...everyClaimFilter, cursor: null, limit: 10 }),
  'claims.count': ({ dossier }) => ({ dossierId: dossier.id, ...everyClaimFilter }),
  'claims.byId': () => ({ id: randomId() }),
  'claims.byActor': () => ({ actorId: randomId(), role: 'about', cursor: null, limit: 10 }),
  // A random claimant: allowed callers get BAD_REQUEST, and no claim is made.
  'claims.create': ({ dossier, source }) => claimInput(dossier.id, { claimantId: randomId(), sources: [{ sourceId: source.id, excerpt: 'x' }] }),
  'claims.update': () => ({ ...claimInput(randomId()), id: randomId(), version: 1, correction: { kind: 'correction', note: 'Fixed.' } }),
  'claims.delete': () => ({ id: randomId(), version: 1 }),
  'claims.restore': () => ({ id: randomId(), version: 1 }),

  'reactions.listPublic': ({ dossier }) => ({ slug: dossier.slug, by: randomId() }),
  'reactions.publicById': ({ dossier }) => ({ slug: dossier.slug, id: randomId() }),
  'reactions.list': ({ dossier }) => ({ dossierId: dossier.id, ...everyReactionFilter, cursor: null, limit: 10 }),
  'reactions.count': ({ dossier }) => ({ dossierId: dossier.id, ...everyReactionFilter }),
  'reactions.byId': () => ({ id: randomId() }),
  'reactions.timeline': ({ dossier }) => ({ dossierId: dossier.id }),
  // A random signatory: allowed callers get NOT_FOUND, and no reaction is made.
  'reactions.create': ({ dossier, source }) => ({ dossierId: dossier.id, ...reactionFields, sources: [{ sourceId: source.id, excerpt: 'x' }] }),
  'reactions.update': () => ({ id: randomId(), version: 1, ...reactionFields, sources: [] }),
  'reactions.delete': () => ({ id: randomId(), version: 1 }),
  'reactions.restore': () => ({ id: randomId(), version: 1 }),

  'watchLists.get': ({ dossier }) => ({ dossierId: dossier.id }),
  'watchLists.previewPreset': ({ dossier }) => ({ dossierId: dossier.id, preset: 'unsc', year: 2020 }),
  // Random dossiers: allowed callers get NOT_FOUND, and no list changes (nor any actor is created).
  'watchLists.setMembers': () => ({ dossierId: randomId(), version: 1, actorIds: [randomId()] }),
  'watchLists.addMembers': () => ({ dossierId: randomId(), version: 1, actorIds: [randomId()] }),
  'watchLists.removeMember': () => ({ dossierId: randomId(), version: 1, actorId: randomId() }),
  'watchLists.applyPreset': () => ({ dossierId: randomId(), version: 1, preset: 'unsc', year: 2020 }),
  'watchLists.setPublic': () => ({ dossierId: randomId(), version: 1, isPublic: true }),

  // Analysis writes nothing, whoever calls it.
  'intake.analyze': ({ dossier }) => ({ dossierId: dossier.id, text: 'France urged an immediate ceasefire on Sunday.', publishedOn: '2020-09-28' }),
  'intake.draft': ({ dossier }) => ({ dossierId: dossier.id }),
  // A random dossier: allowed callers get NOT_FOUND, and no draft is kept.
  'intake.saveDraft': () => ({ dossierId: randomId(), state: { text: 'France urged a ceasefire.', ticked: ['reaction-1'] } }),
  'intake.discardDraft': () => ({ dossierId: randomId() }),
  // A random signatory: allowed callers get NOT_FOUND after the article text was stored, which rolls back with the rest.
  'intake.accept': ({ dossier, source }) => ({
    dossierId: dossier.id,
    text: 'France urged an immediate ceasefire on Sunday.',
    source: { kind: 'existing', sourceId: source.id },
    newActors: [],
    reactions: [
      { ...intakeReactionFields, actors: [{ actorRef: randomId(), countsForRef: null }], speakerRef: null, excerpt: 'France urged an immediate ceasefire on Sunday.' },
    ],
    claims: [],
  }),
  'intake.sourceText': ({ source }) => ({ sourceId: source.id }),
  'intake.sourcesWithText': ({ dossier }) => ({ dossierId: dossier.id }),
};
