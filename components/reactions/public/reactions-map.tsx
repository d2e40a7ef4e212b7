import { combineAlignments } from '@/server/reactions/alignment';
import { alignmentLabels, alignments, reactionStanceLabels, reactionStances, type Alignment, type ReactionStance } from '@/server/reactions/reactions.labels';
import { countryForAlpha2, worldMap, worldMapSvgHref, type WorldMapCountry } from '@/server/reactions/world-map';
import { mapModeHref, type MapMode } from './map-mode';
import {
  alignmentPhrase,
  alignmentStyle,
  entityAnchor,
  PARTY_COLOUR,
  PARTY_PATTERN_ID,
  patternId,
  reactingGroupLabels,
  reactionGist,
  stanceColours,
  Swatch,
  UNREACTED_COLOUR,
} from './reaction-display';
import { formatClaimMoment } from '@/components/public/claim-format';
import type { PublicReactionsOverview, ReactingEntity } from './types';

/**
 * The world map of reactions, drawn on the server as SVG (no JavaScript): states shaded by where they stand towards
 * one party, or by their primary stance; the parties' own countries marked; organisations and others listed beside.
 * The bottom layer — every country in the base colour — is one cached image (/api/reactions/world-map.svg); the
 * page inlines only the shaded states, so its HTML and React payload do not carry the world's outlines.
 *
 * Each reacting state is a link to its entry in the list (`#reacting-<id>`), so it is reachable by Tab and names
 * itself (SVG `<title>` and `aria-label`: "France: against Azerbaijan, 2 reactions"). Hovering or focusing it shows
 * its reactions in a panel under the map, with CSS only: one generated rule per state,
 * `.rx-map:has(#rx-state-fr:hover) #rx-panel-fr { display: block }` (inline styles are allowed by the CSP). Browsers
 * without `:has()` keep the hint and the links. Colour is never the only cue: every fill has a pattern, every state
 * its words, and the table under the map lists every reacting state and organisation.
 */

/** States smaller than this (in drawing units²) also get a dot, so there is something to point at. */
const SMALL_STATE_AREA = 60;
const PANEL_REACTIONS = 2;

interface MappedState {
  country: WorldMapCountry;
  key: string;
  entities: ReactingEntity[];
  value: { kind: 'alignment'; alignment: Alignment } | { kind: 'stance'; stance: ReactionStance };
}

const towards = (entity: ReactingEntity, partyId: string): Alignment => entity.alignments.find((item) => item.partyId === partyId)?.alignment ?? 'unclear';

const earliestFirst = (a: ReactingEntity, b: ReactingEntity) =>
  (a.firstReactedAt?.getTime() ?? Number.POSITIVE_INFINITY) - (b.firstReactedAt?.getTime() ?? Number.POSITIVE_INFINITY);

/** Where the map draws each reacting entity: a state with an outline on the 1:110m map, or the list beside it. */
export function placeEntities(overview: PublicReactionsOverview) {
  const states = new Map<string, { country: WorldMapCountry; entities: ReactingEntity[] }>();
  const beside: ReactingEntity[] = [];
  const partyEntities: ReactingEntity[] = [];
  for (const { group, entities } of overview.groups) {
    for (const entity of entities) {
      if (group === 'party') {
        partyEntities.push(entity);
        continue;
      }
      const country = entity.entity.kind === 'state' ? countryForAlpha2(entity.entity.countryCode) : undefined;
      if (!country) {
        beside.push(entity);
        continue;
      }
      const placed = states.get(country.id) ?? { country, entities: [] };
      placed.entities.push(entity);
      states.set(country.id, placed);
    }
  }
  return { states: [...states.values()], beside, partyEntities };
}

function valueOf(entities: ReactingEntity[], mode: MapMode): MappedState['value'] {
  if (mode.kind === 'alignment') return { kind: 'alignment', alignment: combineAlignments(entities.map((entity) => towards(entity, mode.partyId))) };
  return { kind: 'stance', stance: [...entities].sort(earliestFirst)[0]!.primaryStance };
}

const fillOf = (value: MappedState['value']) => (value.kind === 'alignment' ? `url(#${patternId(value.alignment)})` : stanceColours[value.stance]);

const reactionsCount = (count: number) => `${count} ${count === 1 ? 'reaction' : 'reactions'}`;

