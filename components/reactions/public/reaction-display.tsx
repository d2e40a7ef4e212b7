import { formatClaimMoment } from '@/components/public/claim-format';
import { formatDay } from '@/components/format';
import { chipClass, StanceChips } from '@/components/reactions/reaction-badges';
import {
  alignmentLabels,
  reactionChannelLabels,
  type Alignment,
  type DatePrecision,
  type ReactionStance,
} from '@/server/reactions/reactions.labels';
import type { PublicReaction, ReactingGroup } from './types';

/**
 * Shared pieces of the readers' reactions views (server components, no client JavaScript): paths, group names,
 * the map's colours and patterns, stance and alignment chips, one reaction's text and sources.
 */

export const reactionPath = (slug: string, id: string) => `/d/${slug}/reactions/${id}`;
export const entityReactionsPath = (slug: string, entityId: string) => `/d/${slug}/reactions?by=${encodeURIComponent(entityId)}`;
/** The list entry a map state or table row points at. */
export const entityAnchor = (entityId: string) => `reacting-${entityId}`;

/** Group headings, in display order (the order the overview's groups come in). */
export const reactingGroupLabels: Record<ReactingGroup, string> = {
  mediator: 'Mediators',
  organisation: 'International organisations',
  state: 'States',
  other: 'Others',
  party: 'The parties’ own statements',
};

/**
 * Map colours (Okabe–Ito, safe for the common colour-vision deficiencies) with a pattern each, so colour is never
 * the only cue: with = solid, against = stripes, neutral = dots, unclear = cross-hatch.
 */
export const alignmentStyle: Record<Alignment, { colour: string; pattern: 'solid' | 'stripes' | 'dots' | 'hatch'; patternName: string }> = {
  with: { colour: '#0072B2', pattern: 'solid', patternName: 'solid' },
  against: { colour: '#D55E00', pattern: 'stripes', patternName: 'striped' },
  neutral: { colour: '#8A8A8A', pattern: 'dots', patternName: 'dotted' },
  unclear: { colour: '#CC79A7', pattern: 'hatch', patternName: 'cross-hatched' },
};

export const stanceColours: Record<ReactionStance, string> = {
  ceasefire: '#009E73',
  talks: '#56B4E9',
  mediation: '#0072B2',
  supports_party: '#E69F00',
  condemns: '#D55E00',
  concern: '#F0E442',
  sympathy: '#CC79A7',
  humanitarian_aid: '#117733',
  sanctions: '#882255',
  neutral: '#8A8A8A',
  other: '#44AA99',
};

export const PARTY_COLOUR = '#14213d';
/** The base map's colour: countries without a published reaction. */
export { BASE_FILL as UNREACTED_COLOUR } from '@/server/reactions/world-map';

/** "With Azerbaijan" — the wording readers see beside the colour. */
export const alignmentPhrase = (alignment: Alignment, partyName: string) =>
  alignment === 'unclear' ? `Unclear towards ${partyName}` : alignment === 'neutral' ? `Neutral towards ${partyName}` : `${alignmentLabels[alignment]} ${partyName}`;

const alignmentChipTone: Record<Alignment, string> = {
  with: 'bg-sky-50 text-sky-900 ring-sky-300',
  against: 'bg-orange-50 text-orange-900 ring-orange-300',
  neutral: 'bg-stone-100 text-stone-700 ring-stone-300',
  unclear: 'bg-fuchsia-50 text-fuchsia-900 ring-fuchsia-300',
};

/** "Against Azerbaijan" as a chip; the small square repeats the map's colour and pattern. */
export function AlignmentChip({ alignment, partyName }: { alignment: Alignment; partyName: string }) {
  return (
    <span className={`${chipClass} gap-1 ${alignmentChipTone[alignment]}`}>
      <Swatch fill={`url(#${patternId(alignment)})`} />
      {alignmentPhrase(alignment, partyName)}
    </span>
  );
}

/** The map's patterns are defined once per page (MapPatterns); legends and chips reuse them by id. */
export const patternId = (alignment: Alignment) => `rx-pattern-${alignment}`;
export const PARTY_PATTERN_ID = 'rx-pattern-party';

/** A 12×12 legend square. */
export function Swatch({ fill }: { fill: string }) {
  return (
    <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" className="shrink-0">
      <rect width="12" height="12" fill={fill} stroke="#44403c" strokeWidth="1" />
    </svg>
  );
}

/** The SVG patterns behind the alignment fills (and the parties' own), for `<defs>`. */
export function MapPatterns() {
  const { with: withStyle, against, neutral, unclear } = alignmentStyle;
  return (
    <>
      <pattern id={patternId('with')} width="6" height="6" patternUnits="userSpaceOnUse">
        <rect width="6" height="6" fill={withStyle.colour} />
      </pattern>
      <pattern id={patternId('against')} width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width="5" height="5" fill={against.colour} />
        <rect width="1.6" height="5" fill="#fff" fillOpacity="0.75" />
      </pattern>
      <pattern id={patternId('neutral')} width="4" height="4" patternUnits="userSpaceOnUse">
        <rect width="4" height="4" fill={neutral.colour} />
        <circle cx="2" cy="2" r="0.9" fill="#fff" fillOpacity="0.85" />
      </pattern>
      <pattern id={patternId('unclear')} width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width="5" height="5" fill={unclear.colour} />
        <rect width="1.2" height="5" fill="#fff" fillOpacity="0.7" />
        <rect width="5" height="1.2" fill="#fff" fillOpacity="0.7" />
      </pattern>
      <pattern id={PARTY_PATTERN_ID} width="4" height="4" patternUnits="userSpaceOnUse">
        <rect width="4" height="4" fill={PARTY_COLOUR} />
        <rect width="4" height="1" fill="#fff" fillOpacity="0.5" />
      </pattern>
    </>
  );
}

