import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getSessionUser } from '@/server/auth/session';
import { createDossier, setDossierPublished } from '@/server/dossiers/dossiers.service';
import { createSource } from '@/server/sources/sources.service';
import { callByPath, callerFor, dossierInput, signedInCookie, sourceInput, trpcErrorOf, unique } from '@/server/testing/fixtures';
import { plausibleInput, type Seeded } from '@/server/testing/procedure-inputs';
import { createTestDatabase, createTestUsers, TEST_PASSWORD, type TestUsers } from '@/server/testing/test-database';
import { createUser, setUserActive } from '@/server/users/users.service';
import { appRouter } from './root';

/**
 * The authorization matrix: who may call what. Every procedure of the app router must have an entry here, so a
 * new procedure cannot ship without someone deciding who may call it.
 */
type Access = 'public' | 'viewer' | 'editor' | 'admin';
const expectedAccess: Record<string, Access> = {
  'dossiers.listPublished': 'public',
  'dossiers.publicBySlug': 'public',
  'dossiers.list': 'viewer',
  'dossiers.bySlug': 'viewer',
  'dossiers.byId': 'viewer',
  'dossiers.create': 'editor',
  'dossiers.update': 'editor',
  'dossiers.setPublished': 'editor',
  'dossiers.delete': 'editor',
  'dossiers.restore': 'editor',

  'sources.listPublic': 'public',
  'sources.list': 'viewer',
  'sources.count': 'viewer',
  'sources.byId': 'viewer',
  'sources.findDuplicate': 'viewer',
  'sources.create': 'editor',
  'sources.update': 'editor',
  'sources.delete': 'editor',
  'sources.restore': 'editor',

  'audit.history': 'viewer',
  'audit.dossierActivity': 'viewer',

  'users.me': 'viewer',
  'users.changeOwnPassword': 'viewer',
  'users.list': 'admin',
  'users.create': 'admin',
  'users.setRole': 'admin',
  'users.setActive': 'admin',
  'users.resetPassword': 'admin',
  'users.endSessions': 'admin',

  'actors.list': 'viewer',
  'actors.search': 'viewer',
  'actors.byId': 'viewer',
  'actors.findDuplicates': 'viewer',
  'actors.create': 'editor',
  'actors.update': 'editor',
  'actors.delete': 'editor',
  'actors.restore': 'editor',
  'actors.merge': 'admin',

  'parties.list': 'viewer',
  'parties.add': 'editor',
  'parties.update': 'editor',
  'parties.move': 'editor',
  'parties.remove': 'editor',

  'claims.listPublic': 'public',
  'claims.publicById': 'public',
  'claims.list': 'viewer',
  'claims.count': 'viewer',
  'claims.byId': 'viewer',
  'claims.byActor': 'viewer',
  'claims.create': 'editor',
  'claims.update': 'editor',
  'claims.delete': 'editor',
  'claims.restore': 'editor',

  'reactions.listPublic': 'public',
  'reactions.publicById': 'public',
  'reactions.list': 'viewer',
  'reactions.count': 'viewer',
  'reactions.byId': 'viewer',
  'reactions.timeline': 'viewer',
  'reactions.create': 'editor',
  'reactions.update': 'editor',
  'reactions.delete': 'editor',
  'reactions.restore': 'editor',

  'watchLists.get': 'viewer',
  'watchLists.previewPreset': 'viewer',
  'watchLists.setMembers': 'editor',
  'watchLists.addMembers': 'editor',
  'watchLists.removeMember': 'editor',
  'watchLists.applyPreset': 'editor',
  'watchLists.setPublic': 'editor',

  'intake.analyze': 'editor',
  'intake.draft': 'editor',
  'intake.saveDraft': 'editor',
  'intake.discardDraft': 'editor',
  'intake.accept': 'editor',
  'intake.sourceText': 'editor',
  'intake.sourcesWithText': 'editor',
};

