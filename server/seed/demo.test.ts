import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInWithPassword } from '@/server/auth/sign-in';
import { actors } from '@/server/actors/schema';
import { claimFilters } from '@/server/claims/claims.input';
import { listPublicClaimsByDay } from '@/server/claims/claims.public';
import { getClaim, listClaims } from '@/server/claims/claims.service';
import { getDossierBySlug } from '@/server/dossiers/dossiers.service';
import { listParties } from '@/server/parties/parties.service';
import { reactionFilters } from '@/server/reactions/reactions.input';
import { getPublicReactionsOverview } from '@/server/reactions/reactions.public';
import { listReactions, type ReactionListItem } from '@/server/reactions/reactions.service';
import { getWatchList, publicNotYetReacted } from '@/server/watch-lists/watch-lists.service';
import { callerFor, countRows, snapshotDatabase } from '@/server/testing/fixtures';
import { createTestDatabase } from '@/server/testing/test-database';
import { findUserByEmail } from '@/server/users/users.service';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from './demo';
import { DEMO_ARMENIAN_MOD_SOURCE, DEMO_CLAIMS } from './demo-claims';
import { DEMO_REACTIONS } from './demo-reactions';

const fixturePath = path.join(process.cwd(), 'server/seed/fixtures/nagorno-karabakh-2020.txt');
const sharedSeedPath = path.join(process.cwd(), '../shared/seed/000_738479bd73d0e05e.txt');

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let countsAfterFirstRun: Record<string, number>;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db);
  countsAfterFirstRun = await countRows(database.db);
});
afterAll(() => database.cleanup());

