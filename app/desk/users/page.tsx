import type { Metadata } from 'next';
import { UsersAdmin } from '@/components/users/users-admin';
import { requirePageUser } from '@/server/auth/guards';
import { HydrateClient } from '@/trpc/server';
import { prefetchUsers } from '../prefetch';

export const metadata: Metadata = { title: 'Users' };

export default async function UsersPage() {
  await requirePageUser('admin');
  await prefetchUsers();
  return (
    <HydrateClient>
      <UsersAdmin />
    </HydrateClient>
  );
}
