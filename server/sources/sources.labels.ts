/**
 * The sources domain's fixed vocabularies and their human labels. No Drizzle and no server code: browser components
 * import this, and schema.ts builds its Postgres enums from the same lists.
 */
export const sourceKinds = [
  'news_report',
  'official_statement',
  'social_media_post',
  'press_release',
  'video',
  'document',
  'interview',
  'other',
] as const;
export type SourceKind = (typeof sourceKinds)[number];

/** Admiralty (NATO) source-reliability grades. */
export const reliabilityGrades = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export type ReliabilityGrade = (typeof reliabilityGrades)[number];

export const sourceKindLabels: Record<SourceKind, string> = {
  news_report: 'News report',
  official_statement: 'Official statement',
  social_media_post: 'Social media post',
  press_release: 'Press release',
  video: 'Video',
  document: 'Document',
  interview: 'Interview',
  other: 'Other',
};

export const reliabilityLabels: Record<ReliabilityGrade, string> = {
  A: 'A — Completely reliable',
  B: 'B — Usually reliable',
  C: 'C — Fairly reliable',
  D: 'D — Not usually reliable',
  E: 'E — Unreliable',
  F: 'F — Reliability cannot be judged',
};

/** The orders the desk sources list offers: its URL parameters (search-params) and its input read them. */
export const sourceSortKeys = ['created', 'published', 'title', 'outlet', 'reliability'] as const;
export type SourceSortKey = (typeof sourceSortKeys)[number];
