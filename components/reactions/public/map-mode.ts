/**
 * What the reactions map shades, from the page's query string: alignment towards one party (`?towards=<party id>`,
 * the first party by default) or each state's primary stance (`?map=stance`). Unknown values fall back to the
 * default; plain links switch modes, so the map needs no JavaScript.
 */
export type MapMode = { kind: 'alignment'; partyId: string } | { kind: 'stance' };

type Query = Record<string, string | string[] | undefined>;

const single = (value: string | string[] | undefined) => (typeof value === 'string' ? value : undefined);

export function parseMapMode(query: Query, parties: ReadonlyArray<{ id: string }>): MapMode {
  const first = parties[0];
  if (single(query.map) === 'stance' || !first) return { kind: 'stance' };
  const towards = single(query.towards);
  return { kind: 'alignment', partyId: parties.some((party) => party.id === towards) ? towards! : first.id };
}

/** The query string for a mode (the default mode leaves it out), keeping the page's other parameters. */
export function mapModeHref(basePath: string, query: Query, mode: MapMode, parties: ReadonlyArray<{ id: string }>, anchor = 'reactions-map'): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (key === 'map' || key === 'towards' || typeof value !== 'string') continue;
    params.set(key, value);
  }
  if (mode.kind === 'stance') params.set('map', 'stance');
  else if (mode.partyId !== parties[0]?.id) params.set('towards', mode.partyId);
  const search = params.toString();
  return `${basePath}${search ? `?${search}` : ''}#${anchor}`;
}
