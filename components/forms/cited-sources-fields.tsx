'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useWatch, type ArrayPath, type Control, type FieldArray, type FieldValues, type Path, type UseFormRegister } from 'react-hook-form';
import { FieldRows, rowField } from '@/components/forms/field-rows';
import { linkStyle } from '@/components/ui/links';
import { Field, Select, Textarea } from '@/components/ui/primitives';
import { useTRPC } from '@/trpc/client';

/** A source the record already cites (it stays choosable even when deleted since). */
export interface CitedSource {
  source: { id: string; title: string; outlet: string; deletedAt: Date | string | null };
}

interface SourceOption {
  id: string;
  title: string;
  outlet: string;
  deleted: boolean;
}

/**
 * The "Sources" section of a desk form whose values hold `sources: { sourceId, excerpt }[]` (a claim, a reaction):
 * rows of a source of the dossier (each chosen once) with the exact excerpt, and a link to log a source when the
 * dossier has none. Field ids start with `idPrefix` (`claim-source-0`, `claim-source-0-excerpt`).
 */
export function CitedSourcesFields<T extends FieldValues>({
  control,
  register,
  errorOf,
  idPrefix,
  dossier,
  cited,
  max,
  description,
}: {
  control: Control<T, unknown, FieldValues>;
  register: UseFormRegister<T>;
  errorOf: (path: Path<T>) => string | undefined;
  idPrefix: string;
  dossier: { id: string; slug: string };
  /** The sources the saved record cites, if it is saved. */
  cited: readonly CitedSource[] | undefined;
  max: number;
  description: string;
}) {
  const trpc = useTRPC();
  const sources = useQuery(trpc.sources.list.queryOptions({ dossierId: dossier.id, sort: 'title', order: 'asc', limit: 200 }));
  const sourceOptions = new Map<string, SourceOption>();
  for (const item of cited ?? []) {
    sourceOptions.set(item.source.id, { id: item.source.id, title: item.source.title, outlet: item.source.outlet, deleted: Boolean(item.source.deletedAt) });
  }
  for (const source of sources.data?.items ?? []) {
    sourceOptions.set(source.id, { id: source.id, title: source.title, outlet: source.outlet, deleted: false });
  }

  const name = 'sources' as ArrayPath<T>;
  const rows = useWatch({ control, name: name as Path<T> }) as ReadonlyArray<{ sourceId?: string } | undefined> | undefined;
  const usedSources = (rows ?? []).map((row) => row?.sourceId).filter(Boolean) as string[];

  return (
    <section aria-labelledby={`${idPrefix}-sources-heading`}>
      <h2 id={`${idPrefix}-sources-heading`} className="text-lg font-semibold text-ink">
        Sources
      </h2>
      <p className="mb-3 text-sm text-stone-600">{description}</p>
      <FieldRows
        control={control}
        name={name}
        legend="Cited sources"
        addLabel="Add source"
        newRow={() => ({ sourceId: '', excerpt: '' }) as FieldArray<T, ArrayPath<T>>}
        rowLabel={(index) => `source ${index + 1}`}
        emptyText="No source cited yet."
        max={max}
      >
        {({ index }) => (
          <div className="space-y-3">
            <Field
              id={`${idPrefix}-source-${index}`}
              label={`Source ${index + 1}`}
              error={
                errorOf(rowField<T>(name, index, 'sourceId')) && !rows?.[index]?.sourceId ? 'Choose a source' : errorOf(rowField<T>(name, index, 'sourceId'))
              }
            >
              {(props) => (
                <Select {...props} {...register(rowField<T>(name, index, 'sourceId'))}>
                  <option value="">Choose a source of this dossier</option>
                  {[...sourceOptions.values()].map((source) => (
                    <option key={source.id} value={source.id} disabled={source.id !== rows?.[index]?.sourceId && usedSources.includes(source.id)}>
                      {source.title}
                      {source.outlet ? ` — ${source.outlet}` : ''}
                      {source.deleted ? ' (deleted)' : ''}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
            <Field id={`${idPrefix}-source-${index}-excerpt`} label={`Excerpt from source ${index + 1}`} error={errorOf(rowField<T>(name, index, 'excerpt'))}>
              {(props) => <Textarea {...props} {...register(rowField<T>(name, index, 'excerpt'))} rows={3} maxLength={5000} />}
            </Field>
          </div>
        )}
      </FieldRows>
      {sources.data && sources.data.items.length === 0 && !cited?.length ? (
        <p className="mt-2 text-sm text-stone-600">
          This dossier has no sources yet.{' '}
          <Link href={`/desk/dossiers/${encodeURIComponent(dossier.slug)}/sources/new`} className={linkStyle}>
            Log one
          </Link>{' '}
          first.
        </p>
      ) : null}
    </section>
  );
}
