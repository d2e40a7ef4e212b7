'use client';

import { createContext, useContext } from 'react';
import type { Role } from '@/server/users/users.labels';

/** The signed-in user as the desk's client components see it (from the guarded layout). Hides controls only;
 * the server refuses unauthorised calls regardless. */
export interface DeskUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  mustChangePassword: boolean;
}

const DeskUserContext = createContext<DeskUser | null>(null);

export function DeskUserProvider({ user, children }: { user: DeskUser; children: React.ReactNode }) {
  return <DeskUserContext.Provider value={user}>{children}</DeskUserContext.Provider>;
}

export function useDeskUser(): DeskUser & { canEdit: boolean; isAdmin: boolean } {
  const user = useContext(DeskUserContext);
  if (!user) throw new Error('useDeskUser must be used inside the desk layout');
  return { ...user, canEdit: user.role === 'editor' || user.role === 'admin', isAdmin: user.role === 'admin' };
}
