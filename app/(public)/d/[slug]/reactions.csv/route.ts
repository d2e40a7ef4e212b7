import { csvResponse, csvStream, ifNoneMatchMatches, notModified, strongEtag } from '@/server/csv/csv';
import { slugSchema } from '@/server/dossiers/dossiers.input';
import { withDatabaseErrors } from '@/server/http/with-database';
import { listAlignmentParties } from '@/server/reactions/reaction-parts';
import { perSignatory, publicReactionColumns } from '@/server/reactions/reactions.csv';
import { getPublicReactionsFingerprint, iteratePublicReactions } from '@/server/reactions/reactions.public';
import { getAppDatabase } from '@/server/startup';

/** Bump when the public columns or their formatting change, so caches do not keep a copy in the old layout. */
const PUBLIC_CSV_FORMAT = 'public-reactions-csv/1';

const notFound = () => new Response('Not found', { status: 404, headers: { 'Cache-Control': 'no-store' } });

/**
 * Public reactions of a published dossier, one row per reaction and signatory (a joint statement gives a row per
 * signatory sharing one reaction id), public fields only: reactions citing no live source, deleted ones, tags and
 * internal notes never appear. A stable URL for spreadsheets; caches revalidate every use (ETag + `no-cache`).
 */
export const GET = withDatabaseErrors(async function publicReactionsCsv(request: Request, context: { params: Promise<{ slug: string }> }) {
  // A slug that no dossier can have (NUL, stray bytes, wrong characters) is a 404 without touching the database.
  const slug = slugSchema.safeParse((await context.params).slug);
  if (!slug.success) return notFound();
  const { db } = await getAppDatabase();
  const published = await getPublicReactionsFingerprint(db, slug.data);
  if (!published) return notFound();
  const etag = strongEtag(PUBLIC_CSV_FORMAT, published.fingerprint);
  if (ifNoneMatchMatches(request.headers.get('if-none-match'), etag)) return notModified(etag);
  const parties = await listAlignmentParties(db, published.dossierId);
  return csvResponse(
    csvStream(perSignatory(published.slug, iteratePublicReactions(db, published.dossierId)), publicReactionColumns(parties)),
    `${published.slug}-reactions.csv`,
    { public: true, etag },
  );
});
