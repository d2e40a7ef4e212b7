'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { useWatch } from 'react-hook-form';
import type { z } from 'zod';
import { useDeskForm } from '@/components/forms/use-desk-form';
import { FormErrorBanner } from '@/components/ui/form-banner';
import { deskPaths, linkStyle } from '@/components/ui/links';
import { Button, Field, Input, Notice, Select, Textarea } from '@/components/ui/primitives';
import type { Source } from '@/server/sources/schema';
import { createSourceInput } from '@/server/sources/sources.input';
import { reliabilityLabels, sourceKindLabels } from '@/server/sources/sources.labels';
import { useTRPC } from '@/trpc/client';

/** The router's own schema, less what the page (not the form) supplies. */
const sourceFormSchema = createSourceInput.omit({ dossierId: true });
type Values = z.input<typeof sourceFormSchema>;

const DUPLICATE_CHECK_DELAY_MS = 400;
const LOOKS_LIKE_WEB_ADDRESS = /^https?:\/\/[^\s/]+\.[^\s]+$/i;

/** A stored moment as the YYYY-MM-DD a date input shows (UTC, like every date on the desk). */
function toDay(value: Date | null): string {
  return value ? value.toISOString().slice(0, 10) : '';
}

function initialValues(source?: Source) {
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
  } satisfies Values;
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
 * Create or edit a source, validated in the browser by the router's own schema and again by the server, whose
 * refusals (a duplicate URL, a conflicting edit) appear under their fields or in the banner. Edits send the version
 * the form was loaded with, so a concurrent change is refused rather than overwritten.
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
  const { form, serverError, setServerError, onServerError, submitHandler, errorOf } = useDeskForm({
    schema: sourceFormSchema,
    defaultValues: initial,
  });
  const { register } = form;
  const url = useWatch({ control: form.control, name: 'url' }) ?? '';
  const deleted = Boolean(source?.deletedAt);

  const onSuccess = () => {
    router.push(deskPaths.dossier(dossier.slug));
  };
  const create = useMutation(trpc.sources.create.mutationOptions({ onSuccess, onError: onServerError }));
  const update = useMutation(trpc.sources.update.mutationOptions({ onSuccess, onError: onServerError }));
  const pending = create.isPending || update.isPending || create.isSuccess || update.isSuccess;

  /** An untouched date keeps its stored moment (and time of day) instead of being cut to midnight. */
  function moment(field: 'publishedAt' | 'retrievedAt', parsed: Date | null): Date | null {
    const stored = source?.[field] ?? null;
    return stored && form.getValues(field) === initial[field] ? stored : parsed;
  }

  const submit = submitHandler((values) => {
    const input = { ...values, publishedAt: moment('publishedAt', values.publishedAt), retrievedAt: moment('retrievedAt', values.retrievedAt) };
    if (source) update.mutate({ ...input, id: source.id, version: source.version });
    else create.mutate({ ...input, dossierId: dossier.id });
  });

  const urlError = errorOf('url');
  const today = new Date().toISOString().slice(0, 10);
  return (
    <form onSubmit={submit} noValidate className="max-w-3xl">
      <fieldset disabled={deleted} className="space-y-5">
        <legend className="sr-only">{source ? 'Edit source' : 'New source'}</legend>
        {deleted ? (
          <Notice>
            This source is deleted. Restore it from the sources table (Show deleted) to edit it.
          </Notice>
        ) : null}
        <FormErrorBanner errors={serverError} editing={Boolean(source)} />

        <div className="space-y-1">
          <Field id="source-url" label="URL" error={urlError} hint="Leave empty for a phone call, briefing or other source without an address.">
            {(props) => (
              <Input
                {...props}
                {...register('url', {
                  // A changed address is no longer the duplicate the server refused.
                  onChange: () => {
                    if (serverError.duplicateOfId) setServerError((current) => ({ ...current, duplicateOfId: null }));
                  },
                })}
                type="url"
                inputMode="url"
                maxLength={2048}
                autoComplete="off"
                spellCheck={false}
              />
            )}
          </Field>
          {serverError.duplicateOfId ? (
            <p className="text-sm">
              <Link href={deskPaths.source(dossier.slug, serverError.duplicateOfId)} className={linkStyle}>
                Open the source already logged
              </Link>
            </p>
          ) : urlError ? null : (
            <DuplicateWarning dossierId={dossier.id} dossierSlug={dossier.slug} url={url} exceptId={source?.id} />
          )}
        </div>

        <Field id="source-title" label="Title" error={errorOf('title')}>
          {(props) => <Input {...props} {...register('title')} maxLength={500} required />}
        </Field>

        <div className="grid gap-5 sm:grid-cols-2">
          <Field id="source-outlet" label="Outlet" error={errorOf('outlet')} hint="The publication, agency or channel.">
            {(props) => <Input {...props} {...register('outlet')} maxLength={200} />}
          </Field>
          <Field id="source-author" label="Author" error={errorOf('author')}>
            {(props) => <Input {...props} {...register('author')} maxLength={200} />}
          </Field>
          <Field id="source-kind" label="Kind" error={errorOf('kind')}>
            {(props) => (
              <Select {...props} {...register('kind')}>
                {Object.entries(sourceKindLabels).map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field id="source-language" label="Language" error={errorOf('language')} hint="A code such as en, az, hy, ru or pt-BR.">
            {(props) => <Input {...props} {...register('language')} maxLength={35} autoComplete="off" spellCheck={false} />}
          </Field>
          <Field id="source-published" label="Published at" error={errorOf('publishedAt')}>
            {(props) => <Input {...props} {...register('publishedAt')} type="date" max={today} />}
          </Field>
          <Field id="source-retrieved" label="Retrieved at" error={errorOf('retrievedAt')} hint="When the desk saw or saved it.">
            {(props) => <Input {...props} {...register('retrievedAt')} type="date" max={today} />}
          </Field>
        </div>

        <Field id="source-archive" label="Archive URL" error={errorOf('archiveUrl')} hint="A saved copy, e.g. on the Wayback Machine or archive.today.">
          {(props) => (
            <Input {...props} {...register('archiveUrl')} type="url" inputMode="url" maxLength={2048} autoComplete="off" spellCheck={false} />
          )}
        </Field>

        <Field id="source-reliability" label="Reliability" error={errorOf('reliability')} hint="Admiralty scale: how far this source has proved reliable before.">
          {(props) => (
            <Select {...props} {...register('reliability')}>
              {Object.entries(reliabilityLabels).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </Select>
          )}
        </Field>

        <Field id="source-notes" label="Internal notes" error={errorOf('internalNotes')} hint="For the desk only: never shown publicly.">
          {(props) => <Textarea {...props} {...register('internalNotes')} rows={5} maxLength={10_000} />}
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
