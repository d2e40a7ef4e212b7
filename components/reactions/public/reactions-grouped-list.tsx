import { actorKindLabels } from '@/server/actors/actors.labels';
import { AlignmentChip, entityAnchor, entityReactionsPath, ReactionBody, reactingGroupLabels } from './reaction-display';
import type { PublicReactionsOverview, ReactingEntity } from './types';

/**
 * The reactions as reference works list them: mediators, then international organisations, then states
 * alphabetically, then others, then the parties' own statements — each reacting state or organisation with where it
 * stands towards each party and its earliest reactions (the rest one link away).
 */
export function ReactionsGroupedList({
  overview,
  linkTarget,
  headingLevel = 3,
}: {
  overview: PublicReactionsOverview;
  /** `_blank` in the embed. */
  linkTarget?: '_blank';
  headingLevel?: 3 | 2;
}) {
  const GroupHeading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div className="mt-8 space-y-8">
      {overview.groups.map(({ group, entities }) => (
        <section key={group} aria-labelledby={`reactions-group-${group}`}>
          <GroupHeading id={`reactions-group-${group}`} className="text-lg font-semibold text-ink">
            {reactingGroupLabels[group]} <span className="text-sm font-normal text-stone-500">({entities.length})</span>
          </GroupHeading>
          <ul className="mt-3 space-y-4">
            {entities.map((entity) => (
              <ReactingEntityItem key={entity.entity.id} entity={entity} overview={overview} linkTarget={linkTarget} headingLevel={headingLevel + 1} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

const headingTags = { 2: 'h2', 3: 'h3', 4: 'h4' } as const;

export function ReactingEntityItem({
  entity,
  overview,
  linkTarget,
  headingLevel = 4,
  showAllLink = true,
}: {
  entity: ReactingEntity;
  overview: Pick<PublicReactionsOverview, 'dossier' | 'parties'>;
  linkTarget?: '_blank';
  headingLevel?: number;
  showAllLink?: boolean;
}) {
  const Heading = headingTags[Math.min(Math.max(headingLevel, 2), 4) as 2 | 3 | 4];
  const slug = overview.dossier.slug;
  const partyName = new Map(overview.parties.map((party) => [party.id, party.name]));
  const external = linkTarget ? { target: linkTarget, rel: 'noopener' } : {};
  const truncated = entity.reactionCount > entity.reactions.length;
  return (
    <li id={entityAnchor(entity.entity.id)} className="scroll-mt-4 rounded-lg border border-stone-200 bg-white p-4 target:ring-2 target:ring-ink">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <Heading className="font-semibold text-ink">
          {entity.entity.name}
          <span className="sr-only"> ({actorKindLabels[entity.entity.kind]})</span>
        </Heading>
        <span className="text-sm text-stone-500">
          {entity.reactionCount} {entity.reactionCount === 1 ? 'reaction' : 'reactions'}
        </span>
      </div>
      {entity.alignments.length ? (
        <p className="mt-1 flex flex-wrap gap-1.5" aria-label="Alignment">
          {entity.alignments.map(({ partyId, alignment }) => (
            <AlignmentChip key={partyId} alignment={alignment} partyName={partyName.get(partyId) ?? 'party'} />
          ))}
        </p>
      ) : null}
      <ol className="mt-3 space-y-4 divide-y divide-stone-100">
        {entity.reactions.map((reaction) => (
          <li key={reaction.id} className="pt-3 first:pt-0">
            <ReactionBody reaction={reaction} slug={slug} linkTarget={linkTarget} showJoint={false} />
          </li>
        ))}
      </ol>
      {truncated && showAllLink ? (
        <p className="mt-3 text-sm">
          <a href={entityReactionsPath(slug, entity.entity.id)} className="font-medium text-blue-700 underline underline-offset-2" {...external}>
            All {entity.reactionCount} reactions by {entity.entity.name}
          </a>
        </p>
      ) : null}
    </li>
  );
}
