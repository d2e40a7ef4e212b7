import { and, eq } from 'drizzle-orm';
import type { Database } from '@/server/db/client';
import { createDossier, getDossierBySlug, setDossierPublished } from '@/server/dossiers/dossiers.service';
import { dossiers } from '@/server/dossiers/schema';
import { sources } from '@/server/sources/schema';
import { createSource } from '@/server/sources/sources.service';
import type { Role } from '@/server/users/schema';
import { createUser, findUserByEmail } from '@/server/users/users.service';

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

export async function seedDemoDossier(db: Database): Promise<void> {
  const admin = await findUserByEmail(db, DEMO_ACCOUNTS[0]!.email);
  if (!admin) throw new Error('seedDemoDossier needs the demo admin; run seedDemoAccounts first.');
  const actor = { id: admin.id };

  const [existing] = await db.select({ id: dossiers.id }).from(dossiers).where(eq(dossiers.slug, DEMO_DOSSIER.slug));
  if (!existing) {
    const created = await createDossier(db, actor, DEMO_DOSSIER);
    await setDossierPublished(db, actor, { id: created.id, version: created.version, published: true });
  }
  const dossier = await getDossierBySlug(db, DEMO_DOSSIER.slug);

  const [article] = await db
    .select({ id: sources.id })
    .from(sources)
    .where(and(eq(sources.dossierId, dossier.id), eq(sources.title, DEMO_ARTICLE_SOURCE.title)));
  if (!article) await createSource(db, actor, { dossierId: dossier.id, ...DEMO_ARTICLE_SOURCE });
}

export async function seedDemo(db: Database): Promise<void> {
  await seedDemoAccounts(db);
  await seedDemoDossier(db);
}
