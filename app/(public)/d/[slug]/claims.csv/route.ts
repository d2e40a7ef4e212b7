import { publicClaimColumns } from '@/server/claims/claims.csv';
import { getPublicClaimsFingerprint, iteratePublicClaims } from '@/server/claims/claims.public';
import { csvStream } from '@/server/csv/csv';
import { publicCsvExport } from '@/server/csv/public-export';

/**
 * Public claims of a published dossier, one row per claim, public fields only: claims citing no live source
 * ("needs source"), deleted claims and internal notes never appear. A stable URL for spreadsheets; caches revalidate
 * every use (ETag + `no-cache`), so an edit or an unpublished dossier shows at once.
 */
/** Cached like the readers' pages: made on the first request, kept until a write expires its tags (server/public-cache). */
export const dynamic = 'force-static';
export function generateStaticParams(): Array<{ slug: string }> {
  return [];
}

export const GET = publicCsvExport({
  name: 'claims',
  format: 'public-claims-csv/1',
  fingerprint: getPublicClaimsFingerprint,
  body: (db, published) => csvStream(iteratePublicClaims(db, published.dossierId), publicClaimColumns),
});
