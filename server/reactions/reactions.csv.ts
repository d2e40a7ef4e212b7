import type { CsvColumn } from '@/server/csv/csv';
import type { Database } from '@/server/db/client';
import type { ReactionFilters } from './reactions.input';
import type { Alignment, DatePrecision, ReactionChannel, ReactionStance } from './reactions.labels';
import type { PublicReaction } from './reactions.public';
import { iterateReactions, type ReactionListItem } from './reactions.service';

/**
 * Reactions as CSV: one row per reaction and signatory — a joint statement of France, Germany, Italy and the EU is
 * four rows sharing one `reaction_id` — so a spreadsheet can count or filter by actor, by the state or
 * organisation it counts for, or by that one's country code, without splitting cells. The public and desk exports
 * share the column order; the desk adds what only the desk sees.
 *
 * Columns: reaction_id, dossier (slug), signatory, signatory_kind, signatory_country_code, counts_for,
 * counts_for_kind, counts_for_country_code, speaker, stances, primary_stance, targets, then one
 * `alignment_<party>` column per dossier party (in the dossier's party order), quote, original_text,
 * original_language, paraphrase, reacted_at, reacted_precision, channel, source_urls.
 *
 * Alignments: one column per party rather than one "Azerbaijan: with; Armenia: against" cell, because the parties
 * are known before the first row (the dossier's parties with role "party") and a column per party is what a
 * spreadsheet filters and pivots on. The header is `alignment_` and the party's name folded to lower-case ASCII
 * letters, digits and underscores (`alignment_azerbaijan`, `alignment_nagorno_karabakh`); a second party folding
 * to the same name gets `_2`. Cells hold the alignment code (with, neutral, against, unclear).
 *
 * Stances are codes (`ceasefire; condemns`, the primary one first); lists inside a cell (stances, targets, tags)
 * are joined with "; ", source URLs with spaces (a URL cannot contain one). Only live sources' URLs are written.
 */

const list = (values: readonly string[]) => values.join('; ');
const urls = (values: readonly string[]) => values.join(' ');
const flag = (value: boolean) => (value ? 'yes' : 'no');

interface CsvActor {
  name: string;
  kind: string;
  countryCode: string | null;
}

/** The reaction fields both exports write, read from either shape (a public reaction or a desk list item). */
export interface CsvReaction {
  id: string;
  reactedAt: Date | null;
  reactedPrecision: DatePrecision;
  channel: ReactionChannel;
  stances: readonly ReactionStance[];
  primaryStance: ReactionStance;
  quote: string;
  originalText: string;
  originalLanguage: string;
  paraphrase: string;
  speaker: { name: string } | null;
  targets: ReadonlyArray<{ name: string }>;
  alignments: ReadonlyArray<{ party: { id: string }; alignment: Alignment }>;
  sources: ReadonlyArray<{ source: { url: string | null; deletedAt?: Date | null } }>;
  signatories: ReadonlyArray<{ actor: CsvActor; countsFor: CsvActor }>;
}

/** One CSV row: a reaction and one of its signatories. */
export interface ReactionCsvRow<Reaction extends CsvReaction> {
  /** The dossier's slug. */
  dossier: string;
  reaction: Reaction;
  signatory: Reaction['signatories'][number];
}

/** What the desk export adds to a reaction (a desk list item has all of it). */
export interface DeskCsvReaction extends CsvReaction {
  signatories: ReadonlyArray<{ actor: CsvActor; countsFor: CsvActor; overridden: boolean }>;
  tags: readonly string[];
  internalNotes: string;
  liveSourceCount: number;
  needsSource: boolean;
  createdAt: Date;
  updatedAt: Date;
  version: number;
  deletedAt: Date | null;
}

/** The parties the alignment columns are towards, in the dossier's order. */
export interface CsvParty {
  id: string;
  name: string;
}

