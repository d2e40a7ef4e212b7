import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { safeCallbackPath } from '@/server/auth/callback-url';
import { currentUser } from '@/server/auth/guards';
import { readEnvironment } from '@/server/env';
import { LoginForm } from './login-form';

export const metadata: Metadata = { title: 'Sign in' };
export const dynamic = 'force-dynamic';

const NOTICES: Record<string, string> = {
  'password-changed': 'Your password was changed and every session signed out. Sign in with the new password.',
};

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(params.callbackUrl, readEnvironment().NEXTAUTH_URL);
  if (await currentUser()) redirect(callbackUrl);
  return (
    <main className="mx-auto mt-24 max-w-sm px-4">
      <h1 className="text-2xl font-semibold text-ink">Sign in to Claimdesk</h1>
      <p className="mt-1 text-sm text-stone-600">For the desk. Readers don’t need an account.</p>
      <LoginForm callbackUrl={callbackUrl} notice={NOTICES[String(params.notice)] ?? null} />
    </main>
  );
}
