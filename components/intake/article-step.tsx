'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { useDebouncedValue } from '@/components/actors/use-debounced-value';
import { formatDay } from '@/components/format';
import { deskPaths } from '@/components/ui/links';
import { Button, Field, Input, Select, Textarea } from '@/components/ui/primitives';
import { MAX_ARTICLE_LENGTH } from '@/server/intake/intake.input';
import { reliabilityGrades, reliabilityLabels, sourceKindLabels, sourceKinds } from '@/server/sources/sources.labels';
import { useTRPC } from '@/trpc/client';
import type { ExistingSourceChoice, ReviewErrors, ReviewState, SourceFieldValues } from './intake-state';

const LOOKS_LIKE_WEB_ADDRESS = /^https?:\/\/[^\s/]+\.[^\s]+$/i;
const DUPLICATE_CHECK_DELAY_MS = 400;

const dayOf = (value: Date | string | null | undefined) => (value ? new Date(value).toISOString().slice(0, 10) : null);

/**
 * Step 1: the article's text (pasted, or read from a source of the dossier that holds one) and its source (new, with
 * the usual duplicate-URL check offering the source already logged, or that existing source).
 */
export function ArticleStep({
  dossier,
  state,
  errors,
  onChange,
}: {
  dossier: { id: string; slug: string };
  state: ReviewState;
  errors: ReviewErrors;
  onChange: (patch: Partial<ReviewState>, touched?: string[]) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const withText = useQuery(trpc.intake.sourcesWithText.queryOptions({ dossierId: dossier.id }));
  const [loadError, setLoadError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [storedChoice, setStoredChoice] = useState('');
  const source = state.newSource;
  const setSource = (patch: Partial<SourceFieldValues>) =>
    onChange({ newSource: { ...source, ...patch } }, Object.keys(patch).map((key) => `source.${key}`));

  const url = source.url.trim();
  const debouncedUrl = useDebouncedValue(url, DUPLICATE_CHECK_DELAY_MS);
  const checkUrl = state.sourceMode === 'new' && LOOKS_LIKE_WEB_ADDRESS.test(debouncedUrl) && debouncedUrl.length <= 2048;
  const duplicate = useQuery(trpc.sources.findDuplicate.queryOptions({ dossierId: dossier.id, url: debouncedUrl }, { enabled: checkUrl, staleTime: 5_000 }));
  const found = checkUrl && url === debouncedUrl ? duplicate.data : null;

  const chooseExisting = (choice: ExistingSourceChoice) => onChange({ sourceMode: 'existing', existingSource: choice }, ['source']);

  async function pickStored(sourceId: string) {
    const chosen = withText.data?.find((item) => item.id === sourceId);
    if (!chosen) return;
    setLoadError(null);
    setLoading(true);
    try {
      const stored = await queryClient.fetchQuery(trpc.intake.sourceText.queryOptions({ sourceId }));
      if (!stored) {
        setLoadError('That source no longer holds a text. Paste the article instead.');
        return;
      }
      onChange(
        {
          text: stored.text,
          sourceMode: 'existing',
          existingSource: { id: chosen.id, title: chosen.title, outlet: chosen.outlet, publishedOn: dayOf(chosen.publishedAt) },
        },
        ['text', 'source'],
      );
    } catch {
      setLoadError('The article text could not be loaded. Try again.');
    } finally {
      setLoading(false);
    }
  }

  const today = new Date().toISOString().slice(0, 10);
  const stored = withText.data ?? [];

  return (
    <div className="space-y-6">
      {stored.length > 0 ? (
        <div>
          <Field id="intake-stored-source" label="Start from a source of this dossier that holds its article" hint="Or paste the text below.">
            {(props) => (
              <div className="flex items-center gap-2">
                <Select {...props} value={storedChoice} disabled={loading} onChange={(event) => setStoredChoice(event.target.value)}>
                  <option value="">Choose a source…</option>
                  {stored.map((item) => (
                    <option key={item.id} value={item.id}>
                      {item.title}
                      {item.outlet ? ` — ${item.outlet}` : ''}
                      {item.publishedAt ? `, ${formatDay(item.publishedAt)}` : ''}
                    </option>
                  ))}
                </Select>
                <Button variant="secondary" className="mt-1 shrink-0" disabled={!storedChoice || loading} onClick={() => void pickStored(storedChoice)}>
                  {loading ? 'Loading…' : 'Use its article'}
                </Button>
              </div>
            )}
          </Field>
        </div>
      ) : null}
      {loadError ? (
        <p role="alert" className="text-sm text-red-700">
          {loadError}
        </p>
      ) : null}

      <Field id="intake-text" label="Article text" error={errors.text} hint="Paste the whole story: names, dates and quotes are read from it. Nothing leaves the desk.">
        {(props) => (
          <Textarea
            {...props}
            rows={14}
            maxLength={MAX_ARTICLE_LENGTH}
            value={state.text}
            onChange={(event) => onChange({ text: event.target.value }, ['text'])}
            className="font-serif"
          />
        )}
      </Field>

      <fieldset className="space-y-4 rounded-md border border-stone-200 p-4">
        <legend className="px-1 text-sm font-semibold text-ink">Source</legend>
        {errors.source ? (
          <p role="alert" className="text-sm text-red-700">
            {errors.source}
          </p>
        ) : null}
        {state.sourceMode === 'existing' && state.existingSource ? (
          <div className="space-y-2 text-sm">
            <p>
              Cites the source already logged:{' '}
              <Link href={deskPaths.source(dossier.slug, state.existingSource.id)} className="text-blue-700 underline underline-offset-2" prefetch={false}>
                {state.existingSource.title}
              </Link>
              {state.existingSource.outlet ? ` — ${state.existingSource.outlet}` : ''}
            </p>
            <Button variant="secondary" onClick={() => onChange({ sourceMode: 'new', existingSource: null }, ['source'])}>
              Log a new source instead
            </Button>
          </div>
        ) : (
          <>
            <div className="space-y-1">
              <Field id="intake-source-url" label="URL" error={errors['source.url']} hint="Leave empty for an agency feed without an address.">
                {(props) => (
                  <Input {...props} type="url" inputMode="url" maxLength={2048} autoComplete="off" spellCheck={false} value={source.url} onChange={(event) => setSource({ url: event.target.value })} />
                )}
              </Field>
              <div role="status" className="text-sm text-amber-800">
                {found ? (
                  <p className="flex flex-wrap items-center gap-2">
                    <span>Already logged as “{found.title}”.</span>
                    <Button variant="secondary" onClick={() => chooseExisting({ id: found.id, title: found.title, outlet: '', publishedOn: source.publishedAt || null })}>
                      Use that source
                    </Button>
                  </p>
                ) : null}
              </div>
            </div>
            <Field id="intake-source-title" label="Title" error={errors['source.title']}>
              {(props) => <Input {...props} maxLength={500} value={source.title} onChange={(event) => setSource({ title: event.target.value })} />}
            </Field>
            <div className="grid gap-4 sm:grid-cols-2">
              <Field id="intake-source-outlet" label="Outlet" error={errors['source.outlet']} hint="The publication, agency or channel.">
                {(props) => <Input {...props} maxLength={200} value={source.outlet} onChange={(event) => setSource({ outlet: event.target.value })} />}
              </Field>
              <Field id="intake-source-author" label="Author" error={errors['source.author']}>
                {(props) => <Input {...props} maxLength={200} value={source.author} onChange={(event) => setSource({ author: event.target.value })} />}
              </Field>
              <Field id="intake-source-published" label="Published on" error={errors['source.publishedAt']} hint="Dates without a year in the text are read from it.">
                {(props) => <Input {...props} type="date" max={today} value={source.publishedAt} onChange={(event) => setSource({ publishedAt: event.target.value })} />}
              </Field>
              <Field id="intake-source-language" label="Language" error={errors['source.language']} hint="A code such as en, fr or ru.">
                {(props) => (
                  <Input {...props} maxLength={35} autoComplete="off" spellCheck={false} value={source.language} onChange={(event) => setSource({ language: event.target.value })} />
                )}
              </Field>
              <Field id="intake-source-kind" label="Kind" error={errors['source.kind']}>
                {(props) => (
                  <Select {...props} value={source.kind} onChange={(event) => setSource({ kind: event.target.value as SourceFieldValues['kind'] })}>
                    {sourceKinds.map((kind) => (
                      <option key={kind} value={kind}>
                        {sourceKindLabels[kind]}
                      </option>
                    ))}
                  </Select>
                )}
              </Field>
              <Field id="intake-source-reliability" label="Reliability" error={errors['source.reliability']} hint="Admiralty scale.">
                {(props) => (
                  <Select {...props} value={source.reliability} onChange={(event) => setSource({ reliability: event.target.value as SourceFieldValues['reliability'] })}>
                    {reliabilityGrades.map((grade) => (
                      <option key={grade} value={grade}>
                        {reliabilityLabels[grade]}
                      </option>
                    ))}
                  </Select>
                )}
              </Field>
            </div>
          </>
        )}
      </fieldset>
    </div>
  );
}
