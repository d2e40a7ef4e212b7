import { hash, verify } from '@node-rs/argon2';

// OWASP's minimum for argon2id (m=19 MiB, t=2, p=1). The library's defaults are weaker, so state them all.
// Algorithm 2 is Argon2id (the package's const enum cannot be imported under isolatedModules).
const ARGON2ID_OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export { passwordSchema } from './password-rules';

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2ID_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;
/** Spends the same time as a real check, so an unknown email cannot be told apart by response time. */
export async function verifyAgainstDummy(password: string): Promise<void> {
  dummyHash ??= hashPassword('claimdesk-timing-equaliser');
  await verifyPassword(await dummyHash, password);
}
