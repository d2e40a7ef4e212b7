'use client';

import { createColumnHelper } from '@tanstack/react-table';
import type { inferRouterOutputs } from '@trpc/server';
import Link from 'next/link';
import { actorKindLabels } from '@/server/actors/actors.labels';
import { countryName } from '@/server/actors/countries';
import type { AppRouter } from '@/server/trpc/root';
import { actorPaths } from './actor-paths';

export type ActorListItem = inferRouterOutputs<AppRouter>['actors']['list']['items'][number];

const column = createColumnHelper<ActorListItem>();

/** The actor directory's columns (the list is sorted by name on the server). */
export const actorColumns = [
  column.accessor('name', {
    header: 'Name',
    cell: ({ row: { original: actor } }) => (
      <>
        <Link prefetch={false} href={actorPaths.actor(actor.id)} className="font-medium text-ink hover:underline">
          {actor.name}
        </Link>
        {actor.aliases.length ? <div className="mt-0.5 text-xs text-stone-500">Also: {actor.aliases.join(', ')}</div> : null}
      </>
    ),
  }),
  column.accessor('kind', {
    header: 'Kind',
    cell: ({ getValue }) => actorKindLabels[getValue()],
    meta: { cellClassName: 'whitespace-nowrap text-stone-700' },
  }),
  column.accessor('countryCode', {
    header: 'Country',
    cell: ({ getValue }) => {
      const code = getValue();
      return code ? countryName(code) || code : '—';
    },
    meta: { cellClassName: 'text-stone-700' },
  }),
  column.accessor('affiliation', {
    header: 'Affiliation',
    cell: ({ getValue }) => {
      const affiliation = getValue();
      return affiliation ? (
        <Link prefetch={false} href={actorPaths.actor(affiliation.id)} className="hover:underline">
          {affiliation.name}
        </Link>
      ) : (
        '—'
      );
    },
    meta: { cellClassName: 'text-stone-700' },
  }),
  column.accessor('title', {
    header: 'Title',
    cell: ({ getValue }) => getValue() || '—',
    meta: { cellClassName: 'text-stone-700' },
  }),
];
