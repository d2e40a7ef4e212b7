import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { currentUser } from '@/server/auth/guards';
import { LoginForm } from './login-form';

export const metadata: Metadata = { title: 'Sign in' };
export const dynamic = 'force-dynamic';

/** Only same-site paths: an attacker's callbackUrl must not turn sign-in into an open redirect. */
function safeCallback(value: string | string[] | undefined): string {
  const candidate = typeof value === 'string' ? value : '';
  return candidate.startsWith('/') && !candidate.startsWith('//') && !candidate.startsWith('/\\') ? candidate : '/desk';
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallback(params.callbackUrl);
  if (await currentUser()) redirect(callbackUrl);
  return (
    <main className="mx-auto mt-24 max-w-sm px-4">
      <h1 className="text-2xl font-semibold text-ink">Sign in to Claimdesk</h1>
      <p className="mt-1 text-sm text-stone-600">For the desk. Readers don’t need an account.</p>
      <LoginForm callbackUrl={callbackUrl} />
    </main>
  );
}
