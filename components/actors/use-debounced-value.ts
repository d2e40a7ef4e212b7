'use client';

import { useEffect, useState } from 'react';

/** The value as it was `delayMs` after it last changed: type-ahead and duplicate checks ask once typing pauses. */
export function useDebouncedValue<T>(value: T, delayMs: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return debounced;
}