export function ReactionsMap({
  overview,
  mode,
  basePath,
  query = {},
  headingLevel = 3,
}: {
  overview: PublicReactionsOverview;
  mode: MapMode;
  /** Level of the legend's and side list's headings (2 in the embed, under its h1). */
  headingLevel?: 2 | 3;
  /** The page the mode links go to (the dossier page, or the embed). */
  basePath: string;
  /** The page's other query parameters, kept by the mode links. */
  query?: Record<string, string | string[] | undefined>;
}) {
  const map = worldMap();
  const { parties } = overview;
  const party = mode.kind === 'alignment' ? parties.find((item) => item.id === mode.partyId) : undefined;
  const placed = placeEntities(overview);
  const states: MappedState[] = placed.states
    .map(({ country, entities }) => ({ country, entities, key: (country.alpha2 ?? country.id).toLowerCase(), value: valueOf(entities, mode) }))
    .sort((a, b) => a.entities[0]!.entity.name.localeCompare(b.entities[0]!.entity.name));
  const describe = (value: MappedState['value']) =>
    value.kind === 'alignment' ? alignmentPhrase(value.alignment, party?.name ?? 'the party') : reactionStanceLabels[value.stance];
  const stateLabel = (state: MappedState) =>
    `${state.entities.map((entity) => entity.entity.name).join(' / ')}: ${describe(state.value)}, ${reactionsCount(state.entities.reduce((sum, entity) => sum + entity.reactionCount, 0))}`;

  const reacted = new Set(states.map((state) => state.country.id));
  const partyCountries = parties.flatMap((item) => {
    const country = countryForAlpha2(item.countryCode);
    const own = placed.partyEntities.find((entity) => entity.entity.id === item.id);
    return country && !reacted.has(country.id) ? [{ party: item, country, own }] : [];
  });
  const [x, y] = map.viewBox.split(' ').map(Number) as [number, number];
  const titleId = 'rx-map-title';
  const css = panelCss(states.map((state) => state.key));
  const Heading = headingLevel === 2 ? 'h2' : 'h3';

  return (
    <div id="reactions-map" className="rx-map mt-4 scroll-mt-4">
      {/* Generated per state; the CSP allows inline styles. */}
      <style>{css}</style>
      <MapModeSwitch overview={overview} mode={mode} basePath={basePath} query={query} />
      <div className="mt-3 grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,1fr)]">
        <figure className="min-w-0">
          <div className="overflow-hidden rounded-lg border border-stone-200 bg-sky-50/50">
            <svg viewBox={map.viewBox} role="group" aria-labelledby={titleId} className="block h-auto w-full" xmlns="http://www.w3.org/2000/svg">
              <title id={titleId}>
                {mode.kind === 'alignment'
                  ? `World map: ${states.length} reacting states shaded by alignment towards ${party?.name ?? 'the party'}`
                  : `World map: ${states.length} reacting states shaded by the primary stance of their first reaction`}
              </title>
              {/* Every country in the base colour, a cached image: the page inlines only the states it shades. */}
              <image href={worldMapSvgHref()} x={x} y={y} width={map.width} height={map.height} preserveAspectRatio="none" aria-hidden="true" />
              <g stroke="#fff" strokeWidth="0.6">
                {partyCountries.map(({ party: item, country, own }) => {
                  const label = `${item.name}: party to the conflict${own ? `, ${reactionsCount(own.reactionCount)}` : ''}`;
                  const shape = (
                    <>
                      <title>{label}</title>
                      <path d={country.d} fill={`url(#${PARTY_PATTERN_ID})`} />
                      {country.area < SMALL_STATE_AREA ? <circle cx={country.cx} cy={country.cy} r="4" fill={PARTY_COLOUR} stroke="#fff" /> : null}
                    </>
                  );
                  return own ? (
                    <a key={country.id} href={`#${entityAnchor(own.entity.id)}`} aria-label={label} className="rx-party">
                      {shape}
                    </a>
                  ) : (
                    <g key={country.id} role="img" aria-label={label}>
                      {shape}
                    </g>
                  );
                })}
              </g>
              <g stroke="#292524" strokeWidth="0.6">
                {states.map((state) => {
                  const label = stateLabel(state);
                  return (
                    <a key={state.key} id={`rx-state-${state.key}`} href={`#${entityAnchor(state.entities[0]!.entity.id)}`} aria-label={label} className="rx-state">
                      <title>{label}</title>
                      <path d={state.country.d} fill={fillOf(state.value)} />
                      {state.country.area < SMALL_STATE_AREA ? (
                        <circle cx={state.country.cx} cy={state.country.cy} r="4" fill={fillOf(state.value)} />
                      ) : null}
                    </a>
                  );
                })}
              </g>
            </svg>
          </div>
          <figcaption className="mt-2">
            <MapPanels states={states} describe={describe} />
          </figcaption>
        </figure>
        <div className="min-w-0 space-y-4">
          <MapLegend states={states} mode={mode} partyName={party?.name} showParties={partyCountries.length > 0} Heading={Heading} />
          <BesideList entities={placed.beside} mode={mode} partyName={party?.name} Heading={Heading} />
        </div>
      </div>
      <MapTable overview={overview} />
    </div>
  );
}

