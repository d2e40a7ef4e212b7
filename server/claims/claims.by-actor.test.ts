import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteDossier } from '@/server/dossiers/dossiers.service';
import { callerFor, claimInput, expectTrpcError, type Caller } from '@/server/testing/fixtures';
import { createTestDatabase, createTestUsers, type TestUsers } from '@/server/testing/test-database';
import type { CreateClaimInput } from './claims.input';
import { makeActor, makeDossier, makeParty, makeSource } from './claims.test-helpers';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let users: TestUsers;
let editor: Caller;
let viewer: Caller;

beforeAll(async () => {
  database = await createTestDatabase();
  users = await createTestUsers(database);
  editor = callerFor(database.db, users.editor);
  viewer = callerFor(database.db, users.viewer);
});
afterAll(() => database.cleanup());

const day = (iso: string) => new Date(`${iso}T12:00:00Z`);

/**
 * Two dossiers with Azerbaijan and Armenia as parties; Azerbaijan speaks (itself and through a ministry), is spoken
 * about, and speaks about itself; other actors' claims are noise the actor page must not show.
 */
async function scene() {
  const azerbaijan = await makeActor(database.db, { name: 'Azerbaijan' });
  const armenia = await makeActor(database.db, { name: 'Armenia' });
  const ministry = await makeActor(database.db, { name: 'Ministry of Defence of Azerbaijan', kind: 'government_body', affiliationId: azerbaijan.id });
  const un = await makeActor(database.db, { name: 'United Nations', kind: 'international_organisation' });
  const first = await makeDossier(database.db, users.editor);
  const second = await makeDossier(database.db, users.editor);
  for (const dossier of [first, second]) {
    await makeParty(database.db, dossier.id, azerbaijan.id, 0);
    await makeParty(database.db, dossier.id, armenia.id, 1);
  }
  const sourceOf = {
    [first.id]: await makeSource(database.db, users.editor, first.id),
    [second.id]: await makeSource(database.db, users.editor, second.id),
  };
  const claim = (dossierId: string, overrides: Partial<CreateClaimInput>, sourced = true) =>
    editor.claims.create(claimInput(dossierId, { sources: sourced ? [{ sourceId: sourceOf[dossierId]!.id, excerpt: '' }] : [], ...overrides }));
  return { azerbaijan, armenia, ministry, un, first, second, claim };
}

