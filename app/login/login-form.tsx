'use client';

import { signIn } from 'next-auth/react';
import { useState } from 'react';
import { Button, ErrorBanner, Field, Input } from '@/components/ui';

const LOCKED = 'TooManyAttempts';

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
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
    });
    setPending(false);
    if (!result || result.error || !result.ok) {
      setError(
        result?.error === LOCKED
          ? 'Too many failed sign-ins. Wait 15 minutes, then try again.'
          : 'That email and password do not match an active account.',
      );
      return;
    }
    // A full navigation, so server components render with the new session.
    window.location.assign(callbackUrl);
  }

  return (
    <form onSubmit={onSubmit} className="mt-6 space-y-4" noValidate>
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
