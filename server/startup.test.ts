import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dossiers } from '@/server/dossiers/schema';
import { readEnvironment } from '@/server/env';
import { createTestDatabase } from '@/server/testing/test-database';
import { users } from '@/server/users/schema';
import { findUserByEmail } from '@/server/users/users.service';
import { missingProductionSecret } from './boot';
import { prepareDatabase } from './startup';

let database: Awaited<ReturnType<typeof createTestDatabase>>;

const environment = (values: Record<string, string>) => readEnvironment({ ...values } as NodeJS.ProcessEnv);

describe('first start', () => {
  beforeEach(async () => {
    database = await createTestDatabase();
  });
  afterEach(() => database.cleanup());

  it('creates the first admin from ADMIN_EMAIL and ADMIN_PASSWORD on an empty production database, without demo data', async () => {
    await prepareDatabase({ ...database, driver: 'postgres' }, environment({ NODE_ENV: 'production', ADMIN_EMAIL: 'Chief@Newsroom.example', ADMIN_PASSWORD: 'a long admin password' }));
    const admin = await findUserByEmail(database.db, 'chief@newsroom.example');
    expect(admin?.role).toBe('admin');
    expect(await database.db.select().from(users)).toHaveLength(1);
    expect(await database.db.select().from(dossiers)).toHaveLength(0);
  });

  it('does not add the bootstrap admin once the database has users', async () => {
    await prepareDatabase(database, environment({ NODE_ENV: 'production', ADMIN_EMAIL: 'one@newsroom.example', ADMIN_PASSWORD: 'a long admin password' }));
    await prepareDatabase(database, environment({ NODE_ENV: 'production', ADMIN_EMAIL: 'two@newsroom.example', ADMIN_PASSWORD: 'a long admin password' }));
    expect(await findUserByEmail(database.db, 'two@newsroom.example')).toBeNull();
  });

  it('seeds the demo dossier and accounts on the embedded development database only', async () => {
    await prepareDatabase({ ...database, driver: 'pglite' }, environment({ NODE_ENV: 'development' }));
    expect(await findUserByEmail(database.db, 'editor@example.org')).not.toBeNull();
    expect((await database.db.select().from(dossiers)).map((row) => row.slug)).toEqual(['nagorno-karabakh-2020']);
  });

  it('does not seed demo accounts into a PostgreSQL database unless asked', async () => {
    await prepareDatabase({ ...database, driver: 'postgres' }, environment({ NODE_ENV: 'development' }));
    expect(await database.db.select().from(users)).toHaveLength(0);
    await prepareDatabase({ ...database, driver: 'postgres' }, environment({ NODE_ENV: 'development', SEED_DEMO: '1' }));
    expect(await findUserByEmail(database.db, 'admin@example.org')).not.toBeNull();
  });
});

describe('production secret', () => {
  it('refuses production without AUTH_SECRET in one line saying how to make one', () => {
    const message = missingProductionSecret({ NODE_ENV: 'production' } as NodeJS.ProcessEnv);
    expect(message).toMatch(/AUTH_SECRET/);
    expect(message).toMatch(/openssl rand -base64 32/);
    expect(message).not.toContain('\n');
    expect(missingProductionSecret({ NODE_ENV: 'production', AUTH_SECRET: 'x'.repeat(44) } as NodeJS.ProcessEnv)).toBeNull();
    expect(missingProductionSecret({ NODE_ENV: 'development' } as NodeJS.ProcessEnv)).toBeNull();
  });
});
