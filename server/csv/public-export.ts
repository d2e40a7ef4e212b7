import type { Database } from '@/server/db/client';
import { slugSchema } from '@/server/dossiers/dossiers.input';
import { withDatabaseErrors } from '@/server/http/with-database';
import { getAppDatabase } from '@/server/startup';
import { tagPublicResponse } from '@/server/public-cache/page-tags';
import { publicResponseTags } from '@/server/public-cache/response-tags';
import { csvResponse, strongEtag } from './csv';

/** A published dossier as a public CSV sees it, with what its content depends on (see the domains' fingerprints). */
export interface PublishedFingerprint {
  dossierId: string;
  slug: string;
  fingerprint: string;
}

const notFound = () => new Response('Not found', { status: 404, headers: { 'Cache-Control': 'no-store' } });

/**
 * The route handler of a published dossier's public CSV (`app/(public)/d/[slug]/<list>.csv`): a stable URL for
 * spreadsheets. An impossible slug is a 404 without touching the database, so is a dossier that is not published
 * (`fingerprint` answers null); the strong ETag names `format` and the fingerprint, and caches revalidate every use
 * (`no-cache`). The response is cached by Next (the route's `generateStaticParams`) under the dossier's tags, or the
 * index's for a 404, until a write expires them. The file is named `<slug>-<name>.csv`.
 */
export function publicCsvExport({
  name,
  format,
  fingerprint,
  body,
}: {
  name: string;
  /** Bump it when the public columns or their formatting change, so caches do not keep a copy in the old layout. */
  format: string;
  fingerprint: (db: Database, slug: string) => Promise<PublishedFingerprint | null>;
  body: (db: Database, published: PublishedFingerprint) => Promise<ReadableStream<Uint8Array>> | ReadableStream<Uint8Array>;
}) {
  // Cached by Next like the readers' pages (the route reads nothing of the request), expired by writes through these tags.
  return withDatabaseErrors(async function publicCsv(_request: Request, context: { params: Promise<{ slug: string }> }) {
    const slug = slugSchema.safeParse((await context.params).slug);
    if (!slug.success) return notFound();
    const { db } = await getAppDatabase();
    const published = await fingerprint(db, slug.data);
    await tagPublicResponse(publicResponseTags(published && { id: published.dossierId }));
    if (!published) return notFound();
    const etag = strongEtag(format, published.fingerprint);
    return csvResponse(await body(db, published), `${published.slug}-${name}.csv`, { public: true, etag });
  });
}
