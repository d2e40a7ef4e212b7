'use client';

import { useMemo } from 'react';
import { Select } from '@/components/ui/primitives';
import { countryOptions } from '@/server/actors/countries';

/** ISO 3166-1 alpha-2 countries by English name (from i18n-iso-countries); the empty option means none. */
export function CountrySelect({
  value,
  onChange,
  ...props
}: {
  id: string;
  value: string;
  onChange: (code: string) => void;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
  disabled?: boolean;
}) {
  const options = useMemo(() => countryOptions(), []);
  return (
    <Select {...props} value={value} onChange={(event) => onChange(event.target.value)}>
      <option value="">None</option>
      {options.map((option) => (
        <option key={option.code} value={option.code}>
          {option.name}
        </option>
      ))}
    </Select>
  );
}
