import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { mapModeHref, parseMapMode } from '@/components/reactions/public/map-mode';
import { ReactionsSection } from '@/components/reactions/public/reactions-section';
import type { PublicActorRef, PublicReaction, PublicReactionsOverview, ReactingEntity } from '@/components/reactions/public/types';
import { countryForAlpha2 } from '@/server/reactions/world-map';

/**
 * The readers' reactions section drawn from a hand-made overview (the shape reactions.listPublic returns): the map
 * shades reacting states with words and patterns besides colour, links each to its list entry, shows its reactions
 * on hover/focus with CSS only, and lists everything again as a table; the list groups as reference works do.
 */
const AZ = '00000000-0000-4000-8000-0000000000a1';
const AM = '00000000-0000-4000-8000-0000000000a2';
const actor = (id: string, name: string, kind: PublicActorRef['kind'], countryCode: string | null = null, title = ''): PublicActorRef => ({ id, name, kind, title, countryCode });
const france = actor('00000000-0000-4000-8000-000000000f01', 'France', 'state', 'FR');
const turkey = actor('00000000-0000-4000-8000-000000000f02', 'Turkey', 'state', 'TR');
const malta = actor('00000000-0000-4000-8000-000000000f03', 'Malta', 'state', 'MT');
const eu = actor('00000000-0000-4000-8000-000000000f04', 'European Union', 'international_organisation');
const osce = actor('00000000-0000-4000-8000-000000000f05', 'OSCE Minsk Group', 'international_organisation');
const holySee = actor('00000000-0000-4000-8000-000000000f06', 'Holy See', 'religious_authority', 'VA');
const azerbaijan = actor(AZ, 'Azerbaijan', 'state', 'AZ');
const macron = actor('00000000-0000-4000-8000-000000000f07', 'Emmanuel Macron', 'person', null, 'President of France');

let counter = 0;
function reaction(parts: Partial<PublicReaction> & Pick<PublicReaction, 'signatories'>): PublicReaction {
  counter += 1;
  return {
    id: `00000000-0000-4000-9000-${String(counter).padStart(12, '0')}`,
    reactedAt: new Date('2020-09-27T12:00:00Z'),
    reactedPrecision: 'day',
    channel: 'statement',
    stances: ['ceasefire'],
    primaryStance: 'ceasefire',
    quote: '',
    originalText: '',
    originalLanguage: '',
    paraphrase: 'Called for an immediate end to the fighting.',
    speaker: null,
    targets: [],
    alignments: [
      { party: { id: AZ, name: 'Azerbaijan' }, alignment: 'neutral' },
      { party: { id: AM, name: 'Armenia' }, alignment: 'neutral' },
    ],
    sources: [
      {
        source: { id: '00000000-0000-4000-8000-00000000005a', title: 'Clashes erupt', outlet: 'Wire', url: 'https://news.example.org/a', publishedAt: new Date('2020-09-28T00:00:00Z'), reliability: 'B' },
        excerpt: 'France, Germany, Italy and the EU urged a ceasefire.',
      },
    ],
    ...parts,
  };
}
const self = (who: PublicActorRef) => [{ actor: who, countsFor: who }];
const neutralBoth = [
  { partyId: AZ, alignment: 'neutral' as const },
  { partyId: AM, alignment: 'neutral' as const },
];
function entity(who: PublicActorRef, group: ReactingEntity['group'], reactions: PublicReaction[], extra: Partial<ReactingEntity> = {}): ReactingEntity {
  return { entity: who, group, reactionCount: reactions.length, alignments: neutralBoth, primaryStance: reactions[0]!.primaryStance, firstReactedAt: reactions[0]!.reactedAt, reactions, ...extra };
}

