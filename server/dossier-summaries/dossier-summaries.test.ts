import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actors } from '@/server/actors/schema';
import { claims, claimSources } from '@/server/claims/schema';
import { createDossier, deleteDossier, setDossierPublished } from '@/server/dossiers/dossiers.service';
import { reactions, reactionSources } from '@/server/reactions/schema';
import { createSource, deleteSource } from '@/server/sources/sources.service';
import { callerFor, dossierInput, sourceInput } from '@/server/testing/fixtures';
import { createTestDatabase, createTestUsers, type TestUsers } from '@/server/testing/test-database';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let users: TestUsers;

beforeAll(async () => {
  database = await createTestDatabase();
  users = await createTestUsers(database);
});
afterAll(() => database.cleanup());

const viewer = () => callerFor(database.db, users.viewer);
const reader = () => callerFor(database.db, null);

/** Claims written as rows: this read model only counts them, the claims service has its own tests. */
async function addClaim(dossierId: string, options: { sourceIds?: string[]; deleted?: boolean } = {}) {
  const [claimant] = await database.db.insert(actors).values({ name: 'Defence Ministry', kind: 'government_body' }).returning();
  const [claim] = await database.db
    .insert(claims)
    .values({ dossierId, claimantId: claimant!.id, statement: 'A statement', deletedAt: options.deleted ? new Date() : null })
    .returning();
  for (const sourceId of options.sourceIds ?? []) await database.db.insert(claimSources).values({ claimId: claim!.id, sourceId });
  return claim!;
}

/** Reactions written as rows, like claims above (the reactions service has its own tests). */
async function addReaction(dossierId: string, options: { sourceIds?: string[]; deleted?: boolean } = {}) {
  const [reaction] = await database.db
    .insert(reactions)
    .values({ dossierId, stances: ['concern'], primaryStance: 'concern', paraphrase: 'Concerned.', deletedAt: options.deleted ? new Date() : null })
    .returning();
  for (const sourceId of options.sourceIds ?? []) await database.db.insert(reactionSources).values({ reactionId: reaction!.id, sourceId });
  return reaction!;
}

describe('dossier summaries: the lists with child counts', () => {
  it('counts live sources and live claims on the desk, and on the public home only what readers can open', async () => {
    const dossier = await createDossier(database.db, users.editor, dossierInput());
    const kept = await createSource(database.db, users.editor, sourceInput(dossier.id, { title: 'Kept' }));
    const removed = await createSource(database.db, users.editor, sourceInput(dossier.id, { title: 'Removed' }));
    await deleteSource(database.db, users.editor, removed);

    await addClaim(dossier.id, { sourceIds: [kept.id] }); // public
    await addClaim(dossier.id, { sourceIds: [kept.id, removed.id] }); // public: one live source is enough
    await addClaim(dossier.id); // needs a source: desk only
    await addClaim(dossier.id, { sourceIds: [removed.id] }); // its only source was deleted: desk only
    await addClaim(dossier.id, { sourceIds: [kept.id], deleted: true }); // deleted: nowhere

    await addReaction(dossier.id, { sourceIds: [kept.id, removed.id] }); // public
    await addReaction(dossier.id); // needs a source: desk only
    await addReaction(dossier.id, { sourceIds: [removed.id] }); // its only source was deleted: desk only
    await addReaction(dossier.id, { sourceIds: [kept.id], deleted: true }); // deleted: nowhere

    const desk = (await viewer().dossiers.list({ deleted: false })).find((row) => row.id === dossier.id);
    expect(desk).toMatchObject({ sourceCount: 1, claimCount: 4, reactionCount: 3 });

    expect((await reader().dossiers.listPublished()).map((row) => row.slug)).not.toContain(dossier.slug);
    await setDossierPublished(database.db, users.editor, { id: dossier.id, version: dossier.version, published: true });
    const home = (await reader().dossiers.listPublished()).find((row) => row.slug === dossier.slug);
    expect(home).toMatchObject({ sourceCount: 1, claimCount: 2, reactionCount: 1 });
  });

  it('counts each dossier’s own children only, and lists deleted dossiers with their counts for restoring', async () => {
    const first = await createDossier(database.db, users.editor, dossierInput());
    const second = await createDossier(database.db, users.editor, dossierInput());
    const source = await createSource(database.db, users.editor, sourceInput(first.id));
    await addClaim(first.id, { sourceIds: [source.id] });
    await addClaim(first.id);
    await addReaction(first.id, { sourceIds: [source.id] });

    const live = await viewer().dossiers.list({ deleted: false });
    expect(live.find((row) => row.id === first.id)).toMatchObject({ sourceCount: 1, claimCount: 2, reactionCount: 1 });
    expect(live.find((row) => row.id === second.id)).toMatchObject({ sourceCount: 0, claimCount: 0, reactionCount: 0 });

    await deleteDossier(database.db, users.editor, first);
    const deleted = await viewer().dossiers.list({ deleted: true });
    expect(deleted.find((row) => row.id === first.id)).toMatchObject({ sourceCount: 1, claimCount: 2, reactionCount: 1 });
    expect((await viewer().dossiers.list({ deleted: false })).map((row) => row.id)).not.toContain(first.id);
  });
});
