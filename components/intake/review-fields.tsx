'use client';

import { useId, useState } from 'react';
import { ActorMultiPicker, ActorPicker, type PickedActor } from '@/components/actors/actor-picker';
import { TextListInput } from '@/components/actors/text-list-input';
import { MomentInput, momentInPrecision } from '@/components/forms/moment-input';
import { Button, Field, Input, Select, Textarea } from '@/components/ui/primitives';
import { datePrecisionLabels, datePrecisions, type DatePrecision } from '@/server/claims/claims.labels';
import type { Evidence } from '@/server/intake/suggestions';
import { nameOfRef, type ReviewState } from './intake-state';

/**
 * The review screen's small controlled fields. Every one is a labelled Field (ids unique per item, e.g.
 * `reactions-2-quote`) with its error under it; the review holds the values (components/intake/intake-state.ts).
 */

/** The sentence a suggestion came from, the words that triggered it marked. */
export function EvidenceSentence({ evidence }: { evidence: Evidence }) {
  const { sentence, sentenceStart } = evidence;
  let start = evidence.spanStart - sentenceStart;
  let end = evidence.spanEnd - sentenceStart;
  if (start < 0 || end > sentence.length || start >= end) {
    start = 0;
    end = 0;
  }
  return (
    <blockquote className="border-l-4 border-stone-300 pl-3 text-stone-800">
      {sentence.slice(0, start)}
      {end > start ? <mark className="rounded-sm bg-amber-200 px-0.5 text-stone-900">{sentence.slice(start, end)}</mark> : null}
      {sentence.slice(end)}
    </blockquote>
  );
}

export function TextField({
  id,
  label,
  value,
  onChange,
  error,
  hint,
  rows,
  maxLength,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  hint?: string;
  /** Rows of a textarea; none: a one-line input. */
  rows?: number;
  maxLength: number;
}) {
  return (
    <Field id={id} label={label} error={error} hint={hint}>
      {(props) =>
        rows ? (
          <Textarea {...props} rows={rows} maxLength={maxLength} value={value} onChange={(event) => onChange(event.target.value)} />
        ) : (
          <Input {...props} maxLength={maxLength} value={value} onChange={(event) => onChange(event.target.value)} />
        )
      }
    </Field>
  );
}

export function SelectField<V extends string | number>({
  id,
  label,
  value,
  options,
  onChange,
  error,
  hint,
}: {
  id: string;
  label: string;
  value: V;
  options: ReadonlyArray<readonly [V, string]>;
  onChange: (value: V) => void;
  error?: string;
  hint?: string;
}) {
  return (
    <Field id={id} label={label} error={error} hint={hint}>
      {(props) => (
        <Select
          {...props}
          value={String(value)}
          onChange={(event) => onChange((options.find(([option]) => String(option) === event.target.value)?.[0] ?? value) as V)}
        >
          {options.map(([option, text]) => (
            <option key={String(option)} value={String(option)}>
              {text}
            </option>
          ))}
        </Select>
      )}
    </Field>
  );
}

export function ListField({
  id,
  label,
  value,
  onChange,
  error,
  hint,
}: {
  id: string;
  label: string;
  value: string[];
  onChange: (value: string[]) => void;
  error?: string;
  hint?: string;
}) {
  return (
    <Field id={id} label={label} error={error} hint={hint}>
      {(props) => <TextListInput {...props} value={value} onChange={onChange} maxLength={2000} />}
    </Field>
  );
}

/** A moment and its precision side by side (the same rules as the record forms: UTC, the moment kept across precisions). */
export function MomentFields({
  id,
  label,
  value,
  precision,
  onChange,
  errors,
  showPrecision = true,
}: {
  id: string;
  label: string;
  value: string;
  precision: DatePrecision;
  onChange: (next: { value: string; precision: DatePrecision }) => void;
  errors: { value?: string; precision?: string };
  showPrecision?: boolean;
}) {
  return (
    <>
      <Field id={id} label={label} error={errors.value} hint="UTC.">
        {(props) => <MomentInput {...props} value={value} precision={precision} onChange={(next) => onChange({ value: next, precision })} />}
      </Field>
      {showPrecision ? (
        <PrecisionField id={`${id}-precision`} label={`${label} precision`} value={value} precision={precision} error={errors.precision} onChange={onChange} />
      ) : null}
    </>
  );
}

/** How exactly a moment is known; changing it keeps the moment, in the shape the other input needs. */
export function PrecisionField({
  id,
  label,
  value,
  precision,
  error,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  precision: DatePrecision;
  error?: string;
  onChange: (next: { value: string; precision: DatePrecision }) => void;
}) {
  return (
    <SelectField
      id={id}
      label={label}
      value={precision}
      options={datePrecisions.map((option) => [option, datePrecisionLabels[option]] as const)}
      error={error}
      onChange={(next) => onChange({ value: momentInPrecision(value, next) ?? '', precision: next })}
    />
  );
}

