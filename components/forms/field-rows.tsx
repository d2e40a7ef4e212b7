'use client';

import {
  useFieldArray,
  useFormState,
  type ArrayPath,
  type Control,
  type FieldArray,
  type FieldArrayWithId,
  type FieldValues,
  type Path,
} from 'react-hook-form';
import { Button } from '@/components/ui/primitives';
import { errorMessageAt } from '@/components/forms/use-desk-form';

/** The dotted path of one field of one row: rowField('sources', 2, 'excerpt') → "sources.2.excerpt". */
export function rowField<T extends FieldValues>(name: ArrayPath<T>, index: number, field: string): Path<T> {
  return `${name}.${index}.${field}` as Path<T>;
}

/**
 * Repeating rows of a form (a claim's sources with their excerpts, a reaction's actors) on react-hook-form's
 * useFieldArray: one fieldset with a legend, the rows in order, "Remove" per row, optional move up/down, and an add
 * button. The array's own error (e.g. "At least one source") shows under the rows; each row renders its own fields
 * and reads their errors with errorOf(rowField(name, index, 'excerpt')).
 *
 *   <FieldRows control={form.control} name="sources" legend="Sources" addLabel="Add source"
 *     newRow={() => ({ sourceId: '', excerpt: '' })} rowLabel={(index) => `Source ${index + 1}`}>
 *     {({ index }) => <Field id={`source-${index}-excerpt`} label="Excerpt" error={errorOf(rowField('sources', index, 'excerpt'))}>…}
 *   </FieldRows>
 */
export function FieldRows<T extends FieldValues, N extends ArrayPath<T>>({
  control,
  name,
  legend,
  hint,
  newRow,
  addLabel,
  rowLabel,
  emptyText,
  max,
  reorderable = false,
  disabled = false,
  children,
}: {
  control: Control<T, unknown, FieldValues>;
  name: N;
  legend: string;
  hint?: string;
  /** The values of a freshly added row. */
  newRow: () => FieldArray<T, N>;
  addLabel: string;
  /** Names a row for screen readers ("Remove source 2"): e.g. (index) => `source ${index + 1}`. */
  rowLabel: (index: number) => string;
  emptyText?: string;
  max?: number;
  reorderable?: boolean;
  disabled?: boolean;
  children: (row: { index: number; field: FieldArrayWithId<T, N>; name: `${N}.${number}` }) => React.ReactNode;
}) {
  const { fields, append, remove, move } = useFieldArray({ control, name });
  const { errors } = useFormState({ control, name: name as unknown as Path<T> });
  const error = errorMessageAt(errors, name);
  const id = `rows-${name.replace(/\W+/g, '-')}`;
  const full = max !== undefined && fields.length >= max;

  return (
    <fieldset className="space-y-3" aria-describedby={[hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined}>
      <legend className="text-sm font-medium text-stone-800">{legend}</legend>
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-stone-500">
          {hint}
        </p>
      ) : null}
      {fields.length === 0 && emptyText ? <p className="text-sm text-stone-500 italic">{emptyText}</p> : null}
      {fields.length > 0 ? (
        <ol className="space-y-3">
          {fields.map((field, index) => (
            <li key={field.id} className="rounded-md border border-stone-200 bg-stone-50/60 p-3">
              {children({ index, field, name: `${name}.${index}` })}
              {disabled ? null : (
                <div className="mt-2 flex flex-wrap justify-end gap-2">
                  {reorderable ? (
                    <>
                      <Button variant="ghost" disabled={index === 0} onClick={() => move(index, index - 1)} aria-label={`Move ${rowLabel(index)} up`}>
                        ↑
                      </Button>
                      <Button
                        variant="ghost"
                        disabled={index === fields.length - 1}
                        onClick={() => move(index, index + 1)}
                        aria-label={`Move ${rowLabel(index)} down`}
                      >
                        ↓
                      </Button>
                    </>
                  ) : null}
                  <Button variant="ghost" onClick={() => remove(index)} aria-label={`Remove ${rowLabel(index)}`}>
                    Remove
                  </Button>
                </div>
              )}
            </li>
          ))}
        </ol>
      ) : null}
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
      {disabled ? null : (
        <Button variant="secondary" disabled={full} onClick={() => append(newRow())}>
          {addLabel}
        </Button>
      )}
    </fieldset>
  );
}