/** One rule per state: hovering or focusing it shows its panel (and hides the hint). */
function panelCss(keys: readonly string[]): string {
  const rules = [
    '.rx-map .rx-panel{display:none}',
    '.rx-map:has(.rx-state:is(:hover,:focus)) .rx-panel-hint{display:none}',
    '.rx-state path,.rx-state circle{cursor:pointer}',
    '.rx-state:is(:hover,:focus) path,.rx-state:is(:hover,:focus) circle{stroke:#000;stroke-width:1.8}',
    '.rx-state:focus{outline:none}',
    '.rx-state:focus-visible path,.rx-state:focus-visible circle{stroke:#000;stroke-width:2.4}',
    ...keys.map((key) => `.rx-map:has(#rx-state-${key}:is(:hover,:focus)) #rx-panel-${key}{display:block}`),
  ];
  return rules.join('\n');
}

function MapPanels({ states, describe }: { states: MappedState[]; describe: (value: MappedState['value']) => string }) {
  return (
    <div className="min-h-24 rounded-lg border border-stone-200 bg-white p-3 text-sm">
      <p className="rx-panel-hint text-stone-500">
        {states.length
          ? 'Point at a shaded state, or Tab to it, to see its reactions here; select it to read them in full below.'
          : 'No state has a published reaction yet.'}
      </p>
      {states.map((state) => (
        <div key={state.key} id={`rx-panel-${state.key}`} className="rx-panel">
          {state.entities.map((entity) => (
            <div key={entity.entity.id}>
              <p className="font-semibold text-ink">
                {entity.entity.name} <span className="font-normal text-stone-600">— {describe(state.value)}</span>
              </p>
              <ul className="mt-1 space-y-1">
                {entity.reactions.slice(0, PANEL_REACTIONS).map((reaction) => (
                  <li key={reaction.id} className="text-stone-800">
                    <span className="text-stone-500">
                      {reaction.reactedAt ? formatClaimMoment(reaction.reactedAt, reaction.reactedPrecision) : 'Date not known'} ·{' '}
                      {reactionStanceLabels[reaction.primaryStance]}:
                    </span>{' '}
                    {reactionGist(reaction)}
                  </li>
                ))}
              </ul>
              {entity.reactionCount > Math.min(PANEL_REACTIONS, entity.reactions.length) ? (
                <p className="mt-1 text-stone-500">and {entity.reactionCount - Math.min(PANEL_REACTIONS, entity.reactions.length)} more</p>
              ) : null}
            </div>
          ))}
        </div>
      ))}
    </div>
  );
}

function MapModeSwitch({
  overview,
  mode,
  basePath,
  query,
}: {
  overview: PublicReactionsOverview;
  mode: MapMode;
  basePath: string;
  query: Record<string, string | string[] | undefined>;
}) {
  const linkClass = (active: boolean) =>
    `rounded-full px-3 py-1 ring-1 ${active ? 'bg-ink text-white ring-ink' : 'bg-white text-blue-700 underline underline-offset-2 ring-stone-300'}`;
  return (
    <nav aria-label="What the map shows" className="flex flex-wrap items-center gap-2 text-sm">
      <span className="text-stone-600">Shade states by</span>
      {overview.parties.map((party) => {
        const active = mode.kind === 'alignment' && mode.partyId === party.id;
        return (
          <a
            key={party.id}
            href={mapModeHref(basePath, query, { kind: 'alignment', partyId: party.id }, overview.parties)}
            aria-current={active ? 'true' : undefined}
            className={linkClass(active)}
          >
            alignment towards {party.name}
          </a>
        );
      })}
      <a
        href={mapModeHref(basePath, query, { kind: 'stance' }, overview.parties)}
        aria-current={mode.kind === 'stance' ? 'true' : undefined}
        className={linkClass(mode.kind === 'stance')}
      >
        primary stance
      </a>
    </nav>
  );
}

type HeadingTag = 'h2' | 'h3';

