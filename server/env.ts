import { z } from 'zod';
import { isFrameAncestorList } from '@/server/http/content-security-policy';

const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value ? value : undefined));

/**
 * Who may put /embed/* pages in a frame: space-separated origins (`https://news.example.org https://*.example.com`),
 * `*` (any site, the default), `'self'`, or `'none'` alone. Every other page refuses all framing.
 */
function embedFrameAncestorsSchema() {
  return optionalText
    .transform((value) => (value ? value.split(/\s+/).join(' ') : '*'))
    .refine(isFrameAncestorList, {
      message: "EMBED_FRAME_ANCESTORS must be space-separated origins such as https://news.example.org, *, 'self', or 'none' alone",
    });
}

/** EMBED_FRAME_ANCESTORS alone, for proxy.ts on every /embed request (the whole environment is checked at start-up). */
export function embedFrameAncestors(source: NodeJS.ProcessEnv = process.env): string {
  const parsed = embedFrameAncestorsSchema().safeParse(source.EMBED_FRAME_ANCESTORS);
  return parsed.success ? parsed.data : "'none'";
}

const environmentSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATABASE_URL: optionalText.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// or postgresql:// URL')
      .optional(),
  ),
  DATA_DIR: z.string().trim().min(1).default('./.data'),
  AUTH_SECRET: optionalText.pipe(z.string().min(32, 'AUTH_SECRET must be at least 32 characters').optional()),
  NEXTAUTH_URL: optionalText,
  ADMIN_EMAIL: optionalText,
  ADMIN_PASSWORD: optionalText,
  SEED_DEMO: optionalText.pipe(z.enum(['0', '1']).optional()),
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  EMBED_FRAME_ANCESTORS: embedFrameAncestorsSchema(),
});

export type Environment = z.infer<typeof environmentSchema>;

/** The validated environment (cheap enough to re-read). Throws one readable line per bad variable. */
export function readEnvironment(source: NodeJS.ProcessEnv = process.env): Environment {
  const parsed = environmentSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

export const AUTH_SECRET_HELP =
  'AUTH_SECRET is required in production. Make one with: openssl rand -base64 32';

// Development only: a fixed secret so `npm run dev` works with zero setup. Production refuses to start without
// AUTH_SECRET (see instrumentation.ts).
const DEVELOPMENT_AUTH_SECRET = 'claimdesk-development-secret-do-not-use-in-production';

export function authSecret(environment: Environment = readEnvironment()): string {
  if (environment.AUTH_SECRET) return environment.AUTH_SECRET;
  if (environment.NODE_ENV === 'production') throw new Error(AUTH_SECRET_HELP);
  return DEVELOPMENT_AUTH_SECRET;
}

/** Embedded database folder for PGlite. */
export function pgliteDataDir(environment: Environment = readEnvironment()): string {
  return `${environment.DATA_DIR.replace(/[\\/]+$/, '')}/pglite`;
}