const erdogan = reaction({
  signatories: self(turkey),
  stances: ['supports_party', 'condemns'],
  primaryStance: 'supports_party',
  quote: 'The Turkish people will stand by our Azerbaijani brothers with all our means, as always.',
  originalText: 'Türk milleti her zaman olduğu gibi Azerbaycanlı kardeşlerimizin yanında olacak.',
  originalLanguage: 'tr',
  paraphrase: '',
  alignments: [
    { party: { id: AZ, name: 'Azerbaijan' }, alignment: 'with' },
    { party: { id: AM, name: 'Armenia' }, alignment: 'against' },
  ],
});
const joint = reaction({ signatories: [...self(france), ...self(eu)] });
const overview: PublicReactionsOverview = {
  dossier: { id: '00000000-0000-4000-8000-0000000000d0', slug: 'nk-2020', title: 'Clashes' },
  parties: [
    { id: AZ, name: 'Azerbaijan', countryCode: 'AZ' },
    { id: AM, name: 'Armenia', countryCode: 'AM' },
  ],
  total: 9,
  countsByStance: [
    { stance: 'ceasefire', count: 6 },
    { stance: 'supports_party', count: 1 },
    { stance: 'sympathy', count: 1 },
    { stance: 'condemns', count: 1 },
  ],
  countsByAlignment: [
    { partyId: AZ, counts: { with: 1, neutral: 5, against: 0, unclear: 0 } },
    { partyId: AM, counts: { with: 0, neutral: 5, against: 1, unclear: 0 } },
  ],
  groups: [
    { group: 'mediator', entities: [entity(osce, 'mediator', [reaction({ signatories: self(osce), stances: ['mediation'], primaryStance: 'mediation' })])] },
    { group: 'organisation', entities: [entity(eu, 'organisation', [joint])] },
    {
      group: 'state',
      entities: [
        entity(france, 'state', [joint, reaction({ signatories: [{ actor: macron, countsFor: france }], quote: 'We call on both sides to stop.', paraphrase: '' })], { reactionCount: 7 }),
        entity(malta, 'state', [reaction({ signatories: self(malta) })]),
        entity(turkey, 'state', [erdogan], {
          alignments: [
            { partyId: AZ, alignment: 'with' },
            { partyId: AM, alignment: 'against' },
          ],
          primaryStance: 'supports_party',
        }),
      ],
    },
    { group: 'other', entities: [entity(holySee, 'other', [reaction({ signatories: self(holySee), stances: ['sympathy'], primaryStance: 'sympathy' })])] },
    { group: 'party', entities: [entity(azerbaijan, 'party', [reaction({ signatories: self(azerbaijan), stances: ['condemns'], primaryStance: 'condemns' })])] },
  ],
  notYetReacted: [actor('00000000-0000-4000-8000-000000000f08', 'China', 'state', 'CN')],
};

const render = (query: Record<string, string> = {}) =>
  renderToStaticMarkup(createElement(ReactionsSection, { overview, mode: parseMapMode(query, overview.parties), query }));

const stateLink = (html: string, alpha2: string) => new RegExp(`<a id="rx-state-${alpha2}" href="#reacting-[^"]+" aria-label="([^"]+)" class="rx-state"><title>([^<]+)</title><path d="[^"]+" fill="([^"]+)"`).exec(html);

