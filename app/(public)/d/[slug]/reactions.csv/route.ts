import { csvStream } from '@/server/csv/csv';
import { publicCsvExport } from '@/server/csv/public-export';
import { listAlignmentParties } from '@/server/reactions/reaction-parts';
import { perSignatory, publicReactionColumns } from '@/server/reactions/reactions.csv';
import { getPublicReactionsFingerprint, iteratePublicReactions } from '@/server/reactions/reactions.public';

/**
 * Public reactions of a published dossier, one row per reaction and signatory (a joint statement gives a row per
 * signatory sharing one reaction id), public fields only: reactions citing no live source, deleted ones, tags and
 * internal notes never appear. A stable URL for spreadsheets; caches revalidate every use (ETag + `no-cache`).
 */
/** Cached like the readers' pages: made on the first request, kept until a write expires its tags (server/public-cache). */
export const dynamic = 'force-static';
export function generateStaticParams(): Array<{ slug: string }> {
  return [];
}

export const GET = publicCsvExport({
  name: 'reactions',
  format: 'public-reactions-csv/1',
  fingerprint: getPublicReactionsFingerprint,
  body: async (db, published) => {
    const parties = await listAlignmentParties(db, published.dossierId);
    return csvStream(perSignatory(published.slug, iteratePublicReactions(db, published.dossierId)), publicReactionColumns(parties));
  },
});
