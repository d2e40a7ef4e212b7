'use client';

import { Button } from '@/components/ui/primitives';

export function SignOutButton() {
  return (
    <Button
      variant="ghost"
      // next-auth's client is ~8 KB gzip that every desk page would load for this one click.
      onClick={async () => {
        const { signOut } = await import('next-auth/react');
        await signOut({ callbackUrl: '/login' });
      }}
    >
      Sign out
    </Button>
  );
}
