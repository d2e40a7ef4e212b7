import type { Role } from '@/server/users/schema';

const RANK: Record<Role, number> = { viewer: 1, editor: 2, admin: 3 };

/** Roles are ordered: an admin may do what an editor may, an editor what a viewer may. */
export function hasRole(role: Role | null | undefined, minimum: Role): boolean {
  return role ? RANK[role] >= RANK[minimum] : false;
}
