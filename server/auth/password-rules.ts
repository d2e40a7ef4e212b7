import { z } from 'zod';

/**
 * NIST 800-63B style: a length range, no composition rules. Apart from password.ts (argon2), so input schemas that
 * forms share do not pull the hashing library along.
 */
export const passwordSchema = z
  .string({ error: 'Password is required' })
  .min(8, 'Password must be at least 8 characters')
  .max(128, 'Password must be at most 128 characters');
