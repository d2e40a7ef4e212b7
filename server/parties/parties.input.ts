import { z } from 'zod';
import { partyRoles } from '@/server/actors/actors.labels';
import { entityId, version } from '@/server/validation';

/** Inputs for a dossier's parties. Client-safe (no Drizzle): forms share these schemas. */

export { partyRoleLabels, partyRoles, type PartyRole } from '@/server/actors/actors.labels';

const partyRole = z.enum(partyRoles, { error: `Role must be one of: ${partyRoles.join(', ')}` });

export const listPartiesInput = z.object({ dossierId: entityId });
export const addPartyInput = z.object({ dossierId: entityId, actorId: entityId, role: partyRole.default('party') });
export type AddPartyInput = z.infer<typeof addPartyInput>;
export const updatePartyInput = z.object({ id: entityId, version, role: partyRole });
export type UpdatePartyInput = z.infer<typeof updatePartyInput>;
/** Not called `direction`: tRPC reserves that input key. */
export const movePartyInput = z.object({ id: entityId, version, to: z.enum(['earlier', 'later'], { error: 'To must be earlier or later' }) });
export type MovePartyInput = z.infer<typeof movePartyInput>;
