import Link from 'next/link';
import { claimCategories, claimCategoryLabels, verificationStatuses, verificationStatusLabels } from '@/server/claims/claims.labels';
import { claimsViewHref, type PublicClaimFilters } from './public-claim-filters';

/**
 * Readers' filters on the claims view: plain links that change the query string. Next follows them without a full
 * reload (and without scrolling away); they still work without JavaScript, and the address can be shared.
 */
export function ClaimFilters({
  basePath,
  filters,
  parties,
  anchor,
}: {
  basePath: string;
  filters: PublicClaimFilters;
  parties: ReadonlyArray<{ key: string; name: string }>;
  anchor: string;
}) {
  // A new filter starts again at the first day.
  const hrefWith = (change: Partial<PublicClaimFilters>) => claimsViewHref(basePath, { ...filters, ...change }, undefined, anchor);
  const groups: Array<{ name: keyof PublicClaimFilters; label: string; options: Array<{ value: string; label: string }> }> = [
    { name: 'party', label: 'Party', options: parties.map((party) => ({ value: party.key, label: party.name })) },
    { name: 'category', label: 'Category', options: claimCategories.map((value) => ({ value, label: claimCategoryLabels[value] })) },
    { name: 'status', label: 'Status', options: verificationStatuses.map((value) => ({ value, label: verificationStatusLabels[value] })) },
  ];
  return (
    <nav aria-label="Filter claims" className="mt-4 space-y-2 text-sm">
      {groups.map((group) => (
        <div key={group.name} className="flex flex-wrap items-center gap-1.5">
          <span id={`claim-filter-${group.name}`} className="w-20 shrink-0 font-medium text-stone-700">
            {group.label}
          </span>
          <ul aria-labelledby={`claim-filter-${group.name}`} className="flex flex-wrap gap-1.5">
            {[{ value: null, label: 'All' }, ...group.options].map((option) => {
              const current = (filters[group.name] ?? null) === option.value;
              return (
                <li key={option.value ?? 'all'}>
                  <Link
                    href={hrefWith({ [group.name]: option.value ?? undefined })}
                    scroll={false}
                    aria-current={current ? 'true' : undefined}
                    className={`inline-block rounded-full px-2.5 py-0.5 ring-1 ${
                      current ? 'bg-ink text-white ring-ink' : 'bg-white text-stone-700 ring-stone-300 hover:bg-stone-100'
                    }`}
                  >
                    {option.label}
                  </Link>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </nav>
  );
}