const RANK: Record<Access, number> = { public: 0, viewer: 1, editor: 2, admin: 3 };
const callers = ['anonymous', 'viewer', 'editor', 'admin'] as const;
type CallerName = (typeof callers)[number];
const callerRank: Record<CallerName, number> = { anonymous: 0, viewer: 1, editor: 2, admin: 3 };

const procedurePaths = Object.keys(appRouter._def.procedures).sort();

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let users: TestUsers;
let seeded: Seeded;

beforeAll(async () => {
  database = await createTestDatabase();
  users = await createTestUsers(database);
  const dossier = await createDossier(database.db, users.editor, dossierInput({ title: 'Matrix' }));
  const published = await setDossierPublished(database.db, users.editor, { id: dossier.id, version: dossier.version, published: true });
  const source = await createSource(database.db, users.editor, sourceInput(dossier.id, { url: 'https://example.com/matrix' }));
  seeded = { dossier: published, source };
});
afterAll(() => database.cleanup());

describe('authorization matrix', () => {
  it('has an entry for every procedure, and no entry for a procedure that does not exist', () => {
    expect(procedurePaths.length).toBeGreaterThan(0);
    expect(Object.keys(expectedAccess).sort()).toEqual(procedurePaths);
    expect(Object.keys(plausibleInput).sort()).toEqual(procedurePaths);
  });

  describe.each(procedurePaths)('%s', (path) => {
    it.each(callers)('as %s', async (callerName) => {
      const access = expectedAccess[path];
      const makeInput = plausibleInput[path];
      // A missing entry is reported by the test above; fail here too rather than pass silently.
      expect(access, `no expected access for ${path}`).toBeDefined();
      expect(makeInput, `no plausible input for ${path}`).toBeDefined();
      const user = callerName === 'anonymous' ? null : users[callerName];
      const error = await trpcErrorOf(callByPath(callerFor(database.db, user), path, makeInput!(seeded)));

      if (callerRank[callerName] >= RANK[access!]) {
        // Allowed: the call may fail on business grounds (unknown id, wrong password), never on authorization.
        expect(error?.code ?? 'OK', error?.message).not.toMatch(/^(UNAUTHORIZED|FORBIDDEN|INTERNAL_SERVER_ERROR)$/);
      } else {
        expect(error?.code ?? 'OK').toBe(callerName === 'anonymous' ? 'UNAUTHORIZED' : 'FORBIDDEN');
      }
    });
  });

  it('refuses callers without the role before looking at their input', async () => {
    // A denied caller learns nothing from validation messages: even garbage input gets the authorization answer.
    for (const path of procedurePaths) {
      const access = expectedAccess[path]!;
      if (access === 'public') continue;
      const anonymous = await trpcErrorOf(callByPath(callerFor(database.db, null), path, { id: 'garbage', slug: 42 }));
      expect(anonymous?.code, path).toBe('UNAUTHORIZED');
      if (access !== 'viewer') {
        const viewer = await trpcErrorOf(callByPath(callerFor(database.db, users.viewer), path, { id: 'garbage' }));
        expect(viewer?.code, path).toBe('FORBIDDEN');
      }
    }
  });

  it("refuses every non-public procedure to a disabled user's old session", async () => {
    const account = await createUser(database.db, users.admin, { email: `${unique('leaver')}@test.example`, role: 'admin', password: TEST_PASSWORD });
    const cookie = await signedInCookie(database.db, account.id);
    expect((await getSessionUser(database.db, cookie))?.role).toBe('admin');

    await setUserActive(database.db, users.admin, { id: account.id, active: false });
    const user = await getSessionUser(database.db, cookie);
    expect(user).toBeNull();
    for (const path of procedurePaths) {
      const error = await trpcErrorOf(callByPath(callerFor(database.db, user), path, plausibleInput[path]!(seeded)));
      if (expectedAccess[path] === 'public') expect(error?.code ?? 'OK', path).not.toMatch(/^(UNAUTHORIZED|FORBIDDEN)$/);
      else expect(error?.code, path).toBe('UNAUTHORIZED');
    }
  });
});