/**
 * The patterns in a zero-size SVG, once per page before any map, chip or legend that fills with them (patterns in
 * a `display: none` SVG do not paint in every browser).
 */
export function PatternDefs() {
  return (
    <svg width="0" height="0" aria-hidden="true" focusable="false" className="absolute">
      <defs>
        <MapPatterns />
      </defs>
    </svg>
  );
}

/** Date as precisely as the desk knows it ("28 Sept 2020, 10:00 UTC", "28 Sept 2020", "around 28 Sept 2020"). */
export function ReactionDate({ at, precision }: { at: Date | null; precision: DatePrecision }) {
  if (!at) return <span>Date not known</span>;
  return <time dateTime={at.toISOString()}>{formatClaimMoment(at, precision)}</time>;
}

/** Who reacted: the speaker for the signatories ("Maria Zakharova, spokeswoman, for Russia"), or the signatories. */
export function reactionAttribution(reaction: Pick<PublicReaction, 'speaker' | 'signatories'>): string {
  const signatories = reaction.signatories.map(({ actor, countsFor }) => (countsFor.id === actor.id ? actor.name : `${actor.name} (for ${countsFor.name})`));
  const joint = signatories.join(', ');
  if (!reaction.speaker) return joint;
  const speaker = [reaction.speaker.name, reaction.speaker.title].filter(Boolean).join(', ');
  return reaction.signatories.some(({ actor }) => actor.id === reaction.speaker!.id) ? joint : `${speaker}, for ${joint}`;
}

/** Quote or paraphrase in a sentence or two, for the map's panel and link titles. */
export function reactionGist(reaction: Pick<PublicReaction, 'quote' | 'paraphrase'>, max = 140): string {
  const text = reaction.quote ? `“${reaction.quote}”` : reaction.paraphrase;
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/**
 * One reaction as readers see it in the list and on its page: stances, the verbatim quote (with the original
 * wording when the desk has it) or the desk's paraphrase, who said it, when, how, and the sources with excerpts.
 */
export function ReactionBody({
  reaction,
  slug,
  linkTarget,
  showPermalink = true,
  showJoint = true,
}: {
  reaction: PublicReaction;
  slug: string;
  /** `_blank` inside the embed: links open the site in a new tab rather than inside the frame. */
  linkTarget?: '_blank';
  showPermalink?: boolean;
  /** Name every signatory of a joint reaction (off where the entity is named just above and it is alone). */
  showJoint?: boolean;
}) {
  const external = linkTarget ? { target: linkTarget, rel: 'noopener' } : {};
  const joint = reaction.signatories.length > 1;
  return (
    <div>
      <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-stone-600">
        <ReactionDate at={reaction.reactedAt} precision={reaction.reactedPrecision} />
        <span aria-hidden="true">·</span>
        <span>{reactionChannelLabels[reaction.channel]}</span>
        <StanceChips primary={reaction.primaryStance} stances={reaction.stances} surface="public" />
      </p>
      {reaction.quote ? (
        <blockquote className="mt-2 border-l-4 border-ink pl-3 text-stone-900">“{reaction.quote}”</blockquote>
      ) : null}
      {reaction.originalText ? (
        <figure className="mt-2">
          <figcaption className="text-xs font-semibold uppercase tracking-wide text-stone-500">
            Original{reaction.originalLanguage ? ` (${reaction.originalLanguage})` : ''}
          </figcaption>
          <blockquote lang={reaction.originalLanguage || undefined} className="mt-1 border-l-4 border-stone-300 pl-3 text-stone-800">
            {reaction.originalText}
          </blockquote>
        </figure>
      ) : null}
      {reaction.paraphrase ? (
        <p className="mt-2 text-stone-800">
          <span className="text-xs font-semibold uppercase tracking-wide text-stone-500">{reaction.quote ? 'In short: ' : 'Paraphrase: '}</span>
          {reaction.paraphrase}
        </p>
      ) : null}
      <p className="mt-2 text-sm text-stone-700">
        {reaction.speaker || joint || showJoint || reaction.signatories.some(({ actor, countsFor }) => actor.id !== countsFor.id) ? (
          <>— {reactionAttribution(reaction)}</>
        ) : null}
        {joint ? <span className="text-stone-500"> (joint statement)</span> : null}
        {reaction.targets.length ? <span className="text-stone-500"> · concerning {reaction.targets.map((target) => target.name).join(', ')}</span> : null}
      </p>
      {reaction.sources.length ? (
        <ul className="mt-2 space-y-1 text-sm" aria-label="Sources">
          {reaction.sources.map(({ source, excerpt }) => (
            <li key={source.id}>
              <span className="text-stone-500">Source: </span>
              {source.url ? (
                <a href={source.url} rel="noopener noreferrer nofollow" target="_blank" className="text-blue-700 underline underline-offset-2">
                  {source.title}
                </a>
              ) : (
                <span className="font-medium">{source.title}</span>
              )}
              <span className="text-stone-500">
                {' '}
                ({[source.outlet || 'outlet not named', source.publishedAt ? formatDay(source.publishedAt) : null, `reliability ${source.reliability}`].filter(Boolean).join(', ')})
              </span>
              {excerpt ? <blockquote className="mt-1 border-l-2 border-stone-300 pl-2 text-stone-600">{excerpt}</blockquote> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {showPermalink ? (
        <p className="mt-2 text-sm">
          <a href={reactionPath(slug, reaction.id)} className="text-blue-700 underline underline-offset-2" {...external}>
            Link to this reaction
          </a>
        </p>
      ) : null}
    </div>
  );
}
