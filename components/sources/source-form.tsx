'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { Button, Field, Input, Select, Textarea } from '@/components/ui/primitives';
import type { Source } from '@/server/sources/schema';
import type { ReliabilityGrade, SourceKind } from '@/server/sources/sources.labels';
import { reliabilityLabels, sourceKindLabels } from '@/server/sources/sources.labels';
import { useTRPC } from '@/trpc/client';
import { noFormErrors, toFormErrors, type FormErrors } from '@/components/ui/form-errors';
import { FormErrorBanner } from '@/components/ui/form-banner';
import { deskPaths, linkStyle } from '@/components/ui/links';

const FIELDS = [
  'url',
  'title',
  'outlet',
  'author',
  'kind',
  'language',
  'publishedAt',
  'retrievedAt',
  'archiveUrl',
  'reliability',
  'internalNotes',
] as const;
type Values = Record<(typeof FIELDS)[number], string>;

const DUPLICATE_CHECK_DELAY_MS = 400;
const LOOKS_LIKE_WEB_ADDRESS = /^https?:\/\/[^\s/]+\.[^\s]+$/i;

/** A stored moment as the YYYY-MM-DD a date input shows (UTC, like every date on the desk). */
function toDay(value: Date | null): string {
  return value ? value.toISOString().slice(0, 10) : '';
}

function initialValues(source?: Source): Values {
  return {
    url: source?.url ?? '',
    title: source?.title ?? '',
    outlet: source?.outlet ?? '',
    author: source?.author ?? '',
    kind: source?.kind ?? 'news_report',
    language: source?.language ?? '',
    publishedAt: toDay(source?.publishedAt ?? null),
    retrievedAt: toDay(source?.retrievedAt ?? null),
    archiveUrl: source?.archiveUrl ?? '',
    reliability: source?.reliability ?? 'F',
    internalNotes: source?.internalNotes ?? '',
  };
}

function useDebounced<T>(value: T, delayMs: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return debounced;
}

/** Warns while typing when the URL is already logged in this dossier (the server refuses it on save anyway). */
function DuplicateWarning({ dossierId, dossierSlug, url, exceptId }: { dossierId: string; dossierSlug: string; url: string; exceptId?: string }) {
  const trpc = useTRPC();
  const debouncedUrl = useDebounced(url.trim(), DUPLICATE_CHECK_DELAY_MS);
  const check = LOOKS_LIKE_WEB_ADDRESS.test(debouncedUrl) && debouncedUrl.length <= 2048;
  const duplicate = useQuery(
    trpc.sources.findDuplicate.queryOptions({ dossierId, url: debouncedUrl, exceptId }, { enabled: check, staleTime: 5_000 }),
  );
  const found = check && url.trim() === debouncedUrl ? duplicate.data : null;
  return (
    <p role="status" className="text-sm text-amber-800">
      {found ? (
        <>
          Already logged as{' '}
          <Link href={deskPaths.source(dossierSlug, found.id)} className="font-medium underline underline-offset-2">
            “{found.title}”
          </Link>
          .
        </>
      ) : null}
    </p>
  );
}

/**
 * Create or edit a source. Validation happens on the server; its messages appear under their fields. Edits send
 * the version the form was loaded with, so a concurrent change is refused rather than overwritten.
 */
