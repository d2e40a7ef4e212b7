'use client';

import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useDeskForm } from '@/components/forms/use-desk-form';
import { slugify } from '@/components/dossiers/slugify';
import { FormErrorBanner } from '@/components/ui/form-banner';
import { deskPaths, linkStyle } from '@/components/ui/links';
import { Button, Field, Input, Textarea } from '@/components/ui/primitives';
import { createDossierInput } from '@/server/dossiers/dossiers.input';
import { useTRPC } from '@/trpc/client';

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
 * Create or edit a dossier, validated by the router's own schema (create's fields are exactly the form's; update
 * adds the id and version). On create the slug follows the title until someone types in it; on edit it stays put
 * (changing it changes the public address). Edits send the version the form was loaded with.
 */
export function DossierForm({ dossier }: { dossier?: EditableDossier }) {
  const trpc = useTRPC();
  const router = useRouter();
  const { form, serverError, onServerError, submitHandler, errorOf } = useDeskForm({
    schema: createDossierInput,
    defaultValues: {
      title: dossier?.title ?? '',
      slug: dossier?.slug ?? '',
      summary: dossier?.summary ?? '',
      eventsStartOn: dossier?.eventsStartOn ?? '',
      eventsEndOn: dossier?.eventsEndOn ?? '',
    },
  });
  const { register } = form;
  const [slugEdited, setSlugEdited] = useState(Boolean(dossier));

  const onSuccess = (saved: { slug: string }) => {
    router.push(deskPaths.dossier(saved.slug));
    router.refresh();
  };
  const create = useMutation(trpc.dossiers.create.mutationOptions({ onSuccess, onError: onServerError }));
  const update = useMutation(trpc.dossiers.update.mutationOptions({ onSuccess, onError: onServerError }));
  const pending = create.isPending || update.isPending || create.isSuccess || update.isSuccess;

  const submit = submitHandler((values) => {
    if (dossier) update.mutate({ id: dossier.id, version: dossier.version, ...values });
    else create.mutate(values);
  });

  return (
    <form onSubmit={submit} noValidate className="max-w-2xl space-y-5">
      <FormErrorBanner errors={serverError} editing={Boolean(dossier)} />
      <Field id="dossier-title" label="Title" error={errorOf('title')}>
        {(props) => (
          <Input
            {...props}
            {...register('title', {
              onChange: (event: React.ChangeEvent<HTMLInputElement>) => {
                if (!slugEdited) form.setValue('slug', slugify(event.target.value), { shouldValidate: form.formState.isSubmitted });
              },
            })}
            maxLength={200}
            required
          />
        )}
      </Field>
      <Field
        id="dossier-slug"
        label="Slug"
        error={errorOf('slug')}
        hint={
          dossier
            ? 'Part of the public address (/d/…). Changing it breaks links that others already use.'
            : 'Part of the public address (/d/…): lower-case letters, digits and hyphens. Suggested from the title.'
        }
      >
        {(props) => (
          <Input
            {...props}
            {...register('slug', { onChange: () => setSlugEdited(true) })}
            maxLength={80}
            autoComplete="off"
            spellCheck={false}
            className="font-mono"
            required
          />
        )}
      </Field>
      <Field id="dossier-summary" label="Summary" error={errorOf('summary')} hint="What happened, in a few sentences. Shown on the public page.">
        {(props) => <Textarea {...props} {...register('summary')} rows={5} maxLength={5000} />}
      </Field>
      <div className="grid gap-5 sm:grid-cols-2">
        <Field id="dossier-start" label="Start date" error={errorOf('eventsStartOn')}>
          {(props) => <Input {...props} {...register('eventsStartOn')} type="date" />}
        </Field>
        <Field id="dossier-end" label="End date" error={errorOf('eventsEndOn')} hint="Leave empty while events continue.">
          {(props) => <Input {...props} {...register('eventsEndOn')} type="date" />}
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