function fold(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** The alignment column headers, one per party, in the parties' order (see the module comment). */
export function alignmentHeaders(parties: readonly CsvParty[]): string[] {
  const taken = new Set<string>();
  return parties.map((party, index) => {
    const base = `alignment_${fold(party.name) || `party_${index + 1}`}`;
    let header = base;
    for (let n = 2; taken.has(header); n++) header = `${base}_${n}`;
    taken.add(header);
    return header;
  });
}

function columns<Reaction extends CsvReaction>(parties: readonly CsvParty[]): Array<CsvColumn<ReactionCsvRow<Reaction>>> {
  const headers = alignmentHeaders(parties);
  return [
    { header: 'reaction_id', value: (row) => row.reaction.id },
    { header: 'dossier', value: (row) => row.dossier },
    { header: 'signatory', value: (row) => row.signatory.actor.name },
    { header: 'signatory_kind', value: (row) => row.signatory.actor.kind },
    { header: 'signatory_country_code', value: (row) => row.signatory.actor.countryCode ?? '' },
    { header: 'counts_for', value: (row) => row.signatory.countsFor.name },
    { header: 'counts_for_kind', value: (row) => row.signatory.countsFor.kind },
    { header: 'counts_for_country_code', value: (row) => row.signatory.countsFor.countryCode ?? '' },
    { header: 'speaker', value: (row) => row.reaction.speaker?.name ?? '' },
    { header: 'stances', value: (row) => list(row.reaction.stances) },
    { header: 'primary_stance', value: (row) => row.reaction.primaryStance },
    { header: 'targets', value: (row) => list(row.reaction.targets.map((target) => target.name)) },
    ...parties.map(
      (party, index): CsvColumn<ReactionCsvRow<Reaction>> => ({
        header: headers[index]!,
        value: (row) => row.reaction.alignments.find((item) => item.party.id === party.id)?.alignment ?? '',
      }),
    ),
    { header: 'quote', value: (row) => row.reaction.quote },
    { header: 'original_text', value: (row) => row.reaction.originalText },
    { header: 'original_language', value: (row) => row.reaction.originalLanguage },
    { header: 'paraphrase', value: (row) => row.reaction.paraphrase },
    { header: 'reacted_at', value: (row) => row.reaction.reactedAt },
    { header: 'reacted_precision', value: (row) => row.reaction.reactedPrecision },
    { header: 'channel', value: (row) => row.reaction.channel },
    {
      header: 'source_urls',
      value: (row) => urls(row.reaction.sources.flatMap((link) => (link.source.url && !link.source.deletedAt ? [link.source.url] : []))),
    },
  ];
}

/** Columns of the public export (`/d/[slug]/reactions.csv`): public reactions only, public fields only. */
export function publicReactionColumns(parties: readonly CsvParty[]): ReadonlyArray<CsvColumn<ReactionCsvRow<PublicReaction>>> {
  return columns<PublicReaction>(parties);
}

/** Columns of the desk export (`/api/export/[slug]/reactions.csv`): every field of the current view, notes included. */
export function deskReactionColumns<Reaction extends DeskCsvReaction>(parties: readonly CsvParty[]): ReadonlyArray<CsvColumn<ReactionCsvRow<Reaction>>> {
  return [
    ...columns<Reaction>(parties),
    { header: 'counts_for_overridden', value: (row) => flag(row.signatory.overridden) },
    { header: 'tags', value: (row) => list(row.reaction.tags) },
    { header: 'internal_notes', value: (row) => row.reaction.internalNotes },
    { header: 'needs_source', value: (row) => flag(row.reaction.needsSource) },
    { header: 'live_source_count', value: (row) => row.reaction.liveSourceCount },
    { header: 'created_at', value: (row) => row.reaction.createdAt },
    { header: 'updated_at', value: (row) => row.reaction.updatedAt },
    { header: 'version', value: (row) => row.reaction.version },
    { header: 'deleted_at', value: (row) => row.reaction.deletedAt },
  ];
}

/** Reactions → CSV rows: one per signatory, in signatory order, each carrying the whole reaction. */
export async function* perSignatory<Reaction extends CsvReaction>(dossier: string, reactions: AsyncIterable<Reaction>): AsyncGenerator<ReactionCsvRow<Reaction>> {
  for await (const reaction of reactions) {
    for (const signatory of reaction.signatories) yield { dossier, reaction, signatory };
  }
}

/**
 * The desk export's reactions: exactly the desk table's view (its filters, sort and order, through the service's
 * filterConditions), a batch at a time from the export cursor, so memory holds one batch, never the whole dossier.
 */
export function iterateDeskReactions(db: Database, dossierId: string, filters: ReactionFilters, batchSize?: number): AsyncGenerator<ReactionListItem> {
  return iterateReactions(db, dossierId, filters, batchSize);
}
