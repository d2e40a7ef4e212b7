'use client';

import { signIn } from 'next-auth/react';
import { useState } from 'react';
import { Button, ErrorBanner, Field, Input } from '@/components/ui/primitives';

// Error codes from server/auth/auth-options.ts (kept as literals: this is client code).
const MESSAGES: Record<string, string> = {
  TooManyAttempts: 'Too many failed sign-ins. Wait 15 minutes, then try again.',
  ServiceUnavailable: 'The desk cannot be reached right now. Please try again in a minute.',
  SignInFailed: 'Signing in failed on our side. Please try again.',
};
const WRONG_CREDENTIALS = 'That email and password do not match an active account.';

export function LoginForm({ callbackUrl, notice }: { callbackUrl: string; notice?: string | null }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn('credentials', {
      email: String(form.get('email') ?? ''),
      password: String(form.get('password') ?? ''),
      redirect: false,
      callbackUrl,
    }).catch(() => null);
    setPending(false);
    if (!result || result.error || !result.ok) {
      const code = result?.error ?? (result?.status === 503 || !result ? 'ServiceUnavailable' : '');
      setError(MESSAGES[code] ?? WRONG_CREDENTIALS);
      return;
    }
    // A full navigation, so server components render with the new session.
    window.location.assign(callbackUrl);
  }

  return (
    <form onSubmit={onSubmit} className="mt-6 space-y-4" noValidate>
      {notice && !error ? (
        <p role="status" className="rounded-md border border-emerald-200 bg-emerald-50 p-3 text-sm text-emerald-900">
          {notice}
        </p>
      ) : null}
      <ErrorBanner>{error}</ErrorBanner>
      <Field id="email" label="Email">
        {(props) => <Input {...props} name="email" type="email" autoComplete="username" required autoFocus />}
      </Field>
      <Field id="password" label="Password">
        {(props) => <Input {...props} name="password" type="password" autoComplete="current-password" required />}
      </Field>
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? 'Signing in…' : 'Sign in'}
      </Button>
    </form>
  );
}
