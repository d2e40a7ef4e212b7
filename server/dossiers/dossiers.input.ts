import { z } from 'zod';
import { entityId, optionalDay, optionalText, requiredText, storableString, versionedIdInput } from '@/server/validation';

export const slugSchema = z
  .string({ error: 'Slug is required' })
  .trim()
  .toLowerCase()
  .min(3, 'Slug must be at least 3 characters')
  .max(80, 'Slug must be at most 80 characters')
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Slug may contain only lower-case letters, digits and single hyphens');

const dossierFields = {
  title: requiredText('Title', 200),
  slug: slugSchema,
  summary: optionalText('Summary', 5000),
  eventsStartOn: optionalDay('Start date'),
  eventsEndOn: optionalDay('End date'),
};

const endNotBeforeStart = (value: { eventsStartOn?: string | null; eventsEndOn?: string | null }) =>
  !value.eventsStartOn || !value.eventsEndOn || value.eventsEndOn >= value.eventsStartOn;
const endBeforeStartIssue = { message: 'End date cannot be before the start date', path: ['eventsEndOn'] };

export const createDossierInput = z.object(dossierFields).refine(endNotBeforeStart, endBeforeStartIssue);
export type CreateDossierInput = z.infer<typeof createDossierInput>;

export const updateDossierInput = versionedIdInput.extend(dossierFields).refine(endNotBeforeStart, endBeforeStartIssue);
export type UpdateDossierInput = z.infer<typeof updateDossierInput>;

export const setPublishedInput = versionedIdInput.extend({ published: z.boolean() });
export const dossierSlugInput = z.object({ slug: storableString('Slug').trim().max(200) });
export const dossierIdInput = z.object({ id: entityId });
