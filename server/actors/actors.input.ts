import { z } from 'zod';
import { cursor, entityId, listSearch, optionalText, pageSize, requiredText, storableString, version } from '@/server/validation';
import { actorKinds } from './actors.labels';
import { isCountryCode } from './countries';
import { cleanAliases } from './match-key';

/** Inputs of the actor directory and of dossier parties. Client-safe (no Drizzle): forms share these schemas. */

export { actorKindLabels, actorKinds, type ActorKind } from './actors.labels';

const actorKind = z.enum(actorKinds, { error: `Kind must be one of: ${actorKinds.join(', ')}` });

/** An ISO 3166-1 alpha-2 code ("az" is read as "AZ"), or none: blank becomes null. */
const countryCode = z
  .union([z.literal(''), z.null(), z.undefined(), z.string()])
  .transform((value) => (value ? value.trim().toUpperCase() : null))
  .pipe(
    z
      .string()
      .refine(isCountryCode, 'Country must be an ISO 3166-1 alpha-2 code such as AZ, AM or FR')
      .nullable(),
  )
  .default(null);

const aliases = z
  .array(storableString('Alias').trim().max(200, 'Each alias must be at most 200 characters'), { error: 'Aliases must be a list' })
  .max(50, 'At most 50 aliases')
  .default([]);

export const actorObject = z.object({
  name: requiredText('Name', 200),
  kind: actorKind,
  countryCode,
  affiliationId: entityId.nullable().default(null),
  title: optionalText('Title', 200),
  aliases,
  description: optionalText('Description', 2000),
  internalNotes: optionalText('Internal notes', 10_000),
  /** Save even though the name or an alias matches an existing actor (the editor saw the warning). */
  allowDuplicate: z.boolean().default(false),
});

export type ActorFields = z.infer<typeof actorObject>;

/** A state needs its country code; aliases are kept distinct from the name and each other. */
export function checkActor(value: ActorFields, context: z.RefinementCtx): void {
  if (value.kind === 'state' && !value.countryCode) {
    context.addIssue({ code: 'custom', path: ['countryCode'], message: 'Country is required for a state' });
  }
}
const withCleanAliases = <T extends ActorFields>(value: T): T => ({ ...value, aliases: cleanAliases(value.name, value.aliases) });

export const createActorInput = actorObject.superRefine(checkActor).transform(withCleanAliases);
export type CreateActorInput = z.infer<typeof createActorInput>;

export const updateActorInput = actorObject
  .extend({ id: entityId, version })
  .superRefine(checkActor)
  .transform(withCleanAliases);
export type UpdateActorInput = z.infer<typeof updateActorInput>;

export const actorIdInput = z.object({ id: entityId });

export const listActorsInput = z.object({
  search: listSearch,
  kind: z.array(actorKind).max(actorKinds.length).default([]),
  /** Deleted actors only (to restore them) instead of live ones. */
  deleted: z.boolean().default(false),
  cursor,
  limit: pageSize,
});
export type ListActorsInput = z.infer<typeof listActorsInput>;

export const searchActorsInput = z.object({
  query: storableString('Query').trim().max(200, 'Query must be at most 200 characters'),
  limit: z.number().int().min(1).max(50).default(10),
  kinds: z.array(actorKind).max(actorKinds.length).default([]),
});
export type SearchActorsInput = z.infer<typeof searchActorsInput>;

export const findDuplicateActorsInput = z.object({
  name: storableString('Name').trim().max(200, 'Name must be at most 200 characters'),
  aliases: z.array(storableString('Alias').max(200, 'Each alias must be at most 200 characters')).max(50).default([]),
  exceptId: entityId.optional(),
});
export type FindDuplicateActorsInput = z.infer<typeof findDuplicateActorsInput>;

export const mergeActorsInput = z
  .object({ fromId: entityId, intoId: entityId })
  .refine((value) => value.fromId !== value.intoId, { path: ['intoId'], message: 'Choose another actor to merge into' });
export type MergeActorsInput = z.infer<typeof mergeActorsInput>;
