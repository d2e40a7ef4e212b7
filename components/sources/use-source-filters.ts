'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { startTransition, useCallback, useMemo, useOptimistic } from 'react';
import {
  sourceFiltersFromSearchParams,
  sourceFiltersToSearchParams,
  sourceSortKeys,
  type SourceFilters,
} from '@/server/sources/sources.input';
import { reliabilityLabels, sourceKindLabels } from '@/server/sources/sources.labels';

const KINDS = Object.keys(sourceKindLabels);
const GRADES = Object.keys(reliabilityLabels);

/** Reads the table's filters from the address; a hand-edited link with one bad value keeps the rest. */
function readFilters(params: URLSearchParams): SourceFilters {
  try {
    return sourceFiltersFromSearchParams(params);
  } catch {
    const valid = (name: string, allowed: string[]) =>
      params
        .getAll(name)
        .flatMap((value) => value.split(','))
        .filter((value) => allowed.includes(value));
    const clean = new URLSearchParams();
    const search = params.get('q');
    if (search) clean.set('q', search.slice(0, 200));
    clean.set('kind', valid('kind', KINDS).join(','));
    clean.set('reliability', valid('reliability', GRADES).join(','));
    const sort = params.get('sort');
    if (sort && (sourceSortKeys as readonly string[]).includes(sort)) clean.set('sort', sort);
    const direction = params.get('dir');
    if (direction === 'asc' || direction === 'desc') clean.set('dir', direction);
    if (params.get('deleted') === '1') clean.set('deleted', '1');
    return sourceFiltersFromSearchParams(clean);
  }
}

/**
 * The sources table's state lives in the query string (q, kind, reliability, sort, dir, deleted), so a copied
 * link reproduces the view. Changes replace the current history entry rather than piling up Back steps. Until
 * the navigation lands, the new filters apply optimistically, so a ticked box stays ticked and the query starts.
 */
export function useSourceFilters() {
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const router = useRouter();
  const current = searchParams.toString();
  const fromAddress = useMemo(() => readFilters(new URLSearchParams(current)), [current]);
  const [filters, setOptimisticFilters] = useOptimistic(fromAddress);
  const queryString = useMemo(() => sourceFiltersToSearchParams(filters).toString(), [filters]);

  const setFilters = useCallback(
    (patch: Partial<SourceFilters>) => {
      const next = { ...filters, ...patch };
      const query = sourceFiltersToSearchParams(next).toString();
      startTransition(() => {
        setOptimisticFilters(next);
        router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
      });
    },
    [filters, pathname, router, setOptimisticFilters],
  );

  return { filters, setFilters, queryString };
}
