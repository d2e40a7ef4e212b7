'use client';

import { useMutation } from '@tanstack/react-query';
import { signOut } from 'next-auth/react';
import { useState } from 'react';
import { Button, ErrorBanner, Field, Input } from '@/components/ui/primitives';
import { useTRPC } from '@/trpc/client';
import { noFormErrors, toFormErrors, type FormErrors } from '@/components/ui/form-errors';

/** Change one's own password; the current one is asked for again. Every session ends, so the user signs in anew. */
export function ChangePasswordForm() {
  const trpc = useTRPC();
  const [values, setValues] = useState({ currentPassword: '', newPassword: '' });
  const [errors, setErrors] = useState<FormErrors>(noFormErrors);
  const [done, setDone] = useState(false);
  const change = useMutation(
    trpc.users.changeOwnPassword.mutationOptions({
      // The change ends this session too: refetching anything now would only meet a 401 before the sign-out below.
      meta: { invalidates: false },
      onSuccess: () => {
        setDone(true);
        setValues({ currentPassword: '', newPassword: '' });
        // A password change ends every session, this one included: sign in again with the new password.
        void signOut({ callbackUrl: '/login?notice=password-changed' });
      },
      onError: (error) => setErrors(toFormErrors(error, ['currentPassword', 'newPassword'])),
    }),
  );

  return (
    <form
      noValidate
      className="max-w-md space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        setErrors(noFormErrors);
        setDone(false);
        change.mutate(values);
      }}
    >
      {done ? (
        <p role="status" className="rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          Your password has been changed. Signing you out…
        </p>
      ) : null}
      <ErrorBanner>{errors.banner}</ErrorBanner>
      <Field id="current-password" label="Current password" error={errors.fields.currentPassword}>
        {(props) => (
          <Input
            {...props}
            type="password"
            autoComplete="current-password"
            value={values.currentPassword}
            onChange={(event) => setValues((current) => ({ ...current, currentPassword: event.target.value }))}
            maxLength={128}
            required
          />
        )}
      </Field>
      <Field id="new-password" label="New password" error={errors.fields.newPassword} hint="At least 8 characters. A long phrase is easiest to remember.">
        {(props) => (
          <Input
            {...props}
            type="password"
            autoComplete="new-password"
            value={values.newPassword}
            onChange={(event) => setValues((current) => ({ ...current, newPassword: event.target.value }))}
            maxLength={128}
            required
          />
        )}
      </Field>
      <Button type="submit" disabled={change.isPending}>
        Change password
      </Button>
    </form>
  );
}
