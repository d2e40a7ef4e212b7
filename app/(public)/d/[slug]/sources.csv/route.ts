import { csvResponse, csvStream } from '@/server/csv/csv';
import { getPublishedDossier } from '@/server/dossiers/dossiers.service';
import { ServiceError } from '@/server/errors';
import { publicRows, publicSourceColumns } from '@/server/sources/sources.csv';
import { sourceFilters } from '@/server/sources/sources.input';
import { iterateSources } from '@/server/sources/sources.service';
import { getAppDatabase } from '@/server/startup';

/** Public, stable URL: usable from a spreadsheet's import-from-URL. Published dossiers only, public fields only. */
export async function GET(_request: Request, context: { params: Promise<{ slug: string }> }) {
  const { slug } = await context.params;
  const { db } = await getAppDatabase();
  try {
    const dossier = await getPublishedDossier(db, slug.slice(0, 200));
    const rows = iterateSources(db, dossier.id, sourceFilters.parse({ sort: 'published', order: 'desc' }));
    return csvResponse(csvStream(publicRows(rows), publicSourceColumns), `${dossier.slug}-sources.csv`, 'public');
  } catch (error) {
    if (error instanceof ServiceError && error.code === 'NOT_FOUND') return new Response('Not found', { status: 404 });
    throw error;
  }
}
