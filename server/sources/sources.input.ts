import { z } from 'zod';
import {
  cursor,
  entityId,
  listSearch,
  optionalPastMoment,
  optionalText,
  optionalWebUrl,
  pageSize,
  requiredText,
  version,
} from '@/server/validation';
import { reliabilityGrades, sourceKinds, sourceSortKeys } from './sources.labels';

export { reliabilityLabels, sourceKindLabels } from './sources.labels';

const sourceFields = {
  url: optionalWebUrl('URL'),
  title: requiredText('Title', 500),
  outlet: optionalText('Outlet', 200),
  author: optionalText('Author', 200),
  kind: z.enum(sourceKinds, { error: `Kind must be one of: ${sourceKinds.join(', ')}` }),
  language: optionalText('Language', 35).refine(
    (tag) => tag === '' || /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/.test(tag),
    'Language must be a language code such as en, az, hy or pt-BR',
  ),
  publishedAt: optionalPastMoment('Published at'),
  retrievedAt: optionalPastMoment('Retrieved at'),
  archiveUrl: optionalWebUrl('Archive URL'),
  reliability: z.enum(reliabilityGrades, { error: 'Reliability must be a grade from A to F' }),
  internalNotes: optionalText('Internal notes', 10_000),
};

export const createSourceInput = z.object({ dossierId: entityId, ...sourceFields });
export type CreateSourceInput = z.infer<typeof createSourceInput>;

export const updateSourceInput = z.object({ id: entityId, version, ...sourceFields });
export type UpdateSourceInput = z.infer<typeof updateSourceInput>;

export { sourceSortKeys, type SourceSortKey } from './sources.labels';

/** The filters shared by the desk table and the desk CSV export; their URL form is sources.search-params.ts. */
export const sourceFilters = z.object({
  search: listSearch,
  kind: z.array(z.enum(sourceKinds)).max(sourceKinds.length).default([]),
  reliability: z.array(z.enum(reliabilityGrades)).max(reliabilityGrades.length).default([]),
  sort: z.enum(sourceSortKeys).default('created'),
  /** Sort order. Not called `direction`: tRPC's infinite queries reserve that input key for their own paging. */
  order: z.enum(['asc', 'desc']).default('desc'),
  /** Deleted sources only (to restore them) instead of live ones. */
  deleted: z.boolean().default(false),
});
export type SourceFilters = z.infer<typeof sourceFilters>;

export const listSourcesInput = sourceFilters.extend({ dossierId: entityId, cursor, limit: pageSize });
export type ListSourcesInput = z.infer<typeof listSourcesInput>;

export const findDuplicateInput = z.object({
  dossierId: entityId,
  url: z.string().trim().max(2048),
  exceptId: entityId.optional(),
});
