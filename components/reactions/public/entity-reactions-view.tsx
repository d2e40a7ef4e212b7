import Link from 'next/link';
import { PatternDefs, reactingGroupLabels } from './reaction-display';
import { ReactingEntityItem } from './reactions-grouped-list';
import type { PublicReactionsOverview } from './types';

/** Every public reaction of one state or organisation (the overview read with `by`), earliest first. */
export function EntityReactionsView({ overview }: { overview: PublicReactionsOverview }) {
  const group = overview.groups.find((item) => item.entities.length > 0);
  const entity = group?.entities[0];
  if (!group || !entity) return null;
  return (
    <article>
      <PatternDefs />
      <p className="text-sm">
        <Link href={`/d/${overview.dossier.slug}#reactions`} className="text-blue-700 underline underline-offset-4">
          {overview.dossier.title}
        </Link>{' '}
        <span className="text-stone-500">· International reactions · {reactingGroupLabels[group.group]}</span>
      </p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight text-ink">Reactions by {entity.entity.name}</h1>
      <ul className="mt-6">
        <ReactingEntityItem entity={entity} overview={overview} headingLevel={2} showAllLink={false} />
      </ul>
    </article>
  );
}
