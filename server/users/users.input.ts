import { z } from 'zod';
import { passwordSchema } from '@/server/auth/password-rules';
import { entityId, storableString, versionedIdInput } from '@/server/validation';
import { roles } from './users.labels';

export const emailSchema = z
  .string({ error: 'Email is required' })
  .trim()
  .toLowerCase()
  .max(254, 'Email must be at most 254 characters')
  .pipe(z.email({ error: 'Email must be a valid email address' }));

export const roleSchema = z.enum(roles, { error: `Role must be one of: ${roles.join(', ')}` });

export const createUserInput = z.object({
  email: emailSchema,
  name: storableString('Name').trim().max(120, 'Name must be at most 120 characters').default(''),
  role: roleSchema,
});
export const setRoleInput = versionedIdInput.extend({ role: roleSchema });
export const setActiveInput = versionedIdInput.extend({ active: z.boolean() });
export const changeOwnPasswordInput = z.object({
  currentPassword: z.string().max(128),
  newPassword: passwordSchema,
});
export const endSessionsInput = z.object({ id: entityId });
