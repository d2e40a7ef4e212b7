import Link from 'next/link';

export default function PublicLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="mx-auto flex min-h-screen max-w-5xl flex-col px-4">
      <header className="flex items-center justify-between border-b border-stone-200 py-4">
        <Link href="/" className="text-lg font-semibold tracking-tight text-ink">
          Claimdesk
        </Link>
        <Link href="/desk" className="text-sm text-stone-600 underline-offset-4 hover:underline">
          Desk sign-in
        </Link>
      </header>
      <main className="flex-1 py-8">{children}</main>
      <footer className="border-t border-stone-200 py-4 text-xs text-stone-500">
        Source reliability uses the Admiralty scale: A completely reliable … E unreliable, F cannot be judged.
      </footer>
    </div>
  );
}
