import { listPublicActorsOfDossier, publicActorsCsv, publicActorsEtag } from '@/server/actors/actors.csv';
import { csvResponse, ifNoneMatchMatches, notModified, strongEtag } from '@/server/csv/csv';
import { slugSchema } from '@/server/dossiers/dossiers.input';
import { getPublishedDossier } from '@/server/dossiers/dossiers.service';
import { ServiceError } from '@/server/errors';
import { withDatabaseErrors } from '@/server/http/with-database';
import { getAppDatabase } from '@/server/startup';

/** Bump when the public columns or their formatting change, so caches do not keep a copy in the old layout. */
const PUBLIC_CSV_FORMAT = 'public-actors-csv/1';

const notFound = () => new Response('Not found', { status: 404, headers: { 'Cache-Control': 'no-store' } });

/**
 * The actors of a published dossier — its parties and everyone its public claims name — public fields only (never
 * internal notes). Same caching as the other public CSVs: ETag + `no-cache`, 304 when nothing changed.
 */
export const GET = withDatabaseErrors(async function publicActorsCsv_(request: Request, context: { params: Promise<{ slug: string }> }) {
  // A slug that no dossier can have (NUL, stray bytes, wrong characters) is a 404 without touching the database.
  const slug = slugSchema.safeParse((await context.params).slug);
  if (!slug.success) return notFound();
  const { db } = await getAppDatabase();
  let dossier;
  try {
    dossier = await getPublishedDossier(db, slug.data);
  } catch (error) {
    if (error instanceof ServiceError && error.code === 'NOT_FOUND') return notFound();
    throw error;
  }
  // A dossier's actors are few: read once, the ETag names exactly these rows.
  const rows = await listPublicActorsOfDossier(db, dossier.id);
  const etag = strongEtag(PUBLIC_CSV_FORMAT, publicActorsEtag(dossier.id, rows));
  if (ifNoneMatchMatches(request.headers.get('if-none-match'), etag)) return notModified(etag);
  return csvResponse(publicActorsCsv(rows), `${dossier.slug}-actors.csv`, { public: true, etag });
});
