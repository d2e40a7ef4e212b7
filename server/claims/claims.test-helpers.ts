import { actors, dossierParties, type ActorKind } from '@/server/actors/schema';
import type { Database } from '@/server/db/client';
import { createDossier, setDossierPublished } from '@/server/dossiers/dossiers.service';
import { createSource } from '@/server/sources/sources.service';
import { dossierInput, sourceInput, unique } from '@/server/testing/fixtures';
import type { SessionUser } from '@/server/users/users.service';

/** Test fixtures for the claims tests: actors and parties written straight to their tables. */

export async function makeActor(
  db: Database,
  values: { name?: string; kind?: ActorKind; affiliationId?: string | null; title?: string; internalNotes?: string } = {},
) {
  const [actor] = await db
    .insert(actors)
    .values({
      name: values.name ?? unique('Actor'),
      kind: values.kind ?? 'state',
      affiliationId: values.affiliationId ?? null,
      title: values.title ?? '',
      internalNotes: values.internalNotes ?? '',
    })
    .returning();
  return actor!;
}

export async function makeParty(db: Database, dossierId: string, actorId: string, position: number) {
  const [party] = await db.insert(dossierParties).values({ dossierId, actorId, position, role: 'party' }).returning();
  return party!;
}

export async function makeDossier(db: Database, user: SessionUser, published = false) {
  const dossier = await createDossier(db, user, dossierInput());
  return published ? setDossierPublished(db, user, { id: dossier.id, version: dossier.version, published: true }) : dossier;
}

export async function makeSource(db: Database, user: SessionUser, dossierId: string, overrides: Parameters<typeof sourceInput>[1] = {}) {
  return createSource(db, user, sourceInput(dossierId, { title: unique('Source'), ...overrides }));
}