describe('demo seed', () => {
  it('changes nothing when run a second time (every table, audit log included)', async () => {
    expect(countsAfterFirstRun).toMatchObject({
      users: 3,
      dossiers: 1,
      sources: 2,
      dossier_parties: 3,
      claims: DEMO_CLAIMS.length,
      claim_relations: 1,
      reactions: 11,
      // The joint statement's four signatories and one for each of the other ten.
      reaction_actors: 14,
      reaction_sources: 11,
      // Guterres' two calls (the party he calls) and Erdoğan (Azerbaijan).
      reaction_targets: 3,
      // One per reaction and party.
      reaction_alignments: 11 * 3,
      watch_lists: 1,
      watch_list_members: 26,
    });
    expect(countsAfterFirstRun.audit_log).toBeGreaterThan(0);
    const before = await snapshotDatabase(database.db);
    await seedDemo(database.db);
    expect(await countRows(database.db)).toEqual(countsAfterFirstRun);
    // Not a single value changed either (no re-stamped updated_at, no bumped version).
    expect(await snapshotDatabase(database.db)).toBe(before);
  });

  it('publishes the demo dossier with the seed article and the Armenian record as its sources, without inventing a URL', async () => {
    const reader = callerFor(database.db, null);
    const dossier = await reader.dossiers.publicBySlug({ slug: 'nagorno-karabakh-2020' });
    expect(dossier).toMatchObject({ slug: 'nagorno-karabakh-2020', eventsStartOn: '2020-09-27' });

    const firstLine = fs.readFileSync(fixturePath, 'utf8').split(/\r?\n/)[0]!.trim();
    expect(firstLine.length).toBeGreaterThan(10);
    const { items } = await reader.sources.listPublic({ slug: 'nagorno-karabakh-2020' });
    expect(items).toHaveLength(2);
    const article = items.find((item) => item.title === firstLine);
    expect(article).toMatchObject({ title: firstLine, url: null, archiveUrl: null });
    expect(article!.publishedAt?.toISOString().slice(0, 10)).toBe('2020-09-28');
    const record = items.find((item) => item.title === DEMO_ARMENIAN_MOD_SOURCE.title);
    expect(record).toMatchObject({ kind: 'official_statement', url: null, archiveUrl: null });
  });

  it('creates the demo accounts with their roles and the documented password', async () => {
    expect(DEMO_ACCOUNTS.map((account) => [account.email, account.role])).toEqual([
      ['admin@example.org', 'admin'],
      ['editor@example.org', 'editor'],
      ['viewer@example.org', 'viewer'],
    ]);
    for (const account of DEMO_ACCOUNTS) {
      const result = await signInWithPassword(database.db, { email: account.email, password: DEMO_PASSWORD, address: null });
      expect(result).toMatchObject({ ok: true, user: { role: account.role } });
    }
  });

  it('attributes the seeded rows to the demo admin in the audit log, and keeps the notes on the desk', async () => {
    const admin = (await findUserByEmail(database.db, 'admin@example.org'))!;
    const desk = callerFor(database.db, { id: admin.id, email: admin.email, name: admin.name, role: admin.role, mustChangePassword: false });
    const dossier = await desk.dossiers.bySlug({ slug: 'nagorno-karabakh-2020' });
    const activity = await desk.audit.dossierActivity({ dossierId: dossier.id });
    // The dossier, its publication, two sources, three parties, the claims and the reactions: each once.
    const actions = activity.map((row) => row.action);
    expect(actions.filter((action) => action === 'publish')).toHaveLength(1);
    expect(actions.filter((action) => action === 'create')).toHaveLength(1 + 2 + 3 + DEMO_CLAIMS.length + DEMO_REACTIONS.length);
    expect(new Set(activity.map((row) => row.actorEmail))).toEqual(new Set(['admin@example.org']));
    const page = await desk.sources.list({ dossierId: dossier.id });
    for (const source of page.items) expect(source.internalNotes).not.toBe('');
  });

  it('makes Azerbaijan, Armenia and the Nagorno-Karabakh authorities the parties, in that order', async () => {
    const dossier = await getDossierBySlug(database.db, 'nagorno-karabakh-2020');
    const parties = await listParties(database.db, dossier.id);
    expect(parties.map((party) => [party.actor.name, party.actor.kind, party.actor.countryCode, party.role])).toEqual([
      ['Azerbaijan', 'state', 'AZ', 'party'],
      ['Armenia', 'state', 'AM', 'party'],
      ['Nagorno-Karabakh authorities', 'government_body', null, 'party'],
    ]);
  });

  it('names the article’s actors with their kind, country and affiliation', async () => {
    const rows = await database.db.select().from(actors);
    const byName = new Map(rows.map((row) => [row.name, row]));
    const affiliationOf = (name: string) => {
      const id = byName.get(name)?.affiliationId;
      return rows.find((row) => row.id === id)?.name ?? null;
    };
    const expected: Array<[string, string, string | null, string | null]> = [
      ['Azerbaijan', 'state', 'AZ', null],
      ['Armenia', 'state', 'AM', null],
      ['Turkey', 'state', 'TR', null],
      ['Russia', 'state', 'RU', null],
      ['Ministry of Defence of Azerbaijan', 'government_body', 'AZ', 'Azerbaijan'],
      ['Ministry of Foreign Affairs of Azerbaijan', 'government_body', 'AZ', 'Azerbaijan'],
      ['United States Department of State', 'government_body', 'US', 'United States'],
      ['Ilham Aliyev', 'person', null, 'Azerbaijan'],
      ['Nikol Pashinyan', 'person', null, 'Armenia'],
      ['Emmanuel Macron', 'person', null, 'France'],
      ['António Guterres', 'person', null, 'United Nations'],
      ['Ministry of Foreign Affairs of Russia', 'government_body', 'RU', 'Russia'],
      ['Sergey Lavrov', 'person', null, 'Ministry of Foreign Affairs of Russia'],
      ['Maria Zakharova', 'person', null, 'Ministry of Foreign Affairs of Russia'],
      ['Recep Tayyip Erdoğan', 'person', null, 'Turkey'],
      ['Albania', 'state', 'AL', null],
      // His own affiliation; his reaction as OSCE chairman counts for the OSCE by override.
      ['Edi Rama', 'person', null, 'Albania'],
      ['Pope Francis', 'person', null, 'Holy See'],
      ['Spokesperson for the UN Secretary-General', 'person', null, 'United Nations'],
      ['OSCE Minsk Group', 'international_organisation', null, 'Organization for Security and Co-operation in Europe'],
      ['European Union', 'international_organisation', null, null],
    ];
    for (const [name, kind, countryCode, affiliation] of expected) {
      expect({ name, kind: byName.get(name)?.kind, countryCode: byName.get(name)?.countryCode, affiliation: affiliationOf(name) }).toEqual({
        name,
        kind,
        countryCode,
        affiliation,
      });
    }
    expect(byName.get('Ilham Aliyev')!.title).toBe('President of Azerbaijan');
    expect(byName.get('Nagorno-Karabakh authorities')!.aliases).toEqual(expect.arrayContaining(['Artsakh', 'Republic of Artsakh', 'Upper Karabakh']));
  });

  it('records the claims the article reports, each citing it with an excerpt copied from its text', async () => {
    const article = fs.readFileSync(fixturePath, 'utf8');
    const dossier = await getDossierBySlug(database.db, 'nagorno-karabakh-2020');
    const { items } = await listClaims(database.db, { ...claimFilters.parse({}), dossierId: dossier.id, limit: 100 });
    expect(items).toHaveLength(DEMO_CLAIMS.length);
    const claimOf = (fragment: string) => {
      const found = items.filter((item) => item.statement.includes(fragment));
      expect(found, fragment).toHaveLength(1);
      return found[0]!;
    };

    const accusation = claimOf('Armenian forces violated the ceasefire');
    expect(accusation).toMatchObject({ claimant: { name: 'Azerbaijan' }, party: { name: 'Azerbaijan' }, category: 'ceasefire_violation' });
    expect(claimOf('counter-offensive')).toMatchObject({ quoteKind: 'verbatim', quote: 'ensure the safety of the population' });
    const terter = claimOf('Terter');
    expect(terter).toMatchObject({ claimant: { name: 'Ministry of Defence of Azerbaijan' }, party: { name: 'Azerbaijan' }, saidPrecision: 'day' });
    expect(terter.saidAt?.toISOString().slice(0, 10)).toBe('2020-09-28');
    expect(claimOf('civilian infrastructure')).toMatchObject({ claimant: { name: 'Ministry of Foreign Affairs of Azerbaijan' }, quoteKind: 'verbatim' });
    expect(claimOf('tanks and armoured vehicles')).toMatchObject({ category: 'military_losses', equipmentDestroyed: null });
    expect(claimOf('At least 24 people')).toMatchObject({ category: 'casualties', killed: 24, killedAtLeast: true, party: null });

    for (const item of items) {
      const claim = await getClaim(database.db, item.id);
      expect(claim.sources.length, item.statement).toBeGreaterThan(0);
      for (const link of claim.sources) {
        if (link.source.title === DEMO_ARMENIAN_MOD_SOURCE.title) expect(link.excerpt).toBe('');
        else expect(article.includes(link.excerpt) && link.excerpt.length > 20, link.excerpt).toBe(true);
      }
      // A verbatim quote is the claimant's words as the article prints them.
      if (item.quoteKind === 'verbatim') {
        for (const sentence of item.quote.split(/(?<=\.) /)) expect(article.includes(sentence.replace(/\.$/, '')), sentence).toBe(true);
      }
    }
  });

  it('adds Armenia’s position as a paraphrased counterclaim to the accusation, citing a record without a URL, flagged on the desk', async () => {
    const dossier = await getDossierBySlug(database.db, 'nagorno-karabakh-2020');
    const { items } = await listClaims(database.db, { ...claimFilters.parse({}), dossierId: dossier.id, limit: 100 });
    const counter = items.find((item) => item.statement.startsWith('Azerbaijan attacked first'))!;
    expect(counter).toMatchObject({ quoteKind: 'paraphrase', party: { name: 'Armenia' }, claimant: { name: 'Ministry of Defence of Armenia' } });
    expect(counter.internalNotes).toContain('Paraphrase of public record; find and link the original.');
    const claim = await getClaim(database.db, counter.id);
    expect(claim.sources.map((link) => [link.source.title, link.source.url])).toEqual([[DEMO_ARMENIAN_MOD_SOURCE.title, null]]);
    expect(claim.relations.outgoing).toHaveLength(1);
    expect(claim.relations.outgoing[0]).toMatchObject({
      kind: 'counters',
      claim: { statement: 'Armenian forces violated the ceasefire.', claimantName: 'Azerbaijan', deleted: false },
    });
  });

  it('shows readers the accusation and Armenia’s counterclaim side by side, without the desk notes', async () => {
    const dossier = await getDossierBySlug(database.db, 'nagorno-karabakh-2020');
    const view = await listPublicClaimsByDay(database.db, dossier.id);
    expect(view.parties.map((party) => party.name)).toEqual(['Azerbaijan', 'Armenia', 'Nagorno-Karabakh authorities']);
    const shown = view.days.flatMap((day) => day.claims);
    expect(shown).toHaveLength(DEMO_CLAIMS.length);
    const accusation = shown.find((claim) => claim.statement === 'Armenian forces violated the ceasefire.')!;
    expect(accusation.party?.name).toBe('Azerbaijan');
    expect(accusation.relations.incoming).toEqual([
      expect.objectContaining({ kind: 'counters', claim: expect.objectContaining({ public: true, claimantName: 'Ministry of Defence of Armenia' }) }),
    ]);
    const text = JSON.stringify(view);
    for (const claim of DEMO_CLAIMS) if (claim.internalNotes) expect(text).not.toContain(claim.internalNotes);
    expect(text).not.toContain('find and link the original');
  });

  describe('international reactions', () => {
    let items: ReactionListItem[];
    let article: string;
    beforeAll(async () => {
      article = fs.readFileSync(fixturePath, 'utf8');
      const dossier = await getDossierBySlug(database.db, 'nagorno-karabakh-2020');
      ({ items } = await listReactions(database.db, { ...reactionFilters.parse({}), dossierId: dossier.id, cursor: null, limit: 100 }));
    });
    const reactionBy = (name: string, fragment = '') => {
      const found = items.filter((item) => item.signatories[0]!.actor.name === name && item.paraphrase.includes(fragment));
      expect(found, `${name} ${fragment}`).toHaveLength(1);
      return found[0]!;
    };
    const alignmentsOf = (item: ReactionListItem) => Object.fromEntries(item.alignments.map((row) => [row.party.name, row.alignment]));

    it('records all eleven reactions of the article, the joint statement as one', () => {
      expect(DEMO_REACTIONS).toHaveLength(11);
      expect(items).toHaveLength(11);
      expect(items.every((item) => !item.needsSource && item.deletedAt === null)).toBe(true);
    });

    it('cites the article with excerpts copied from its text, and quotes only words it prints as quoted', () => {
      for (const item of items) {
        expect(item.sources, item.paraphrase).toHaveLength(1);
        const [link] = item.sources;
        expect(link!.source.title).toBe('Dozens dead as world leaders urge halt to Azerbaijan-Armenia clashes');
        expect(article.includes(link!.excerpt) && link!.excerpt.length > 20, link!.excerpt).toBe(true);
        // Each quoted fragment (joined by " … ") is in the article, in quotation marks, inside this reaction's excerpt.
        if (item.quote) {
          for (const fragment of item.quote.split(' … ')) {
            const words = fragment.replace(/\.$/, '');
            expect(link!.excerpt.includes(words), fragment).toBe(true);
            expect(/["“]/.test(link!.excerpt), fragment).toBe(true);
          }
        }
        expect(item.paraphrase.length).toBeGreaterThan(0);
      }
    });

    it('makes the joint ceasefire call one reaction with four signatories, each counting for itself', () => {
      const joint = reactionBy('France', 'immediate ceasefire');
      expect(joint.signatories.map((row) => [row.actor.name, row.countsFor.name])).toEqual([
        ['France', 'France'],
        ['Germany', 'Germany'],
        ['Italy', 'Italy'],
        ['European Union', 'European Union'],
      ]);
      expect(joint).toMatchObject({ primaryStance: 'ceasefire', stances: ['ceasefire'], quote: 'immediate ceasefire', targets: [] });
    });

    it('counts Edi Rama’s call for the OSCE by override, not Albania', () => {
      const rama = reactionBy('Edi Rama');
      expect(rama.signatories).toHaveLength(1);
      expect(rama.signatories[0]).toMatchObject({ countsFor: { name: 'Organization for Security and Co-operation in Europe' }, overridden: true });
      expect(rama.primaryStance).toBe('ceasefire');
    });

    it('puts Erdoğan with Azerbaijan and against Armenia, from his tweet of full support', () => {
      const erdogan = reactionBy('Recep Tayyip Erdoğan');
      expect(erdogan).toMatchObject({ primaryStance: 'supports_party', channel: 'social_media', targets: [{ name: 'Azerbaijan' }] });
      expect(erdogan.signatories[0]!.countsFor.name).toBe('Turkey');
      expect(alignmentsOf(erdogan)).toEqual({ Azerbaijan: 'with', Armenia: 'against', 'Nagorno-Karabakh authorities': 'against' });
      expect(erdogan.alignments.every((row) => !row.edited)).toBe(true);
    });

    it('codes the other reactions’ stances, speakers, roll-ups, channels and dates as the article gives them', () => {
      const macron = reactionBy('Emmanuel Macron');
      expect(macron).toMatchObject({ primaryStance: 'ceasefire', stances: ['ceasefire', 'concern'], reactedPrecision: 'day', signatories: [{ countsFor: { name: 'France' } }] });
      expect(macron.reactedAt?.toISOString()).toBe('2020-09-27T00:00:00.000Z');

      expect(reactionBy('Pope Francis')).toMatchObject({ primaryStance: 'sympathy', signatories: [{ countsFor: { name: 'Holy See' } }] });

      const guterres = reactionBy('António Guterres', 'condemned');
      expect(guterres).toMatchObject({
        primaryStance: 'ceasefire',
        stances: ['ceasefire', 'talks', 'condemns'],
        targets: [],
        speaker: { name: 'Spokesperson for the UN Secretary-General' },
        signatories: [{ countsFor: { name: 'United Nations' } }],
      });
      // Condemning the use of force without naming a side stays neutral.
      expect(alignmentsOf(guterres)).toEqual({ Azerbaijan: 'neutral', Armenia: 'neutral', 'Nagorno-Karabakh authorities': 'neutral' });
      expect(reactionBy('António Guterres', 'Aliyev')).toMatchObject({ channel: 'phone_call', primaryStance: 'mediation', targets: [{ name: 'Azerbaijan' }] });
      expect(reactionBy('António Guterres', 'Pashinyan')).toMatchObject({ channel: 'phone_call', primaryStance: 'mediation', targets: [{ name: 'Armenia' }] });

      const us = reactionBy('United States Department of State');
      expect(us).toMatchObject({ primaryStance: 'ceasefire', stances: ['ceasefire', 'condemns', 'concern', 'sympathy'], signatories: [{ countsFor: { name: 'United States' } }] });
      expect(us.quote).toContain('We extend our condolences');
      expect(us.quote).toContain('condemns in the strongest terms');
      expect(alignmentsOf(us)).toEqual({ Azerbaijan: 'neutral', Armenia: 'neutral', 'Nagorno-Karabakh authorities': 'neutral' });

      expect(reactionBy('Vladimir Putin')).toMatchObject({ channel: 'phone_call', primaryStance: 'ceasefire', quote: 'an end to hostilities' });
      expect(reactionBy('Sergey Lavrov')).toMatchObject({
        primaryStance: 'mediation',
        stances: ['mediation', 'ceasefire', 'talks'],
        speaker: { name: 'Maria Zakharova' },
        signatories: [{ countsFor: { name: 'Russia' } }],
      });

      for (const item of items) {
        if (item.signatories[0]!.actor.name === 'Emmanuel Macron') continue;
        // Dated by the lede's "international calls on Sept. 27", not by a date of their own.
        expect([item.reactedAt?.toISOString(), item.reactedPrecision], item.paraphrase).toEqual(['2020-09-27T00:00:00.000Z', 'approximate']);
      }
    });

    it('shows readers the reactions grouped as reference works list them, without the desk notes', async () => {
      const overview = await getPublicReactionsOverview(database.db, 'nagorno-karabakh-2020');
      expect(overview.total).toBe(11);
      expect(overview.groups.map((group) => [group.group, group.entities.map((entity) => entity.entity.name)])).toEqual([
        ['organisation', ['European Union', 'Organization for Security and Co-operation in Europe', 'United Nations']],
        ['state', ['France', 'Germany', 'Italy', 'Russia', 'Turkey', 'United States']],
        ['other', ['Holy See']],
      ]);
      const turkey = overview.groups[1]!.entities.find((entity) => entity.entity.name === 'Turkey')!;
      expect(turkey.primaryStance).toBe('supports_party');
      expect(turkey.alignments.map((row) => row.alignment)).toEqual(['with', 'against', 'against']);
      expect(overview.notYetReacted).toHaveLength(18);
      const text = JSON.stringify(overview);
      for (const reaction of DEMO_REACTIONS) expect(text).not.toContain(reaction.internalNotes);
      expect(text).not.toContain('Dujarric');
    });
  });

  it('sets a public watch list: the 2020 Security Council, the parties’ neighbours, their regional organisations, the UN and the EU', async () => {
    const dossier = await getDossierBySlug(database.db, 'nagorno-karabakh-2020');
    const list = await getWatchList(database.db, dossier.id);
    expect(list.isPublic).toBe(true);
    const codes = list.members.flatMap((member) => (member.actor.kind === 'state' ? [member.actor.countryCode] : []));
    expect(codes).toEqual(['CN', 'FR', 'RU', 'GB', 'US', 'BE', 'DO', 'EE', 'DE', 'ID', 'NE', 'VC', 'ZA', 'TN', 'VN', 'GE', 'IR', 'TR']);
    const reacted = list.members.filter((member) => member.reacted).map((member) => member.actor.name);
    expect(reacted.sort()).toEqual(
      ['European Union', 'France', 'Germany', 'Organization for Security and Co-operation in Europe', 'Russia', 'Turkey', 'United Nations', 'United States'].sort(),
    );
    expect(list.members).toHaveLength(26);
    // Readers see who has not reacted yet: the eighteen others, the Council's ten silent members among them.
    const silent = (await publicNotYetReacted(database.db, dossier.id))!.map((actor) => actor.name);
    expect(silent).toHaveLength(18);
    expect(silent).toEqual(expect.arrayContaining(['China', 'Georgia', 'Iran', 'Council of Europe', 'Collective Security Treaty Organization']));
    expect(silent).not.toContain('France');
  });

  it.runIf(fs.existsSync(sharedSeedPath))('keeps its fixture identical to the shared seed text', () => {
    expect(fs.readFileSync(fixturePath)).toEqual(fs.readFileSync(sharedSeedPath));
  });
});
