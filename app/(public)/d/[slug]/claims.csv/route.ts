import { publicClaimColumns } from '@/server/claims/claims.csv';
import { getPublicClaimsFingerprint, iteratePublicClaims } from '@/server/claims/claims.public';
import { csvResponse, csvStream, ifNoneMatchMatches, notModified, strongEtag } from '@/server/csv/csv';
import { slugSchema } from '@/server/dossiers/dossiers.input';
import { withDatabaseErrors } from '@/server/http/with-database';
import { getAppDatabase } from '@/server/startup';

/** Bump when the public columns or their formatting change, so caches do not keep a copy in the old layout. */
const PUBLIC_CSV_FORMAT = 'public-claims-csv/1';

const notFound = () => new Response('Not found', { status: 404, headers: { 'Cache-Control': 'no-store' } });

/**
 * Public claims of a published dossier, one row per claim, public fields only: claims citing no live source
 * ("needs source"), deleted claims and internal notes never appear. A stable URL for spreadsheets; caches revalidate
 * every use (ETag + `no-cache`), so an edit or an unpublished dossier shows at once.
 */
export const GET = withDatabaseErrors(async function publicClaimsCsv(request: Request, context: { params: Promise<{ slug: string }> }) {
  // A slug that no dossier can have (NUL, stray bytes, wrong characters) is a 404 without touching the database.
  const slug = slugSchema.safeParse((await context.params).slug);
  if (!slug.success) return notFound();
  const { db } = await getAppDatabase();
  const published = await getPublicClaimsFingerprint(db, slug.data);
  if (!published) return notFound();
  const etag = strongEtag(PUBLIC_CSV_FORMAT, published.fingerprint);
  if (ifNoneMatchMatches(request.headers.get('if-none-match'), etag)) return notModified(etag);
  return csvResponse(csvStream(iteratePublicClaims(db, published.dossierId), publicClaimColumns), `${published.slug}-claims.csv`, {
    public: true,
    etag,
  });
});
