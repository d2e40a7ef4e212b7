/** One row of a record's details: its label and what it shows ('—' for nothing). */
export type DetailRow = [label: string, value: React.ReactNode];

/**
 * A record's read-only details as a labelled list in a card (a claim's, a reaction's, an actor's, a source's desk
 * page): `heading` (default "Details") names the section, `children` go between the heading and the list.
 */
export function DetailsSection({
  headingId,
  heading = 'Details',
  rows,
  children,
}: {
  headingId: string;
  heading?: React.ReactNode;
  rows: readonly DetailRow[];
  children?: React.ReactNode;
}) {
  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-stone-200 bg-white p-5">
      <h2 id={headingId} className="text-lg font-semibold text-ink">
        {heading}
      </h2>
      {children}
      <dl className="mt-4 grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-sm">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="font-medium text-stone-600">{label}</dt>
            <dd className="min-w-0 text-stone-900">{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
