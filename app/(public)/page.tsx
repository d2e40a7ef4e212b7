import Link from 'next/link';
import { formatDayRange } from '@/components/format';
import { getServerCaller } from '@/trpc/server';

export const dynamic = 'force-dynamic';

export default async function HomePage() {
  const caller = await getServerCaller();
  const dossiers = await caller.dossiers.listPublished();
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
