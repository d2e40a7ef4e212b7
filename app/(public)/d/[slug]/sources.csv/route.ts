import { csvResponse, csvStream, ifNoneMatchMatches, notModified, strongEtag } from '@/server/csv/csv';
import { slugSchema } from '@/server/dossiers/dossiers.input';
import { publicRows, publicSourceColumns } from '@/server/sources/sources.csv';
import { sourceFilters } from '@/server/sources/sources.input';
import { getPublicSourcesFingerprint, iterateSources } from '@/server/sources/sources.service';
import { withDatabaseErrors } from '@/server/http/with-database';
import { getAppDatabase } from '@/server/startup';

/** Bump when the public columns or their formatting change, so caches do not keep a copy in the old layout. */
const PUBLIC_CSV_FORMAT = 'public-sources-csv/1';

const notFound = () => new Response('Not found', { status: 404, headers: { 'Cache-Control': 'no-store' } });

/**
 * Public, stable URL: usable from a spreadsheet's import-from-URL. Published dossiers only, public fields only.
 * Caches must revalidate every use (ETag + `no-cache`), so an edit or an unpublished dossier shows at once.
 */
export const GET = withDatabaseErrors(async function publicSourcesCsv(request: Request, context: { params: Promise<{ slug: string }> }) {
  // A slug that no dossier can have (NUL, stray bytes, wrong characters) is a 404 without touching the database.
  const slug = slugSchema.safeParse((await context.params).slug);
  if (!slug.success) return notFound();
  const { db } = await getAppDatabase();
  const published = await getPublicSourcesFingerprint(db, slug.data);
  if (!published) return notFound();
  const etag = strongEtag(PUBLIC_CSV_FORMAT, published.fingerprint);
  if (ifNoneMatchMatches(request.headers.get('if-none-match'), etag)) return notModified(etag);
  const rows = iterateSources(db, published.dossierId, sourceFilters.parse({ sort: 'published', order: 'desc' }));
  return csvResponse(csvStream(publicRows(rows), publicSourceColumns), `${published.slug}-sources.csv`, { public: true, etag });
});
