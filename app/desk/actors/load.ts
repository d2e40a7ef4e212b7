import 'server-only';
import { TRPCError } from '@trpc/server';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { requirePageUser } from '@/server/auth/guards';
import { getServerCaller } from '@/trpc/server';

/** An actor for a desk page (deleted and merged ones too, so their page says so); a missing or malformed id is a 404. */
export const loadDeskActor = cache(async (id: string) => {
  await requirePageUser('viewer');
  const caller = await getServerCaller();
  return caller.actors.byId({ id }).catch((error: unknown) => {
    if (error instanceof TRPCError && (error.code === 'NOT_FOUND' || error.code === 'BAD_REQUEST')) notFound();
    throw error;
  });
});
