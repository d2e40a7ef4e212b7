import { TRPCClientError } from '@trpc/client';

export interface DuplicateActor {
  id: string;
  name: string;
}

/** The existing actors a refused create named (CONFLICT with `details.duplicates`), or none. */
export function duplicatesOf(error: unknown): DuplicateActor[] {
  if (!(error instanceof TRPCClientError)) return [];
  const data = (error.data ?? {}) as { code?: string; details?: { duplicates?: unknown } | null };
  if (data.code !== 'CONFLICT' || !Array.isArray(data.details?.duplicates)) return [];
  return data.details.duplicates.filter(
    (item): item is DuplicateActor =>
      typeof item === 'object' && item !== null && typeof (item as DuplicateActor).id === 'string' && typeof (item as DuplicateActor).name === 'string',
  );
}
