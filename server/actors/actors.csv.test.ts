import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimAbout, claims, claimSources } from '@/server/claims/schema';
import { createDossier, setDossierPublished } from '@/server/dossiers/dossiers.service';
import { addParty } from '@/server/parties/parties.service';
import { createSource, deleteSource } from '@/server/sources/sources.service';
import { actorInput, dossierInput, readCsv, sourceInput } from '@/server/testing/fixtures';
import { createTestDatabase, createTestUsers, type TestUsers } from '@/server/testing/test-database';
import { listPublicActorsOfDossier, publicActorColumns, publicActorsCsv, publicActorsEtag } from './actors.csv';
import type { CreateActorInput } from './actors.input';
import { createActor } from './actors.service';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let users: TestUsers;

const CANARY = 'CANARY-internal-7f3a';

beforeAll(async () => {
  database = await createTestDatabase();
  users = await createTestUsers(database);
});
afterAll(() => database.cleanup());

const actor = (overrides: Partial<CreateActorInput>) =>
  createActor(database.db, users.editor, actorInput({ internalNotes: `${CANARY} ${overrides.name}`, allowDuplicate: true, ...overrides }));

async function claim(dossierId: string, claimantId: string, about: string[], sourceIds: string[]) {
  const [row] = await database.db.insert(claims).values({ dossierId, claimantId, statement: 'A claim', internalNotes: CANARY }).returning();
  if (about.length) await database.db.insert(claimAbout).values(about.map((actorId) => ({ claimId: row!.id, actorId })));
  if (sourceIds.length) await database.db.insert(claimSources).values(sourceIds.map((sourceId) => ({ claimId: row!.id, sourceId })));
  return row!;
}

describe('public actors CSV of a dossier', () => {
  it("has the dossier's parties, in order, then the actors its public claims name — public fields only", async () => {
    const draft = await createDossier(database.db, users.editor, dossierInput());
    const dossier = await setDossierPublished(database.db, users.editor, { id: draft.id, version: draft.version, published: true });
    const source = await createSource(database.db, users.editor, sourceInput(dossier.id, { url: 'https://example.com/a' }));
    const doomed = await createSource(database.db, users.editor, sourceInput(dossier.id, { url: 'https://example.com/b' }));

    const azerbaijan = await actor({ name: 'Azerbaijan', kind: 'state', countryCode: 'AZ', aliases: ['Republic of Azerbaijan', 'AZ'], description: 'State' });
    const armenia = await actor({ name: 'Armenia', kind: 'state', countryCode: 'AM' });
    const ministry = await actor({ name: '=Defence Ministry', kind: 'government_body', affiliationId: azerbaijan.id, title: 'Ministry' });
    const terter = await actor({ name: 'Terter residents', kind: 'other' });
    const unsourced = await actor({ name: 'Unsourced speaker', kind: 'person' });
    const deletedSourceOnly = await actor({ name: 'Deleted-source speaker', kind: 'person' });
    await actor({ name: 'Unrelated', kind: 'person' });

    await addParty(database.db, users.editor, { dossierId: dossier.id, actorId: azerbaijan.id, role: 'party' });
    await addParty(database.db, users.editor, { dossierId: dossier.id, actorId: armenia.id, role: 'party' });
    await claim(dossier.id, ministry.id, [terter.id], [source.id]);
    await claim(dossier.id, unsourced.id, [terter.id], []);
    await claim(dossier.id, deletedSourceOnly.id, [], [doomed.id]);
    await deleteSource(database.db, users.editor, { id: doomed.id, version: doomed.version });

    const rows = await listPublicActorsOfDossier(database.db, dossier.id);
    expect(rows.map((row) => row.name)).toEqual(['Azerbaijan', 'Armenia', '=Defence Ministry', 'Terter residents']);

    const text = await readCsv(publicActorsCsv(rows));
    expect(text).not.toContain(CANARY);
    expect(text.toLowerCase()).not.toContain('internal');
    const headers = ['id', 'name', 'kind', 'country_code', 'country', 'affiliation', 'title', 'aliases', 'description', 'party_role'];
    expect(publicActorColumns.map((column) => column.header)).toEqual(headers);
    expect(text.startsWith(`\uFEFF${headers.join(',')}\r\n`)).toBe(true);
    const records = parse(text, { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(records[0]).toEqual({
      id: azerbaijan.id,
      name: 'Azerbaijan',
      kind: 'state',
      country_code: 'AZ',
      country: 'Azerbaijan',
      affiliation: '',
      title: '',
      aliases: 'Republic of Azerbaijan; AZ',
      description: 'State',
      party_role: 'party',
    });
    expect(records[2]).toMatchObject({ name: "'=Defence Ministry", affiliation: 'Azerbaijan', title: 'Ministry', party_role: '' });

    expect(publicActorsEtag(dossier.id, rows)).toBe(publicActorsEtag(dossier.id, await listPublicActorsOfDossier(database.db, dossier.id)));
  });

  it('is empty for a draft dossier', async () => {
    const draft = await createDossier(database.db, users.editor, dossierInput());
    const state = await actor({ name: 'Georgia', kind: 'state', countryCode: 'GE' });
    await addParty(database.db, users.editor, { dossierId: draft.id, actorId: state.id, role: 'party' });
    expect(await listPublicActorsOfDossier(database.db, draft.id)).toEqual([]);
  });
});
