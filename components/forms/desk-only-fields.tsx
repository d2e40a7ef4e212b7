'use client';

import { Controller, type Control, type FieldValues, type Path, type UseFormRegister } from 'react-hook-form';
import { TextListInput } from '@/components/actors/text-list-input';
import { Field, Textarea } from '@/components/ui/primitives';

/**
 * The "For the desk" section of a desk form whose values hold `tags` (a list) and `internalNotes` (a claim, a
 * reaction): never shown publicly. Field ids are `${idPrefix}-tags` and `${idPrefix}-notes`.
 */
export function DeskOnlyFields<T extends FieldValues>({
  control,
  register,
  errorOf,
  idPrefix,
  tagsHint,
}: {
  control: Control<T, unknown, FieldValues>;
  register: UseFormRegister<T>;
  errorOf: (path: Path<T>) => string | undefined;
  idPrefix: string;
  tagsHint: string;
}) {
  const tags = 'tags' as Path<T>;
  const internalNotes = 'internalNotes' as Path<T>;
  return (
    <section aria-labelledby={`${idPrefix}-desk-heading`} className="space-y-5">
      <h2 id={`${idPrefix}-desk-heading`} className="text-lg font-semibold text-ink">
        For the desk
      </h2>
      <Field id={`${idPrefix}-tags`} label="Tags" error={errorOf(tags)} hint={tagsHint}>
        {(props) => (
          <Controller
            control={control}
            name={tags}
            render={({ field }) => <TextListInput {...props} value={field.value} onChange={field.onChange} onBlur={field.onBlur} maxLength={2000} />}
          />
        )}
      </Field>
      <Field id={`${idPrefix}-notes`} label="Internal notes" error={errorOf(internalNotes)} hint="For the desk only: never shown publicly.">
        {(props) => <Textarea {...props} {...register(internalNotes)} rows={4} maxLength={10_000} />}
      </Field>
    </section>
  );
}
