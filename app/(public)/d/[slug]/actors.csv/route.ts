import { listPublicActorsOfDossier, publicActorsCsv, publicActorsEtag } from '@/server/actors/actors.csv';
import { csvResponse, strongEtag } from '@/server/csv/csv';
import { slugSchema } from '@/server/dossiers/dossiers.input';
import { getPublishedDossier } from '@/server/dossiers/dossiers.service';
import { ServiceError } from '@/server/errors';
import { withDatabaseErrors } from '@/server/http/with-database';
import { tagPublicResponse } from '@/server/public-cache/page-tags';
import { publicResponseTags } from '@/server/public-cache/response-tags';
import { getAppDatabase } from '@/server/startup';

/** Bump when the public columns or their formatting change, so caches do not keep a copy in the old layout. */
const PUBLIC_CSV_FORMAT = 'public-actors-csv/1';

const notFound = () => new Response('Not found', { status: 404, headers: { 'Cache-Control': 'no-store' } });

/**
 * The actors of a published dossier — its parties and everyone its public claims name — public fields only (never
 * internal notes). Same caching as the other public CSVs: cached by Next until a write expires its tags (an actor's
 * name: every public response), ETag + `no-cache` for readers' caches.
 */
export const dynamic = 'force-static';
export function generateStaticParams(): Array<{ slug: string }> {
  return [];
}

export const GET = withDatabaseErrors(async function publicActorsCsv_(_request: Request, context: { params: Promise<{ slug: string }> }) {
  // A slug that no dossier can have (NUL, stray bytes, wrong characters) is a 404 without touching the database.
  const slug = slugSchema.safeParse((await context.params).slug);
  if (!slug.success) return notFound();
  const { db } = await getAppDatabase();
  let dossier;
  try {
    dossier = await getPublishedDossier(db, slug.data);
  } catch (error) {
    if (!(error instanceof ServiceError && error.code === 'NOT_FOUND')) throw error;
    await tagPublicResponse(publicResponseTags(null));
    return notFound();
  }
  await tagPublicResponse(publicResponseTags(dossier));
  // A dossier's actors are few: read once, the ETag names exactly these rows.
  const rows = await listPublicActorsOfDossier(db, dossier.id);
  const etag = strongEtag(PUBLIC_CSV_FORMAT, publicActorsEtag(dossier.id, rows));
  return csvResponse(publicActorsCsv(rows), `${dossier.slug}-actors.csv`, { public: true, etag });
});
