import Link from 'next/link';
import { NuqsAdapter } from 'nuqs/adapters/next/app';
import { DeskUserProvider } from '@/components/users/desk-user';
import { SignOutButton } from '@/components/users/sign-out-button';
import { requirePageUser } from '@/server/auth/guards';
import { TRPCReactProvider } from '@/trpc/client';

export const dynamic = 'force-dynamic';

export default async function DeskLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePageUser('viewer');
  return (
    <DeskUserProvider user={user}>
      <TRPCReactProvider>
        <div className="min-h-screen">
          <header className="border-b border-stone-200 bg-white">
            <div className="mx-auto flex max-w-7xl items-center justify-between gap-4 px-4 py-3">
              <nav aria-label="Desk" className="flex items-center gap-4 text-sm">
                <Link href="/desk" className="text-base font-semibold text-ink">
                  Claimdesk
                </Link>
                <Link href="/desk" className="text-stone-700 hover:underline">
                  Dossiers
                </Link>
                <Link href="/desk/actors" className="text-stone-700 hover:underline">
                  Actors
                </Link>
                {user.role === 'admin' ? (
                  <Link href="/desk/users" className="text-stone-700 hover:underline">
                    Users
                  </Link>
                ) : null}
                <Link href="/" className="text-stone-700 hover:underline">
                  Public site
                </Link>
              </nav>
              <div className="flex items-center gap-3 text-sm text-stone-600">
                <Link href="/desk/account" className="hover:underline">
                  {user.email}
                </Link>
                <span className="rounded bg-stone-100 px-2 py-0.5 text-xs uppercase tracking-wide">{user.role}</span>
                <SignOutButton />
              </div>
            </div>
          </header>
          {user.mustChangePassword ? (
            <p className="bg-amber-50 px-4 py-2 text-center text-sm text-amber-900">
              You are using a temporary password. <Link href="/desk/account" className="underline">Choose your own</Link>.
            </p>
          ) : null}
          <main className="mx-auto max-w-7xl px-4 py-6">
            {/* URL state of the desk lists (nuqs: components/data-table, server/<domain>/<domain>.search-params.ts). */}
            <NuqsAdapter>{children}</NuqsAdapter>
          </main>
        </div>
      </TRPCReactProvider>
    </DeskUserProvider>
  );
}
