import type { Metadata } from 'next';
import { UsersAdmin } from '@/components/users/users-admin';
import { requirePageUser } from '@/server/auth/guards';

export const metadata: Metadata = { title: 'Users' };

export default async function UsersPage() {
  await requirePageUser('admin');
  return <UsersAdmin />;
}
