import { parseArgs } from 'node:util';
import { z } from 'zod';
import { actorKindLabels } from '@/server/actors/actors.labels';
import { claimCategoryLabels, type ClaimCategory, type QuoteKind } from '@/server/claims/claims.labels';
import type { Database } from '@/server/db/client';
import { getDossierBySlug } from '@/server/dossiers/dossiers.service';
import { ServiceError } from '@/server/errors';
import { reactionChannelLabels, reactionStanceLabels, type ReactionChannel, type ReactionStance } from '@/server/reactions/reactions.labels';
import { analyzeArticleInput } from './intake.input';
import { analyzeForDossier } from './intake-context';
import type { Evidence, Figures, IntakeAnalysis } from './suggestions';

/**
 * `npm run intake -- --dossier <slug> [--json] [--published-on YYYY-MM-DD] < article.txt`: the same analysis as the
 * desk's "Add from article", printed, creating nothing. The JSON shape is documented in README ("Article intake").
 */
export interface IntakeJson {
  sentenceCount: number;
  actors: Array<{
    ref: string;
    name: string;
    kind: string;
    title: string | null;
    countryCode: string | null;
    affiliation: string | null;
    matchedActorId?: string;
    mentions: string[];
    why: string;
  }>;
  reactions: Array<{
    actors: string[];
    speaker?: string;
    stances: ReactionStance[];
    primaryStance: ReactionStance;
    target?: string[];
    channel: ReactionChannel;
    reactedOn?: string;
    quote?: string;
    paraphrase: string;
    excerpt: string;
    evidence: Evidence;
    why: string[];
    duplicateOf?: string;
  }>;
  claims: Array<{
    claimant: string;
    about: string[];
    statement: string;
    category?: ClaimCategory;
    figures?: Partial<Figures>;
    quote?: string;
    quoteKind: QuoteKind;
    saidOn?: string;
    excerpt: string;
    evidence: Evidence;
    why: string[];
    duplicateOf?: string;
  }>;
}

/** The analysis with refs resolved to names, optional fields left out when empty. */
export function toIntakeJson(analysis: IntakeAnalysis): IntakeJson {
  const nameOf = new Map(analysis.actors.map((actor) => [actor.ref, actor.name]));
  const name = (ref: string) => nameOf.get(ref) ?? ref;
  const figuresOf = (figures: Figures): Partial<Figures> | undefined => {
    const kept = Object.fromEntries(
      (['killed', 'wounded', 'displaced', 'equipmentDestroyed'] as const).flatMap((figure) =>
        figures[figure] === null ? [] : [[figure, figures[figure]], [`${figure}AtLeast`, figures[`${figure}AtLeast`]]],
      ),
    ) as Partial<Figures>;
    return Object.keys(kept).length ? kept : undefined;
  };
  return {
    sentenceCount: analysis.sentenceCount,
    actors: analysis.actors.map((actor) => ({
      ref: actor.ref,
      name: actor.name,
      kind: actor.kind,
      title: actor.title,
      countryCode: actor.countryCode,
      affiliation: actor.affiliationRef ? name(actor.affiliationRef) : null,
      ...(actor.matchedActorId ? { matchedActorId: actor.matchedActorId } : {}),
      mentions: actor.mentions,
      why: actor.why,
    })),
    reactions: analysis.reactions.map((reaction) => ({
      actors: reaction.actorRefs.map(name),
      ...(reaction.speakerRef ? { speaker: name(reaction.speakerRef) } : {}),
      stances: reaction.stances,
      primaryStance: reaction.primaryStance,
      ...(reaction.targetRefs.length ? { target: reaction.targetRefs.map(name) } : {}),
      channel: reaction.channel,
      ...(reaction.reactedOn ? { reactedOn: reaction.reactedOn } : {}),
      ...(reaction.quote ? { quote: reaction.quote } : {}),
      paraphrase: reaction.paraphrase,
      excerpt: reaction.evidence.sentence,
      evidence: reaction.evidence,
      why: reaction.why,
      ...(reaction.duplicateOf ? { duplicateOf: reaction.duplicateOf.label } : {}),
    })),
    claims: analysis.claims.map((claim) => ({
      claimant: name(claim.claimantRef),
      about: claim.aboutRefs.map(name),
      statement: claim.statement,
      ...(claim.category !== 'other' ? { category: claim.category } : {}),
      ...(figuresOf(claim.figures) ? { figures: figuresOf(claim.figures) } : {}),
      ...(claim.quote ? { quote: claim.quote } : {}),
      quoteKind: claim.quoteKind,
      ...(claim.saidOn ? { saidOn: claim.saidOn } : {}),
      excerpt: claim.evidence.sentence,
      evidence: claim.evidence,
      why: claim.why,
      ...(claim.duplicateOf ? { duplicateOf: claim.duplicateOf.label } : {}),
    })),
  };
}

