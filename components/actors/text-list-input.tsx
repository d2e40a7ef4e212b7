'use client';

import { useState } from 'react';
import { Input, Textarea } from '@/components/ui/primitives';

/** "Artsakh, Upper Karabakh" or one per line → ['Artsakh', 'Upper Karabakh'] (trimmed, no blanks, no repeats). */
export function splitList(text: string): string[] {
  return [...new Set(text.split(/[\n,;]/).map((item) => item.trim()).filter(Boolean))];
}

/**
 * A list of short texts (aliases, tags) edited as one text: commas or new lines separate the items. The text is
 * kept as typed (a trailing comma stays while typing); the list reaches the form on every change. Starts from
 * `value`; a form that resets it remounts this input (key).
 */
export function TextListInput({
  value,
  onChange,
  onBlur,
  multiline = false,
  separator = ', ',
  ...props
}: {
  id: string;
  value: readonly string[] | undefined;
  onChange: (items: string[]) => void;
  onBlur?: () => void;
  multiline?: boolean;
  separator?: string;
  maxLength?: number;
  rows?: number;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
  disabled?: boolean;
}) {
  const items = value ?? [];
  const [text, setText] = useState(() => items.join(separator));
  const change = (next: string) => {
    setText(next);
    onChange(splitList(next));
  };
  return multiline ? (
    <Textarea {...props} value={text} onChange={(event) => change(event.target.value)} onBlur={onBlur} />
  ) : (
    <Input {...props} value={text} onChange={(event) => change(event.target.value)} onBlur={onBlur} />
  );
}
