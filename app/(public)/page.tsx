import { PHASE_PRODUCTION_BUILD } from 'next/constants';
import Link from 'next/link';
import { formatDayRange } from '@/components/format';
import { listPublishedDossierSummaries, type PublishedDossierSummary } from '@/server/dossier-summaries/dossier-summaries';
import { tagPublicResponse } from '@/server/public-cache/page-tags';
import { publicPageTags, readersDatabase } from './published-dossier';

/**
 * The published dossiers. `next build` prerenders this page (it has no parameters), where there is no database to
 * read: that copy holds no list, and the cache handler (server/public-cache/cache-handler.mjs) expires everything
 * prerendered at start, so readers only ever get copies rendered by the running app (one per write, tagged with the
 * index: any dossier's write changes its counts).
 */
async function loadPublishedDossiers(): Promise<PublishedDossierSummary[]> {
  await tagPublicResponse(publicPageTags(null));
  if (process.env.NEXT_PHASE === PHASE_PRODUCTION_BUILD) return [];
  return listPublishedDossierSummaries(await readersDatabase());
}

export default async function HomePage() {
  const dossiers = await loadPublishedDossiers();
  return (
    <div>
      <h1 className="text-3xl font-semibold tracking-tight text-ink">Dossiers</h1>
      <p className="mt-2 max-w-2xl text-stone-600">
        Contested events as our desk documents them: who said what, on which sources, graded for reliability.
      </p>
      {dossiers.length === 0 ? (
        <p className="mt-8 text-stone-500">Nothing is published yet.</p>
      ) : (
        <ul className="mt-8 divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
          {dossiers.map((dossier) => (
            <li key={dossier.slug} className="p-5">
              <Link href={`/d/${dossier.slug}`} className="text-lg font-medium text-ink hover:underline">
                {dossier.title}
              </Link>
              <p className="mt-1 text-sm text-stone-500">
                {[
                  formatDayRange(dossier.eventsStartOn, dossier.eventsEndOn),
                  dossier.claimCount ? `${dossier.claimCount} ${dossier.claimCount === 1 ? 'claim' : 'claims'}` : null,
                  dossier.reactionCount ? `${dossier.reactionCount} international ${dossier.reactionCount === 1 ? 'reaction' : 'reactions'}` : null,
                  `${dossier.sourceCount} ${dossier.sourceCount === 1 ? 'source' : 'sources'}`,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
              {dossier.summary ? <p className="mt-2 line-clamp-3 text-stone-700">{dossier.summary}</p> : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
