'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useCallback, useState } from 'react';
import { get, useForm, type DefaultValues, type FieldValues, type Path, type UseFormProps, type UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import { noFormErrors, readServerError, topField, type FormErrors } from '@/components/ui/form-errors';

/**
 * The desk's one form pattern: react-hook-form validated by the SAME zod schema the router uses
 * (server/<domain>/<domain>.input.ts, client-safe), server refusals mapped back onto the fields.
 *
 *   const { form, serverError, onServerError, submitHandler, errorOf } = useDeskForm({
 *     schema: createThingInput.omit({ dossierId: true }),   // only the fields the form shows
 *     defaultValues: { title: '', notes: '' },              // z.input of the schema: strings stay strings
 *   });
 *   const save = useMutation(trpc.things.create.mutationOptions({ onSuccess: …, onError: onServerError }));
 *   <form onSubmit={submitHandler((values) => save.mutate({ ...values, dossierId }))} noValidate>
 *     <FormErrorBanner errors={serverError} editing={Boolean(thing)} />   // components/ui/form-banner.tsx
 *     <Field id="thing-title" label="Title" error={errorOf('title')}>
 *       {(props) => <Input {...props} {...form.register('title')} />}
 *     </Field>
 *
 * - Values are the schema's input type (`z.input`), the submit handler receives its output (`z.output`: trimmed,
 *   '' → null, dates coerced…), which every router input accepts again. Keep text/date inputs as strings.
 * - Messages are the schema's own, so the browser shows exactly what the server would answer.
 * - `onServerError` puts each server issue whose path starts with a key of the form's values on that field
 *   (nested paths too: "sources.0.excerpt"); anything else (a version conflict, a missing right, a field the form
 *   does not have) goes to `serverError.banner`. Invalidation is global (trpc/query-client.ts): never invalidate here.
 * - Repeating rows: components/forms/field-rows.tsx.
 */
export function useDeskForm<TSchema extends z.ZodType<FieldValues, FieldValues>>({
  schema,
  defaultValues,
  ...options
}: {
  schema: TSchema;
  defaultValues: DefaultValues<z.input<TSchema>>;
} & Omit<UseFormProps<z.input<TSchema>, unknown, z.output<TSchema>>, 'resolver' | 'defaultValues'>) {
  const form = useForm<z.input<TSchema>, unknown, z.output<TSchema>>({
    resolver: zodResolver(schema),
    defaultValues,
    ...options,
  });
  const [serverError, setServerError] = useState<FormErrors>(noFormErrors);

  const onServerError = useCallback((error: unknown) => setServerError(applyServerError(form, error)), [form]);
  const clearServerError = useCallback(() => setServerError(noFormErrors), []);

  /** `onSubmit` for the <form>: clears the last server refusal, validates, then calls `onValid` with the output. */
  const submitHandler = useCallback(
    (onValid: (values: z.output<TSchema>) => unknown) => (event?: React.BaseSyntheticEvent) => {
      setServerError(noFormErrors);
      return form.handleSubmit(onValid)(event);
    },
    [form],
  );

  /** The message to show under a field (client or server), for any dotted path. */
  const errorOf = (path: Path<z.input<TSchema>>): string | undefined => errorMessageAt(form.formState.errors, path);

  return { form, serverError, setServerError, onServerError, clearServerError, submitHandler, errorOf };
}

/**
 * The message at a path of react-hook-form's errors, including an array's own error (zodResolver files a field
 * array's error under `.root`).
 */
export function errorMessageAt(errors: object, path: string): string | undefined {
  const error = get(errors, path) as { message?: unknown; root?: { message?: unknown } } | undefined;
  const message = error?.message ?? error?.root?.message;
  return typeof message === 'string' && message ? message : undefined;
}

/**
 * Puts a tRPC error's issues onto the form's fields (focusing the first) and returns what is left for the banner.
 * The returned `fields` lists what went onto fields, so `isVersionConflict` can tell a bare conflict apart.
 */
export function applyServerError<T extends FieldValues>(form: UseFormReturn<T, unknown, FieldValues>, error: unknown): FormErrors {
  const { code, issues, details, duplicateOfId } = readServerError(error);
  const known = new Set(Object.keys(form.getValues() as object));
  const fields: Record<string, string> = {};
  const others: string[] = [];
  for (const { path, message } of issues) {
    if (path !== null && known.has(topField(path))) {
      if (path in fields) continue;
      fields[path] = message;
      form.setError(path as Path<T>, { type: 'server', message }, { shouldFocus: Object.keys(fields).length === 1 });
    } else {
      others.push(message);
    }
  }
  return { fields, banner: others.length ? others.join(' ') : null, code, duplicateOfId, details };
}