describe('claims.byActor: every claim of an actor across dossiers', () => {
  it('lists claims the actor made and claims about it from every dossier, newest said first, undated last', async () => {
    const { azerbaijan, armenia, ministry, un, first, second, claim } = await scene();
    const own = await claim(first.id, { claimantId: azerbaijan.id, about: [armenia.id], statement: 'Armenian forces shelled Terter', saidAt: day('2020-09-28'), status: 'disputed' });
    const accused = await claim(second.id, { claimantId: armenia.id, about: [azerbaijan.id], statement: 'Azerbaijan attacked first', saidAt: day('2020-09-27') }, false);
    const both = await claim(second.id, { claimantId: azerbaijan.id, about: [azerbaijan.id, armenia.id], statement: 'Both sides agreed to talks', saidAt: day('2020-10-10') });
    const undated = await claim(first.id, { claimantId: azerbaijan.id, statement: 'An undated statement' });
    // Its ministry's claims count for it as a party, but the ministry is another actor: they belong on its own page.
    await claim(first.id, { claimantId: ministry.id, about: [armenia.id], statement: 'The ministry says', saidAt: day('2020-09-29') });
    await claim(first.id, { claimantId: un.id, about: [armenia.id], statement: 'Unrelated', saidAt: day('2020-09-30') });

    const page = await viewer.claims.byActor({ actorId: azerbaijan.id, limit: 50 });
    expect(page.nextCursor).toBeNull();
    expect(page.items.map((item) => [item.statement, item.roles])).toEqual([
      ['Both sides agreed to talks', ['claimant', 'about']],
      ['Armenian forces shelled Terter', ['claimant']],
      ['Azerbaijan attacked first', ['about']],
      ['An undated statement', ['claimant']],
    ]);
    expect(page.items.map((item) => item.id)).toEqual([both.id, own.id, accused.id, undated.id]);

    const [, shelled, attacked] = page.items;
    expect(shelled).toEqual({
      id: own.id,
      dossier: { id: first.id, slug: first.slug, title: first.title },
      claimant: { id: azerbaijan.id, name: 'Azerbaijan' },
      party: { id: azerbaijan.id, name: 'Azerbaijan' },
      roles: ['claimant'],
      statement: 'Armenian forces shelled Terter',
      status: 'disputed',
      category: 'other',
      saidAt: day('2020-09-28'),
      saidPrecision: 'day',
      needsSource: false,
    });
    expect(attacked).toMatchObject({
      dossier: { id: second.id, slug: second.slug, title: second.title },
      claimant: { id: armenia.id, name: 'Armenia' },
      party: { id: armenia.id, name: 'Armenia' },
      status: 'unverified',
      needsSource: true,
    });
    // Desk notes are not part of this list.
    expect(shelled).not.toHaveProperty('internalNotes');

    // The party is found up the claimant's affiliation chain, as in the claims table.
    const ministryPage = await viewer.claims.byActor({ actorId: ministry.id, limit: 50 });
    expect(ministryPage.items.map((item) => [item.statement, item.party])).toEqual([['The ministry says', { id: azerbaijan.id, name: 'Azerbaijan' }]]);
  });

  it('filters to the claims the actor made, or to those about it', async () => {
    const { azerbaijan, armenia, first, claim } = await scene();
    await claim(first.id, { claimantId: azerbaijan.id, about: [armenia.id], statement: 'Made', saidAt: day('2020-09-28') });
    await claim(first.id, { claimantId: armenia.id, about: [azerbaijan.id], statement: 'About', saidAt: day('2020-09-27') });
    await claim(first.id, { claimantId: azerbaijan.id, about: [azerbaijan.id], statement: 'Both', saidAt: day('2020-09-26') });
    const statements = async (role: 'claimant' | 'about' | 'any') =>
      (await viewer.claims.byActor({ actorId: azerbaijan.id, role, limit: 50 })).items.map((item) => item.statement);
    expect(await statements('claimant')).toEqual(['Made', 'Both']);
    expect(await statements('about')).toEqual(['About', 'Both']);
    expect(await statements('any')).toEqual(['Made', 'About', 'Both']);
    expect((await viewer.claims.byActor({ actorId: armenia.id, role: 'claimant', limit: 50 })).items.map((item) => item.statement)).toEqual(['About']);
  });

  it('leaves out deleted claims and every claim of a deleted dossier', async () => {
    const { azerbaijan, first, second, claim } = await scene();
    const removed = await claim(first.id, { claimantId: azerbaijan.id, statement: 'Removed', saidAt: day('2020-09-28') });
    await claim(first.id, { claimantId: azerbaijan.id, statement: 'Kept', saidAt: day('2020-09-27') });
    await claim(second.id, { claimantId: azerbaijan.id, statement: 'In a deleted dossier', saidAt: day('2020-09-29') });
    await editor.claims.delete({ id: removed.id, version: removed.version });
    await deleteDossier(database.db, users.editor, { id: second.id, version: second.version });
    const page = await viewer.claims.byActor({ actorId: azerbaijan.id, limit: 50 });
    expect(page.items.map((item) => item.statement)).toEqual(['Kept']);
  });

  it('pages with a keyset cursor: every claim once, in order, even when claims share a moment', async () => {
    const { azerbaijan, armenia, first, second, claim } = await scene();
    const made: string[] = [];
    for (const [index, saidAt] of ['2020-09-27', '2020-09-27', '2020-09-28', null, '2020-09-28', '2020-10-01', null].entries()) {
      const about = index % 2 === 0 ? [] : [azerbaijan.id];
      const claimantId = index % 2 === 0 ? azerbaijan.id : armenia.id;
      made.push((await claim(index % 3 === 0 ? first.id : second.id, { claimantId, about, statement: `Claim ${index}`, saidAt: saidAt ? day(saidAt) : null })).id);
    }
    const all = await viewer.claims.byActor({ actorId: azerbaijan.id, limit: 50 });
    expect(all.items).toHaveLength(made.length);

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Awaited<ReturnType<typeof viewer.claims.byActor>> = await viewer.claims.byActor({ actorId: azerbaijan.id, cursor, limit: 2 });
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(4);
    expect(seen).toEqual(all.items.map((item) => item.id));
    expect(all.items.map((item) => item.saidAt?.toISOString().slice(0, 10) ?? null)).toEqual([
      '2020-10-01',
      '2020-09-28',
      '2020-09-28',
      '2020-09-27',
      '2020-09-27',
      null,
      null,
    ]);
  });

  it('answers an actor without claims with an empty page, and refuses bad input with field-named messages', async () => {
    const { azerbaijan } = await scene();
    const loner = await makeActor(database.db, { name: 'Nobody in particular' });
    expect(await viewer.claims.byActor({ actorId: loner.id, limit: 10 })).toEqual({ items: [], nextCursor: null });
    await expectTrpcError(viewer.claims.byActor({ actorId: 'not-an-id', limit: 10 }), 'BAD_REQUEST', 'actorId:');
    await expectTrpcError(
      viewer.claims.byActor({ actorId: azerbaijan.id, role: 'witness' as never, limit: 10 }),
      'BAD_REQUEST',
      'role: Role must be one of: claimant, about, any',
    );
    await expectTrpcError(viewer.claims.byActor({ actorId: azerbaijan.id, cursor: 'forged', limit: 10 }), 'BAD_REQUEST', 'cursor:');
  });
});
