'use client';

import { useQueries } from '@tanstack/react-query';
import { useTRPC } from '@/trpc/client';
import { namedActorQuery } from './actors-queries';
import type { PickedActor } from './actor-picker';

/** The actors of an actor filter, named (the address holds only their ids); '…' until an actor has loaded. */
export function useNamedActors(ids: readonly string[]): PickedActor[] {
  const trpc = useTRPC();
  const found = useQueries({ queries: ids.map((id) => namedActorQuery(trpc, id)) });
  return ids.map((id, index) => {
    const actor = found[index]?.data;
    return actor ? { id, name: actor.name, kind: actor.kind } : { id, name: '…' };
  });
}
