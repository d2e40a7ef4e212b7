'use client';

import { useRouter } from 'next/navigation';
import { Button, ErrorBanner } from '@/components/ui/primitives';
import { isVersionConflict, type FormErrors } from '@/components/ui/form-errors';

/**
 * A form's banner error. When someone else saved a newer version (CONFLICT), it offers "Reload", which re-renders the
 * page so the form starts again from their version.
 */
export function FormErrorBanner({ errors, editing }: { errors: FormErrors; editing: boolean }) {
  const router = useRouter();
  if (!errors.banner) return null;
  return (
    <ErrorBanner>
      <span>{errors.banner}</span>
      {editing && isVersionConflict(errors) ? (
        <Button variant="secondary" className="ml-3" onClick={() => router.refresh()}>
          Reload
        </Button>
      ) : null}
    </ErrorBanner>
  );
}
