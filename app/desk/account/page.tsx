import type { Metadata } from 'next';
import { ChangePasswordForm } from '@/components/users/change-password-form';
import { PageHeading } from '@/components/ui/page-heading';
import { requirePageUser } from '@/server/auth/guards';

export const metadata: Metadata = { title: 'Your account' };

export default async function AccountPage() {
  const user = await requirePageUser('viewer');
  return (
    <>
      <PageHeading title="Your account">
        Signed in as {user.email} ({user.role}).
      </PageHeading>
      <h2 className="mb-3 text-lg font-semibold text-ink">Password</h2>
      <ChangePasswordForm />
    </>
  );
}
