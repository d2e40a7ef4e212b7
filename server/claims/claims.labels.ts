/**
 * The claims domain's fixed vocabularies and their human labels. No Drizzle and no server code: browser components
 * import this, and schema.ts builds its Postgres enums from the same lists.
 */
export const claimCategories = [
  'ceasefire_violation',
  'attack_on_civilians',
  'casualties',
  'military_losses',
  'territorial_control',
  'humanitarian',
  'diplomatic',
  'other',
] as const;
export type ClaimCategory = (typeof claimCategories)[number];

export const claimCategoryLabels: Record<ClaimCategory, string> = {
  ceasefire_violation: 'Ceasefire violation',
  attack_on_civilians: 'Attack on civilians',
  casualties: 'Casualties',
  military_losses: 'Military losses',
  territorial_control: 'Territorial control',
  humanitarian: 'Humanitarian',
  diplomatic: 'Diplomatic',
  other: 'Other',
};

export const verificationStatuses = [
  'unverified',
  'in_progress',
  'corroborated',
  'disputed',
  'false',
  'misleading',
  'unverifiable',
] as const;
export type VerificationStatus = (typeof verificationStatuses)[number];

export const verificationStatusLabels: Record<VerificationStatus, string> = {
  unverified: 'Unverified',
  in_progress: 'Verification in progress',
  corroborated: 'Corroborated',
  disputed: 'Disputed',
  false: 'False',
  misleading: 'Misleading',
  unverifiable: 'Unverifiable',
};

/** Statuses that are a verdict: a public claim with one of these carries a schema.org ClaimReview. */
export const verdictStatuses = ['corroborated', 'disputed', 'false', 'misleading', 'unverifiable'] as const satisfies readonly VerificationStatus[];

/** Admiralty information-credibility scale. */
export const credibilityGrades = [1, 2, 3, 4, 5, 6] as const;
export type CredibilityGrade = (typeof credibilityGrades)[number];
export const credibilityLabels: Record<CredibilityGrade, string> = {
  1: '1 — Confirmed by other sources',
  2: '2 — Probably true',
  3: '3 — Possibly true',
  4: '4 — Doubtful',
  5: '5 — Improbable',
  6: '6 — Truth cannot be judged',
};

/** How exactly a moment is known. */
export const datePrecisions = ['exact', 'day', 'approximate'] as const;
export type DatePrecision = (typeof datePrecisions)[number];
export const datePrecisionLabels: Record<DatePrecision, string> = {
  exact: 'Exact time',
  day: 'Day',
  approximate: 'Approximate',
};

/** Whether `quote` holds the claimant's words or the desk's paraphrase. */
export const quoteKinds = ['verbatim', 'paraphrase'] as const;
export type QuoteKind = (typeof quoteKinds)[number];
export const quoteKindLabels: Record<QuoteKind, string> = { verbatim: 'Verbatim quote', paraphrase: 'Paraphrase' };

/** A relation from one claim (`from`) to another (`to`): "from counters to". */
export const claimRelationKinds = ['counters', 'corroborates', 'updates'] as const;
export type ClaimRelationKind = (typeof claimRelationKinds)[number];
export const claimRelationLabels: Record<ClaimRelationKind, string> = {
  counters: 'Counters',
  corroborates: 'Corroborates',
  updates: 'Updates',
};
/** The same relation read from the other end. */
export const claimRelationInverseLabels: Record<ClaimRelationKind, string> = {
  counters: 'Countered by',
  corroborates: 'Corroborated by',
  updates: 'Updated by',
};

/** Public notes required when a published claim's statement, status or figures change. */
export const correctionKinds = ['correction', 'update', 'clarification'] as const;
export type CorrectionKind = (typeof correctionKinds)[number];
export const correctionKindLabels: Record<CorrectionKind, string> = {
  correction: 'Correction',
  update: 'Update',
  clarification: 'Clarification',
};

/** Figures a claim may state; each has an "at least" flag. */
export const claimFigures = ['killed', 'wounded', 'displaced', 'equipmentDestroyed'] as const;
export type ClaimFigure = (typeof claimFigures)[number];
export const claimFigureLabels: Record<ClaimFigure, string> = {
  killed: 'Killed',
  wounded: 'Wounded',
  displaced: 'Displaced',
  equipmentDestroyed: 'Equipment destroyed',
};
/** Each figure's "at least" flag, as a claim's fields name it. */
export const claimFigureAtLeast = {
  killed: 'killedAtLeast',
  wounded: 'woundedAtLeast',
  displaced: 'displacedAtLeast',
  equipmentDestroyed: 'equipmentDestroyedAtLeast',
} as const satisfies Record<ClaimFigure, `${ClaimFigure}AtLeast`>;
/** A claim's figures as its fields hold them: each a number or none, and whether it is a minimum. */
export type ClaimFigureValues = { [F in ClaimFigure]: number | null } & { [F in ClaimFigure as `${F}AtLeast`]: boolean };
/** A claim that states no figure. */
export const noClaimFigures: Readonly<ClaimFigureValues> = {
  killed: null,
  killedAtLeast: false,
  wounded: null,
  woundedAtLeast: false,
  displaced: null,
  displacedAtLeast: false,
  equipmentDestroyed: null,
  equipmentDestroyedAtLeast: false,
};

/** The orders the desk claims list offers: its URL parameters (search-params) and its input read them. */
export const claimSortKeys = ['said', 'occurred', 'created', 'status', 'category'] as const;
export type ClaimSortKey = (typeof claimSortKeys)[number];