describe('the reactions map', () => {
  it('shades each reacting state by alignment towards the first party, with its words in the link and title', () => {
    const html = render();
    const fr = stateLink(html, 'fr');
    expect(fr?.[1]).toBe('France: Neutral towards Azerbaijan, 7 reactions');
    expect(fr?.[2]).toBe(fr?.[1]);
    expect(fr?.[3]).toBe('url(#rx-pattern-neutral)');
    expect(html).toContain(`href="#reacting-${france.id}"`);
    expect(stateLink(html, 'tr')?.[1]).toBe('Turkey: With Azerbaijan, 1 reaction');
    expect(stateLink(html, 'tr')?.[3]).toBe('url(#rx-pattern-with)');
    // the list entry each link points at exists
    expect(html).toContain(`id="reacting-${france.id}"`);
  });

  it('switches to another party or to the primary stance by plain links', () => {
    const armenia = render({ towards: AM });
    expect(stateLink(armenia, 'tr')?.[1]).toBe('Turkey: Against Armenia, 1 reaction');
    expect(stateLink(armenia, 'tr')?.[3]).toBe('url(#rx-pattern-against)');
    const stance = render({ map: 'stance' });
    expect(stateLink(stance, 'tr')?.[1]).toBe('Turkey: Supports a party, 1 reaction');
    expect(stateLink(stance, 'tr')?.[3]).toMatch(/^#/);
    expect(render()).toContain(`href="/d/nk-2020?map=stance#reactions-map"`);
    expect(render()).toContain(`href="/d/nk-2020?towards=${AM}#reactions-map"`);
    expect(render({ map: 'stance' })).toMatch(/aria-current="true"[^>]*>primary stance</);
    // an unknown party falls back to the first
    expect(parseMapMode({ towards: 'nope' }, overview.parties)).toEqual({ kind: 'alignment', partyId: AZ });
    expect(mapModeHref('/d/x', { after: 'c', towards: AM, map: 'stance' }, { kind: 'alignment', partyId: AZ }, overview.parties)).toBe('/d/x?after=c#reactions-map');
  });

  it('shows a state’s reactions on hover or focus with CSS rules only, and no script', () => {
    const html = render();
    expect(html).toContain('.rx-map:has(#rx-state-fr:is(:hover,:focus)) #rx-panel-fr{display:block}');
    expect(html).toMatch(/<div id="rx-panel-tr" class="rx-panel">[\s\S]*Turkish people will stand/);
    expect(html).not.toMatch(/<script/);
    expect(html).not.toMatch(/\son[a-z]+=/);
  });

  it('marks the parties’ countries, and lists organisations, others and states too small to draw beside the map', () => {
    const html = render();
    expect(html).toContain('aria-label="Azerbaijan: party to the conflict, 1 reaction"');
    expect(html).toContain('aria-label="Armenia: party to the conflict"');
    expect(countryForAlpha2('MT')).toBeUndefined();
    const beside = html.slice(html.indexOf('Organisations and others'), html.indexOf('The map as a table'));
    for (const name of ['OSCE Minsk Group', 'European Union', 'Holy See', 'Malta']) expect(beside).toContain(name);
    expect(beside).not.toContain('>France<');
  });

  it('has a table alternative listing every reacting state and organisation with alignment and stance', () => {
    const html = render();
    const table = html.slice(html.indexOf('<details'), html.indexOf('</details>'));
    expect(table).toContain('The map as a table (7 reacting)');
    for (const name of ['OSCE Minsk Group', 'European Union', 'France', 'Malta', 'Turkey', 'Holy See', 'Azerbaijan']) expect(table).toContain(`>${name}</a>`);
    expect(table).toMatch(/Turkey<\/a><\/th><td[^>]*>States<\/td><td[^>]*>With<\/td><td[^>]*>Against<\/td><td[^>]*>Supports a party<\/td>/);
  });

  it('inlines only the shaded states; the world is one cached image under them', () => {
    const html = render();
    const svg = html.slice(html.indexOf('<svg viewBox'), html.indexOf('</svg>', html.indexOf('<svg viewBox')));
    expect(svg).toMatch(/<image href="\/api\/reactions\/world-map\.svg\?v=[0-9a-f]{12}" x="-?\d+" y="-?\d+" width="\d+" height="\d+" preserveAspectRatio="none" aria-hidden="true"\/?>/);
    expect(svg.match(/<path /g)).toHaveLength(4); // France, Turkey, Azerbaijan, Armenia
    expect(svg.length).toBeLessThan(20_000);
  });
});

describe('the grouped list', () => {
  it('groups mediators, organisations, states, others, then the parties, with quotes, originals and sources', async () => {
    const html = render();
    if (process.env.DUMP_HTML) (await import('node:fs')).writeFileSync(process.env.DUMP_HTML, html);
    const order = ['Mediators', 'International organisations', 'States', 'Others', 'The parties’ own statements'].map((heading) => html.indexOf(`>${heading} <`));
    expect(order.every((index) => index > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(html).toContain('“The Turkish people will stand by our Azerbaijani brothers with all our means, as always.”');
    expect(html).toContain('lang="tr"');
    expect(html).toContain('— Emmanuel Macron (for France)');
    expect(html).toContain('— France, European Union<span class="text-stone-500"> (joint statement)');
    expect(html).toContain('href="https://news.example.org/a"');
    expect(html).toContain('France, Germany, Italy and the EU urged a ceasefire.');
    expect(html).toContain(`href="/d/nk-2020/reactions/${erdogan.id}"`);
  });

  it('links to all of an entity’s reactions when it shows only its earliest', () => {
    const html = render();
    expect(html).toContain(`href="/d/nk-2020/reactions?by=${france.id}"`);
    expect(html).toContain('All 7 reactions by France');
    expect(html).not.toContain('reactions by Turkey');
  });

  it('shows the counts and the public watch list', () => {
    const html = render();
    expect(html).toContain('9 published reactions from 7 states and organisations.');
    expect(html).toMatch(/Calls for ceasefire or de-escalation<\/th><td[^>]*><span[^>]*><span[^>]*><\/span><span[^>]*>6</);
    expect(html).toContain('Not yet reacted');
    expect(html).toContain('China');
    expect(renderToStaticMarkup(createElement(ReactionsSection, { overview: { ...overview, notYetReacted: null }, mode: { kind: 'stance' } }))).not.toContain('Not yet reacted');
  });
});
