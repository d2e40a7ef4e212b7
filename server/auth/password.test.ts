import { describe, expect, it } from 'vitest';
import { hashPassword, passwordSchema, verifyPassword } from './password';

describe('password hashing', () => {
  it('uses argon2id at OWASP’s minimum cost (m=19456 KiB, t=2, p=1), with a fresh salt each time', async () => {
    const [first, second] = await Promise.all([hashPassword('claimdesk-demo'), hashPassword('claimdesk-demo')]);
    expect(first).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{16,}\$[A-Za-z0-9+/]{32,}$/);
    expect(second).not.toBe(first);
    expect(first).not.toContain('claimdesk-demo');
  });

  it('verifies the right password and nothing else', async () => {
    const stored = await hashPassword('Pässwörd with ünïcode 🔑');
    expect(await verifyPassword(stored, 'Pässwörd with ünïcode 🔑')).toBe(true);
    expect(await verifyPassword(stored, 'Pässwörd with ünïcode')).toBe(false);
    expect(await verifyPassword(stored, 'pässwörd with ünïcode 🔑')).toBe(false);
    expect(await verifyPassword(stored, '')).toBe(false);
  });

  it('answers false (not an error) for a stored hash that is not an argon2 hash', async () => {
    expect(await verifyPassword('', 'x')).toBe(false);
    expect(await verifyPassword('$2b$10$abcdefghijklmnopqrstuv', 'x')).toBe(false);
  });

  it('asks for 8 to 128 characters and nothing about their kind', () => {
    expect(passwordSchema.safeParse('a'.repeat(7)).success).toBe(false);
    for (const length of [8, 64, 128]) expect(passwordSchema.safeParse('a'.repeat(length)).success, `${length}`).toBe(true);
    expect(passwordSchema.safeParse('a'.repeat(129)).success).toBe(false);
    // No composition rules: all lower case letters, or all spaces, are fine.
    expect(passwordSchema.safeParse('correcthorse').success).toBe(true);
    expect(passwordSchema.safeParse('        ').success).toBe(true);
  });
});
