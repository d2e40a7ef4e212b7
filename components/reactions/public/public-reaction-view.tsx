import Link from 'next/link';
import { reactionStanceLabels } from '@/server/reactions/reactions.labels';
import { AlignmentChip, PatternDefs, ReactionBody, reactionAttribution } from './reaction-display';
import type { PublicReactionPage } from './types';

/** One public reaction's page: who, what (quote, original, paraphrase), when, how, stances, alignment and sources. */
export function PublicReactionView({ reaction }: { reaction: PublicReactionPage }) {
  const { dossier } = reaction;
  const counted = [...new Map(reaction.signatories.map(({ countsFor }) => [countsFor.id, countsFor])).values()];
  const names = counted.map((actor) => actor.name).join(', ');
  // Who spoke, when it is not just the states and organisations named in the heading.
  const attribution = reactionAttribution(reaction);
  return (
    <article>
      <PatternDefs />
      <p className="text-sm">
        <Link href={`/d/${dossier.slug}#reactions`} className="text-blue-700 underline underline-offset-4">
          {dossier.title}
        </Link>{' '}
        <span className="text-stone-500">· International reaction</span>
      </p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight text-ink">
        {names}: {reactionStanceLabels[reaction.primaryStance].toLowerCase()}
      </h1>
      {attribution !== names ? <p className="mt-1 text-stone-600">{attribution}</p> : null}
      {reaction.alignments.length ? (
        <p className="mt-3 flex flex-wrap gap-1.5" aria-label="Alignment">
          {reaction.alignments.map(({ party, alignment }) => (
            <AlignmentChip key={party.id} alignment={alignment} partyName={party.name} />
          ))}
        </p>
      ) : null}
      <div className="mt-6 rounded-lg border border-stone-200 bg-white p-4">
        <ReactionBody reaction={reaction} slug={dossier.slug} showPermalink={false} />
      </div>
      {counted.length > 0 ? (
        <p className="mt-6 text-sm">
          {counted.map((actor, index) => (
            <span key={actor.id}>
              {index > 0 ? ' · ' : null}
              <a href={`/d/${dossier.slug}/reactions?by=${encodeURIComponent(actor.id)}`} className="text-blue-700 underline underline-offset-2">
                Every reaction by {actor.name}
              </a>
            </span>
          ))}
        </p>
      ) : null}
    </article>
  );
}