/** The same, for reading in a terminal. */
export function toIntakeText(analysis: IntakeAnalysis): string {
  const json = toIntakeJson(analysis);
  const lines: string[] = [`${json.sentenceCount} sentences read.`, '', `Actors (${json.actors.length})`];
  for (const actor of json.actors) {
    const details = [actorKindLabels[actor.kind as keyof typeof actorKindLabels], actor.title, actor.affiliation ? `for ${actor.affiliation}` : null].filter(Boolean).join(', ');
    lines.push(`  ${actor.matchedActorId ? '  ' : '+ '}${actor.name} — ${details}${actor.matchedActorId ? '' : ' (new)'}`);
  }
  lines.push('', `Reactions (${json.reactions.length})`);
  json.reactions.forEach((reaction, index) => {
    const others = reaction.stances.filter((stance) => stance !== reaction.primaryStance).map((stance) => reactionStanceLabels[stance].toLowerCase());
    lines.push(`  ${index + 1}. ${reaction.actors.join(', ')}: ${reactionStanceLabels[reaction.primaryStance]}${others.length ? ` (also ${others.join(', ')})` : ''}`);
    const facts = [
      reaction.speaker ? `speaker ${reaction.speaker}` : null,
      reaction.target ? `target ${reaction.target.join(', ')}` : null,
      reactionChannelLabels[reaction.channel],
      reaction.reactedOn ?? null,
    ].filter(Boolean);
    lines.push(`     ${facts.join(' · ')}`);
    if (reaction.quote) lines.push(`     quote: “${reaction.quote}”`);
    lines.push(`     from: ${reaction.excerpt}`, `     why: ${reaction.why.join('; ')}`);
    if (reaction.duplicateOf) lines.push(`     possible duplicate of: ${reaction.duplicateOf}`);
  });
  lines.push('', `Claims (${json.claims.length})`);
  json.claims.forEach((claim, index) => {
    lines.push(`  ${index + 1}. ${claim.claimant}${claim.about.length ? ` about ${claim.about.join(', ')}` : ''}: ${claim.statement}`);
    const figures = claim.figures
      ? (['killed', 'wounded', 'displaced', 'equipmentDestroyed'] as const).flatMap((figure) => (claim.figures![figure] != null ? [`${figure} ${claim.figures![`${figure}AtLeast`] ? '≥ ' : ''}${claim.figures![figure]}`] : []))
      : [];
    lines.push(`     ${[claimCategoryLabels[claim.category ?? 'other'], ...figures, claim.saidOn ?? null].filter(Boolean).join(' · ')}`);
    if (claim.quote) lines.push(`     quote: “${claim.quote}”`);
    lines.push(`     from: ${claim.excerpt}`, `     why: ${claim.why.join('; ')}`);
    if (claim.duplicateOf) lines.push(`     possible duplicate of: ${claim.duplicateOf}`);
  });
  return lines.join('\n');
}

export const USAGE = 'usage: npm run intake -- --dossier <slug> [--json] [--published-on YYYY-MM-DD] < article.txt\n       npm run intake -- --score [--verbose]';

const cliOptions = z.object({
  dossier: z.string({ error: `--dossier <slug> is required\n${USAGE}` }).trim().min(1, `--dossier <slug> is required\n${USAGE}`),
});

/** Runs the CLI on an open database; returns what it prints. Throws ServiceError / ZodError with the user's message. */
export async function runIntakeCli(db: Database, args: string[], stdin: string): Promise<string> {
  const { values } = parseArgs({
    args,
    options: { dossier: { type: 'string' }, json: { type: 'boolean', default: false }, 'published-on': { type: 'string' } },
    strict: true,
  });
  const { dossier: slug } = cliOptions.parse(values);
  if (!stdin.trim()) throw new ServiceError('BAD_REQUEST', `No article text on standard input.\n${USAGE}`);
  const dossier = await getDossierBySlug(db, slug).catch((error: unknown) => {
    if (error instanceof ServiceError && error.code === 'NOT_FOUND') throw new ServiceError('NOT_FOUND', `No dossier with the slug “${slug}”.`);
    throw error;
  });
  const input = analyzeArticleInput.parse({ dossierId: dossier.id, text: stdin, publishedOn: values['published-on'] ?? null });
  const analysis = await analyzeForDossier(db, input);
  return values.json ? JSON.stringify(toIntakeJson(analysis), null, 2) : toIntakeText(analysis);
}
