import type { CsvColumn } from '@/server/csv/csv';
import type { ClaimExportRow } from './claims.service';
import type { PublicClaim } from './claims.public';

/**
 * One row per claim. Public and desk exports share the column order; the desk adds what only the desk sees. Lists
 * inside a cell (about, tags) are joined with "; ", URLs and ids with spaces (neither can contain one).
 */

const list = (values: string[]) => values.join('; ');
const ids = (values: string[]) => values.join(' ');
const flag = (value: boolean) => (value ? 'yes' : 'no');

/** The claim fields both exports write, read from either row shape. */
type Common = Pick<
  PublicClaim,
  | 'id'
  | 'statement'
  | 'quote'
  | 'quoteKind'
  | 'originalText'
  | 'originalLanguage'
  | 'saidAt'
  | 'saidPrecision'
  | 'occurredAt'
  | 'occurredPrecision'
  | 'place'
  | 'category'
  | 'killed'
  | 'killedAtLeast'
  | 'wounded'
  | 'woundedAtLeast'
  | 'displaced'
  | 'displacedAtLeast'
  | 'equipmentDestroyed'
  | 'equipmentDestroyedAtLeast'
  | 'status'
  | 'statusExplanation'
  | 'credibility'
  | 'tags'
>;

interface Extra {
  claimant: string;
  party: string;
  about: string[];
  sourceUrls: string[];
  counters: string[];
  corroborates: string[];
  updates: string[];
}

function columns<Row extends Common>(extra: (row: Row) => Extra): Array<CsvColumn<Row>> {
  return [
    { header: 'id', value: (row) => row.id },
    { header: 'claimant', value: (row) => extra(row).claimant },
    { header: 'party', value: (row) => extra(row).party },
    { header: 'about', value: (row) => list(extra(row).about) },
    { header: 'statement', value: (row) => row.statement },
    { header: 'quote', value: (row) => row.quote },
    { header: 'quote_kind', value: (row) => row.quoteKind },
    { header: 'original_text', value: (row) => row.originalText },
    { header: 'original_language', value: (row) => row.originalLanguage },
    { header: 'said_at', value: (row) => row.saidAt },
    { header: 'said_precision', value: (row) => row.saidPrecision },
    { header: 'occurred_at', value: (row) => row.occurredAt },
    { header: 'occurred_precision', value: (row) => row.occurredPrecision },
    { header: 'place', value: (row) => row.place },
    { header: 'category', value: (row) => row.category },
    { header: 'killed', value: (row) => row.killed },
    { header: 'killed_at_least', value: (row) => flag(row.killedAtLeast) },
    { header: 'wounded', value: (row) => row.wounded },
    { header: 'wounded_at_least', value: (row) => flag(row.woundedAtLeast) },
    { header: 'displaced', value: (row) => row.displaced },
    { header: 'displaced_at_least', value: (row) => flag(row.displacedAtLeast) },
    { header: 'equipment_destroyed', value: (row) => row.equipmentDestroyed },
    { header: 'equipment_destroyed_at_least', value: (row) => flag(row.equipmentDestroyedAtLeast) },
    { header: 'status', value: (row) => row.status },
    { header: 'status_explanation', value: (row) => row.statusExplanation },
    { header: 'credibility', value: (row) => row.credibility },
    { header: 'source_urls', value: (row) => ids(extra(row).sourceUrls) },
    { header: 'counters', value: (row) => ids(extra(row).counters) },
    { header: 'corroborates', value: (row) => ids(extra(row).corroborates) },
    { header: 'updates', value: (row) => ids(extra(row).updates) },
    { header: 'tags', value: (row) => list(row.tags) },
  ];
}

/** Ids of the public claims this one relates to: a non-public partner is left out, not named. */
function publicTargets(claim: PublicClaim, kind: 'counters' | 'corroborates' | 'updates'): string[] {
  return claim.relations.outgoing.flatMap((relation) => (relation.kind === kind && relation.claim.public ? [relation.claim.id] : []));
}

/** Columns of the public export (`/d/[slug]/claims.csv`): public claims only, public fields only. */
export const publicClaimColumns: ReadonlyArray<CsvColumn<PublicClaim>> = columns<PublicClaim>((claim) => ({
  claimant: claim.claimant.name,
  party: claim.party?.name ?? '',
  about: claim.about.map((actor) => actor.name),
  sourceUrls: claim.sources.flatMap((link) => (link.source.url ? [link.source.url] : [])),
  counters: publicTargets(claim, 'counters'),
  corroborates: publicTargets(claim, 'corroborates'),
  updates: publicTargets(claim, 'updates'),
}));

/** Columns of the desk export (`/api/export/[slug]/claims.csv`): every field of the current view, notes included. */
export const deskClaimColumns: ReadonlyArray<CsvColumn<ClaimExportRow>> = [
  ...columns<ClaimExportRow>((row) => ({
    claimant: row.claimant.name,
    party: row.party?.name ?? '',
    about: row.about.map((actor) => actor.name),
    sourceUrls: row.sourceUrls,
    counters: row.outgoing.counters,
    corroborates: row.outgoing.corroborates,
    updates: row.outgoing.updates,
  })),
  { header: 'needs_source', value: (row) => flag(row.needsSource) },
  { header: 'source_count', value: (row) => row.sourceCount },
  { header: 'internal_notes', value: (row) => row.internalNotes },
  { header: 'created_at', value: (row) => row.createdAt },
  { header: 'updated_at', value: (row) => row.updatedAt },
  { header: 'version', value: (row) => row.version },
  { header: 'deleted_at', value: (row) => row.deletedAt },
];
