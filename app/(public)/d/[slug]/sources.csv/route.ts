import { csvStream } from '@/server/csv/csv';
import { publicCsvExport } from '@/server/csv/public-export';
import { publicRows, publicSourceColumns } from '@/server/sources/sources.csv';
import { sourceFilters } from '@/server/sources/sources.input';
import { getPublicSourcesFingerprint, iterateSources } from '@/server/sources/sources.service';

/**
 * Public, stable URL: usable from a spreadsheet's import-from-URL. Published dossiers only, public fields only.
 * Caches must revalidate every use (ETag + `no-cache`), so an edit or an unpublished dossier shows at once.
 */
/** Cached like the readers' pages: made on the first request, kept until a write expires its tags (server/public-cache). */
export const dynamic = 'force-static';
export function generateStaticParams(): Array<{ slug: string }> {
  return [];
}

export const GET = publicCsvExport({
  name: 'sources',
  format: 'public-sources-csv/1',
  fingerprint: getPublicSourcesFingerprint,
  body: (db, published) =>
    csvStream(publicRows(iterateSources(db, published.dossierId, sourceFilters.parse({ sort: 'published', order: 'desc' }))), publicSourceColumns),
});