/** The article's actors a picker offers beside the directory search: matched and new, by ref. */
function articleActors(state: ReviewState, exclude: readonly string[]) {
  return state.actors.filter((actor) => !exclude.includes(actor.ref)).map((actor) => ({ ref: actor.ref, name: nameOfRef(state, actor.ref) }));
}

/**
 * The article's actors in a select with its own button: choosing with the arrow keys (which changes a closed select
 * at once on some systems) does not add an actor per keystroke.
 */
function ArticleActorSelect({
  id,
  label,
  action,
  state,
  exclude,
  onPick,
}: {
  id: string;
  label: string;
  /** The button's words: "Add", "Use". */
  action: string;
  state: ReviewState;
  exclude: readonly string[];
  onPick: (ref: string) => void;
}) {
  const [choice, setChoice] = useState('');
  const options = articleActors(state, exclude);
  if (options.length === 0) return null;
  const chosen = options.some((option) => option.ref === choice) ? choice : '';
  return (
    <div className="mt-1">
      <label htmlFor={id} className="text-xs text-stone-600">
        {label}
      </label>
      <div className="flex items-center gap-2">
        <Select id={id} className="mt-0.5" value={chosen} onChange={(event) => setChoice(event.target.value)}>
          <option value="">Choose an actor found in the article…</option>
          {options.map((option) => (
            <option key={option.ref} value={option.ref}>
              {option.name}
              {option.ref.startsWith('new:') ? ' (new)' : ''}
            </option>
          ))}
        </Select>
        <Button
          variant="secondary"
          className="mt-0.5 shrink-0"
          disabled={!chosen}
          onClick={() => {
            onPick(chosen);
            setChoice('');
          }}
        >
          {action}
          <span className="sr-only"> ({label.toLowerCase()})</span>
        </Button>
      </div>
    </div>
  );
}

/** Directory actors picked by search are remembered by name in the review (new: refs are the review's own). */
const rememberable = (actor: PickedActor) => !actor.id.startsWith('new:');

/** Several actors by ref: the article's actors (a select) or any directory actor (the usual search). */
export function RefsField({
  id,
  label,
  hint,
  refs,
  state,
  error,
  onChange,
  onRemember,
}: {
  id: string;
  label: string;
  hint?: string;
  refs: string[];
  state: ReviewState;
  error?: string;
  onChange: (refs: string[]) => void;
  onRemember: (actor: PickedActor) => void;
}) {
  return (
    <div>
      <Field id={id} label={label} error={error} hint={hint}>
        {(props) => (
          <ActorMultiPicker
            inputProps={props}
            value={refs.map((ref) => ({ id: ref, name: nameOfRef(state, ref) }))}
            onChange={(picked) => {
              picked.filter(rememberable).forEach(onRemember);
              onChange(picked.map((actor) => actor.id));
            }}
          />
        )}
      </Field>
      <ArticleActorSelect id={`${id}-article`} label={`Add to ${label.toLowerCase()} from the article`} action="Add" state={state} exclude={refs} onPick={(ref) => onChange([...refs, ref])} />
    </div>
  );
}

/** One actor by ref, or none. */
export function RefField({
  id,
  label,
  hint,
  value,
  state,
  error,
  onChange,
  onRemember,
}: {
  id: string;
  label: string;
  hint?: string;
  value: string | null;
  state: ReviewState;
  error?: string;
  onChange: (ref: string | null) => void;
  onRemember: (actor: PickedActor) => void;
}) {
  return (
    <div>
      <Field id={id} label={label} error={error} hint={hint}>
        {(props) => (
          <ActorPicker
            inputProps={props}
            value={value ? { id: value, name: nameOfRef(state, value) } : null}
            onChange={(actor) => {
              if (actor && rememberable(actor)) onRemember(actor);
              onChange(actor?.id ?? null);
            }}
          />
        )}
      </Field>
      <ArticleActorSelect id={`${id}-article`} label={`${label} from the article`} action="Use" state={state} exclude={value ? [value] : []} onPick={onChange} />
    </div>
  );
}

/** Fields that start hidden behind "More fields"; errors among them open it. */
export function MoreFields({ label, forceOpen, children }: { label: string; forceOpen: boolean; children: React.ReactNode }) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const shown = open || forceOpen;
  return (
    <div>
      <Button variant="ghost" className="px-2 py-1 text-blue-800" aria-expanded={shown} aria-controls={panelId} onClick={() => setOpen(!shown)}>
        {shown ? 'Fewer fields' : 'More fields'}
        <span className="sr-only"> of {label}</span>
      </Button>
      <div id={panelId} hidden={!shown} className="mt-3 grid gap-4 sm:grid-cols-2">
        {children}
      </div>
    </div>
  );
}
