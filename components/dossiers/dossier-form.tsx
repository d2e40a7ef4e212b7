'use client';

import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button, Field, Input, Textarea } from '@/components/ui/primitives';
import { useTRPC } from '@/trpc/client';
import { noFormErrors, toFormErrors, type FormErrors } from '@/components/ui/form-errors';
import { FormErrorBanner } from '@/components/ui/form-banner';
import { deskPaths, linkStyle } from '@/components/ui/links';
import { slugify } from '@/components/dossiers/slugify';

const FIELDS = ['title', 'slug', 'summary', 'eventsStartOn', 'eventsEndOn'] as const;
type DossierValues = Record<(typeof FIELDS)[number], string>;

/** What the edit form starts from: the dossier as loaded, with the version it had then. */
export interface EditableDossier {
  id: string;
  version: number;
  title: string;
  slug: string;
  summary: string;
  eventsStartOn: string | null;
  eventsEndOn: string | null;
}

/**
 * Create or edit a dossier. On create the slug follows the title until someone types in it; on edit it stays put
 * (changing it changes the public address). Edits send the version the form was loaded with.
 */
export function DossierForm({ dossier }: { dossier?: EditableDossier }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [values, setValues] = useState<DossierValues>({
    title: dossier?.title ?? '',
    slug: dossier?.slug ?? '',
    summary: dossier?.summary ?? '',
    eventsStartOn: dossier?.eventsStartOn ?? '',
    eventsEndOn: dossier?.eventsEndOn ?? '',
  });
  const [slugEdited, setSlugEdited] = useState(Boolean(dossier));
  const [errors, setErrors] = useState<FormErrors>(noFormErrors);

  const onSuccess = (saved: { slug: string }) => {
    router.push(deskPaths.dossier(saved.slug));
    router.refresh();
  };
  const onError = (error: unknown) => setErrors(toFormErrors(error, FIELDS));
  const create = useMutation(trpc.dossiers.create.mutationOptions({ onSuccess, onError }));
  const update = useMutation(trpc.dossiers.update.mutationOptions({ onSuccess, onError }));
  const pending = create.isPending || update.isPending || create.isSuccess || update.isSuccess;

  function set(field: keyof DossierValues, value: string) {
    setValues((current) => ({
      ...current,
      [field]: value,
      ...(field === 'title' && !slugEdited ? { slug: slugify(value) } : {}),
    }));
    if (errors.fields[field]) setErrors((current) => ({ ...current, fields: { ...current.fields, [field]: '' } }));
  }

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setErrors(noFormErrors);
    if (dossier) update.mutate({ id: dossier.id, version: dossier.version, ...values });
    else create.mutate(values);
  }

  return (
    <form onSubmit={submit} noValidate className="max-w-2xl space-y-5">
      <FormErrorBanner errors={errors} editing={Boolean(dossier)} />
      <Field id="dossier-title" label="Title" error={errors.fields.title}>
        {(props) => (
          <Input {...props} name="title" value={values.title} onChange={(event) => set('title', event.target.value)} maxLength={200} required />
        )}
      </Field>
      <Field
        id="dossier-slug"
        label="Slug"
        error={errors.fields.slug}
        hint={
          dossier
            ? 'Part of the public address (/d/…). Changing it breaks links that others already use.'
            : 'Part of the public address (/d/…): lower-case letters, digits and hyphens. Suggested from the title.'
        }
      >
        {(props) => (
          <Input
            {...props}
            name="slug"
            value={values.slug}
            onChange={(event) => {
              setSlugEdited(true);
              set('slug', event.target.value);
            }}
            maxLength={80}
            autoComplete="off"
            spellCheck={false}
            className="font-mono"
            required
          />
        )}
      </Field>
      <Field id="dossier-summary" label="Summary" error={errors.fields.summary} hint="What happened, in a few sentences. Shown on the public page.">
        {(props) => (
          <Textarea {...props} name="summary" rows={5} value={values.summary} onChange={(event) => set('summary', event.target.value)} maxLength={5000} />
        )}
      </Field>
      <div className="grid gap-5 sm:grid-cols-2">
        <Field id="dossier-start" label="Start date" error={errors.fields.eventsStartOn}>
          {(props) => (
            <Input {...props} name="eventsStartOn" type="date" value={values.eventsStartOn} onChange={(event) => set('eventsStartOn', event.target.value)} />
          )}
        </Field>
        <Field id="dossier-end" label="End date" error={errors.fields.eventsEndOn} hint="Leave empty while events continue.">
          {(props) => (
            <Input {...props} name="eventsEndOn" type="date" value={values.eventsEndOn} onChange={(event) => set('eventsEndOn', event.target.value)} />
          )}
        </Field>
      </div>
      <div className="flex items-center gap-4 border-t border-stone-200 pt-5">
        <Button type="submit" disabled={pending}>
          {dossier ? 'Save' : 'Create dossier'}
        </Button>
        <Link href={dossier ? deskPaths.dossier(dossier.slug) : deskPaths.home} className={`text-sm ${linkStyle}`}>
          Cancel
        </Link>
      </div>
    </form>
  );
}