function MapLegend({
  states,
  mode,
  partyName,
  showParties,
  Heading,
}: {
  states: MappedState[];
  mode: MapMode;
  partyName: string | undefined;
  showParties: boolean;
  Heading: HeadingTag;
}) {
  const count = (predicate: (state: MappedState) => boolean) => states.filter(predicate).length;
  const items: Array<{ key: string; fill: string; label: string; count?: number }> =
    mode.kind === 'alignment'
      ? alignments.map((alignment) => ({
          key: alignment,
          fill: `url(#${patternId(alignment)})`,
          label: `${alignmentLabels[alignment]} (${alignmentStyle[alignment].patternName})`,
          count: count((state) => state.value.kind === 'alignment' && state.value.alignment === alignment),
        }))
      : reactionStances
          .map((stance) => ({
            key: stance,
            fill: stanceColours[stance],
            label: reactionStanceLabels[stance],
            count: count((state) => state.value.kind === 'stance' && state.value.stance === stance),
          }))
          .filter((item) => item.count > 0);
  return (
    <div>
      <Heading className="text-sm font-semibold text-ink">
        {mode.kind === 'alignment' ? `Alignment towards ${partyName ?? 'the party'}` : 'Primary stance of the first reaction'}
      </Heading>
      <ul className="mt-2 space-y-1 text-sm text-stone-700">
        {items.map((item) => (
          <li key={item.key} className="flex items-center gap-2">
            <Swatch fill={item.fill} />
            <span>
              {item.label}
              {item.count !== undefined ? <span className="text-stone-500"> · {item.count}</span> : null}
            </span>
          </li>
        ))}
        {showParties ? (
          <li className="flex items-center gap-2">
            <Swatch fill={`url(#${PARTY_PATTERN_ID})`} />
            <span>Party to the conflict</span>
          </li>
        ) : null}
        <li className="flex items-center gap-2">
          <Swatch fill={UNREACTED_COLOUR} />
          <span>No published reaction</span>
        </li>
      </ul>
    </div>
  );
}

/** Organisations, other non-state actors and states too small for the map, with the same wording as the map. */
function BesideList({ entities, mode, partyName, Heading }: { entities: ReactingEntity[]; mode: MapMode; partyName: string | undefined; Heading: HeadingTag }) {
  if (entities.length === 0) return null;
  return (
    <div>
      <Heading className="text-sm font-semibold text-ink">Organisations and others</Heading>
      <ul className="mt-2 space-y-1.5 text-sm">
        {entities.map((entity) => {
          const value = valueOf([entity], mode);
          return (
            <li key={entity.entity.id} className="flex items-start gap-2">
              <span className="mt-1">
                <Swatch fill={fillOf(value)} />
              </span>
              <span>
                <a href={`#${entityAnchor(entity.entity.id)}`} className="font-medium text-blue-700 underline underline-offset-2">
                  {entity.entity.name}
                </a>
                <span className="text-stone-600">
                  {' '}
                  — {value.kind === 'alignment' ? alignmentPhrase(value.alignment, partyName ?? 'the party') : reactionStanceLabels[value.stance]},{' '}
                  {reactionsCount(entity.reactionCount)}
                </span>
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** Everything the map and the list beside it show, as a table: for screen readers, keyboards and anyone who prefers it. */
function MapTable({ overview }: { overview: PublicReactionsOverview }) {
  const rows = overview.groups.flatMap(({ group, entities }) => entities.map((entity) => ({ group, entity })));
  if (rows.length === 0) return null;
  return (
    <details className="mt-4 rounded-lg border border-stone-200 bg-white p-3 text-sm">
      <summary className="cursor-pointer font-medium text-blue-700">The map as a table ({rows.length} reacting)</summary>
      <div className="mt-3 overflow-x-auto">
        <table className="w-full border-collapse text-left">
          <caption className="sr-only">Every reacting state and organisation, its alignment towards each party and its first reaction’s primary stance</caption>
          <thead>
            <tr className="border-b border-stone-200 text-stone-600">
              <th scope="col" className="py-1 pr-3 font-medium">
                Reacting
              </th>
              <th scope="col" className="py-1 pr-3 font-medium">
                Group
              </th>
              {overview.parties.map((party) => (
                <th key={party.id} scope="col" className="py-1 pr-3 font-medium">
                  Towards {party.name}
                </th>
              ))}
              <th scope="col" className="py-1 pr-3 font-medium">
                Primary stance
              </th>
              <th scope="col" className="py-1 pr-3 font-medium">
                First reaction
              </th>
              <th scope="col" className="py-1 font-medium">
                Reactions
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ group, entity }) => (
              <tr key={entity.entity.id} className="border-b border-stone-100 align-top">
                <th scope="row" className="py-1 pr-3 font-medium">
                  <a href={`#${entityAnchor(entity.entity.id)}`} className="text-blue-700 underline underline-offset-2">
                    {entity.entity.name}
                  </a>
                </th>
                <td className="py-1 pr-3">{reactingGroupLabels[group]}</td>
                {overview.parties.map((party) => (
                  <td key={party.id} className="py-1 pr-3">
                    {alignmentLabels[towards(entity, party.id)]}
                  </td>
                ))}
                <td className="py-1 pr-3">{reactionStanceLabels[entity.primaryStance]}</td>
                <td className="py-1 pr-3">{entity.firstReactedAt ? formatClaimMoment(entity.firstReactedAt, 'day') : '—'}</td>
                <td className="py-1">{entity.reactionCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
