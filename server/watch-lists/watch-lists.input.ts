import { z } from 'zod';
import { entityId, noRepeats, oneOf, version } from '@/server/validation';
import { UNSC_FIRST_YEAR, UNSC_LAST_YEAR, watchListPresets } from './presets';

/** The watch list API's inputs, shared by the router and the desk panel. Client-safe: no Drizzle. */

/** The most actors a watch list holds (every UN member would fit). */
export const MAX_WATCH_LIST_MEMBERS = 250;

const actorIds = z
  .array(entityId, { error: 'Actors must be a list of ids' })
  .max(MAX_WATCH_LIST_MEMBERS, `A watch list holds at most ${MAX_WATCH_LIST_MEMBERS} actors`)
  .refine(noRepeats((id: string) => id), 'Each actor may be listed once');

const preset = z.enum(watchListPresets, oneOf('Preset', watchListPresets));
const year = z
  .number({ error: 'Year must be a number' })
  .int('Year must be a whole number')
  .min(UNSC_FIRST_YEAR, `Year must be from ${UNSC_FIRST_YEAR} to ${UNSC_LAST_YEAR}`)
  .max(UNSC_LAST_YEAR, `Year must be from ${UNSC_FIRST_YEAR} to ${UNSC_LAST_YEAR}`)
  .nullish()
  .transform((value) => value ?? null);

export const getWatchListInput = z.object({ dossierId: entityId });

/** The list as it was when the editor opened it: `version` of the watch list (1 before its first change). */
const versioned = z.object({ dossierId: entityId, version });

export const setWatchListMembersInput = versioned.extend({ actorIds });
export type SetWatchListMembersInput = z.infer<typeof setWatchListMembersInput>;

export const addWatchListMembersInput = versioned.extend({
  actorIds: actorIds.refine((ids) => ids.length > 0, 'Choose at least one actor'),
});
export type AddWatchListMembersInput = z.infer<typeof addWatchListMembersInput>;

export const removeWatchListMemberInput = versioned.extend({ actorId: entityId });
export type RemoveWatchListMemberInput = z.infer<typeof removeWatchListMemberInput>;

/** year: the UN Security Council's year (the UNSC preset only; default: this year, kept within the table). */
export const previewWatchListPresetInput = z.object({ dossierId: entityId, preset, year });
export type PreviewWatchListPresetInput = z.infer<typeof previewWatchListPresetInput>;

export const applyWatchListPresetInput = versioned.extend({ preset, year });
export type ApplyWatchListPresetInput = z.infer<typeof applyWatchListPresetInput>;

export const setWatchListPublicInput = versioned.extend({ isPublic: z.boolean({ error: 'Show publicly must be true or false' }) });
export type SetWatchListPublicInput = z.infer<typeof setWatchListPublicInput>;