export function SourceForm({
  dossier,
  source,
}: {
  dossier: { id: string; slug: string };
  source?: Source;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [initial] = useState(() => initialValues(source));
  const [values, setValues] = useState<Values>(initial);
  const [errors, setErrors] = useState<FormErrors>(noFormErrors);
  const deleted = Boolean(source?.deletedAt);

  const onSuccess = () => {
    router.push(deskPaths.dossier(dossier.slug));
  };
  const onError = (error: unknown) => setErrors(toFormErrors(error, FIELDS));
  const create = useMutation(trpc.sources.create.mutationOptions({ onSuccess, onError }));
  const update = useMutation(trpc.sources.update.mutationOptions({ onSuccess, onError }));
  const pending = create.isPending || update.isPending || create.isSuccess || update.isSuccess;

  function set(field: keyof Values, value: string) {
    setValues((current) => ({ ...current, [field]: value }));
    if (errors.fields[field]) {
      setErrors((current) => ({ ...current, fields: { ...current.fields, [field]: '' }, ...(field === 'url' ? { duplicateOfId: null } : {}) }));
    }
  }

  /** An untouched date keeps its stored moment (and time of day) instead of being cut to midnight. */
  function moment(field: 'publishedAt' | 'retrievedAt'): string | Date | null {
    const stored = source?.[field] ?? null;
    return stored && values[field] === initial[field] ? stored : values[field];
  }

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setErrors(noFormErrors);
    const input = {
      ...values,
      kind: values.kind as SourceKind,
      reliability: values.reliability as ReliabilityGrade,
      publishedAt: moment('publishedAt'),
      retrievedAt: moment('retrievedAt'),
    };
    if (source) update.mutate({ ...input, id: source.id, version: source.version });
    else create.mutate({ ...input, dossierId: dossier.id });
  }

  const today = new Date().toISOString().slice(0, 10);
  return (
    <form onSubmit={submit} noValidate className="max-w-3xl">
      <fieldset disabled={deleted} className="space-y-5">
        <legend className="sr-only">{source ? 'Edit source' : 'New source'}</legend>
        {deleted ? (
          <p role="status" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
            This source is deleted. Restore it from the sources table (Show deleted) to edit it.
          </p>
        ) : null}
        <FormErrorBanner errors={errors} editing={Boolean(source)} />

        <div className="space-y-1">
          <Field id="source-url" label="URL" error={errors.fields.url} hint="Leave empty for a phone call, briefing or other source without an address.">
            {(props) => (
              <Input
                {...props}
                name="url"
                type="url"
                inputMode="url"
                value={values.url}
                onChange={(event) => set('url', event.target.value)}
                maxLength={2048}
                autoComplete="off"
                spellCheck={false}
              />
            )}
          </Field>
          {errors.duplicateOfId ? (
            <p className="text-sm">
              <Link href={deskPaths.source(dossier.slug, errors.duplicateOfId)} className={linkStyle}>
                Open the source already logged
              </Link>
            </p>
          ) : errors.fields.url ? null : (
            <DuplicateWarning dossierId={dossier.id} dossierSlug={dossier.slug} url={values.url} exceptId={source?.id} />
          )}
        </div>

        <Field id="source-title" label="Title" error={errors.fields.title}>
          {(props) => <Input {...props} name="title" value={values.title} onChange={(event) => set('title', event.target.value)} maxLength={500} required />}
        </Field>

        <div className="grid gap-5 sm:grid-cols-2">
          <Field id="source-outlet" label="Outlet" error={errors.fields.outlet} hint="The publication, agency or channel.">
            {(props) => <Input {...props} name="outlet" value={values.outlet} onChange={(event) => set('outlet', event.target.value)} maxLength={200} />}
          </Field>
          <Field id="source-author" label="Author" error={errors.fields.author}>
            {(props) => <Input {...props} name="author" value={values.author} onChange={(event) => set('author', event.target.value)} maxLength={200} />}
          </Field>
          <Field id="source-kind" label="Kind" error={errors.fields.kind}>
            {(props) => (
              <Select {...props} name="kind" value={values.kind} onChange={(event) => set('kind', event.target.value)}>
                {Object.entries(sourceKindLabels).map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field id="source-language" label="Language" error={errors.fields.language} hint="A code such as en, az, hy, ru or pt-BR.">
            {(props) => (
              <Input {...props} name="language" value={values.language} onChange={(event) => set('language', event.target.value)} maxLength={35} autoComplete="off" spellCheck={false} />
            )}
          </Field>
          <Field id="source-published" label="Published at" error={errors.fields.publishedAt}>
            {(props) => <Input {...props} name="publishedAt" type="date" max={today} value={values.publishedAt} onChange={(event) => set('publishedAt', event.target.value)} />}
          </Field>
          <Field id="source-retrieved" label="Retrieved at" error={errors.fields.retrievedAt} hint="When the desk saw or saved it.">
            {(props) => <Input {...props} name="retrievedAt" type="date" max={today} value={values.retrievedAt} onChange={(event) => set('retrievedAt', event.target.value)} />}
          </Field>
        </div>

        <Field id="source-archive" label="Archive URL" error={errors.fields.archiveUrl} hint="A saved copy, e.g. on the Wayback Machine or archive.today.">
          {(props) => (
            <Input {...props} name="archiveUrl" type="url" inputMode="url" value={values.archiveUrl} onChange={(event) => set('archiveUrl', event.target.value)} maxLength={2048} autoComplete="off" spellCheck={false} />
          )}
        </Field>

        <Field id="source-reliability" label="Reliability" error={errors.fields.reliability} hint="Admiralty scale: how far this source has proved reliable before.">
          {(props) => (
            <Select {...props} name="reliability" value={values.reliability} onChange={(event) => set('reliability', event.target.value)}>
              {Object.entries(reliabilityLabels).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </Select>
          )}
        </Field>

        <Field id="source-notes" label="Internal notes" error={errors.fields.internalNotes} hint="For the desk only: never shown publicly.">
          {(props) => (
            <Textarea {...props} name="internalNotes" rows={5} value={values.internalNotes} onChange={(event) => set('internalNotes', event.target.value)} maxLength={10_000} />
          )}
        </Field>

        <div className="flex items-center gap-4 border-t border-stone-200 pt-5">
          {deleted ? null : (
            <Button type="submit" disabled={pending}>
              {source ? 'Save' : 'Add source'}
            </Button>
          )}
          <Link href={deskPaths.dossier(dossier.slug)} className={`text-sm ${linkStyle}`}>
            Cancel
          </Link>
        </div>
      </fieldset>
    </form>
  );
}
