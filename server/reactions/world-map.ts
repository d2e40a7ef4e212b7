import { createHash } from 'node:crypto';
import { geoEqualEarth, geoPath } from 'd3-geo';
import type { FeatureCollection, Geometry } from 'geojson';
import countries from 'i18n-iso-countries';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import atlas from 'world-atlas/countries-110m.json';

/**
 * The reactions map's outlines: Natural Earth's 1:110m countries (world-atlas), projected once per process with
 * d3-geo's Equal Earth projection into SVG path data. Derived static data, not state of record: the module keeps the
 * result so every page render reuses it. No network, no client-side map library — the page draws it as plain SVG.
 */

export interface WorldMapCountry {
  /** The feature's ISO 3166-1 numeric code (world-atlas's id), or a slug of its name when Natural Earth has none. */
  id: string;
  /** ISO 3166-1 alpha-2, matched against an actor's `countryCode`; null for territories without one (N. Cyprus, Somaliland). */
  alpha2: string | null;
  /** Natural Earth's short name ("Dem. Rep. Congo"). */
  name: string;
  /** SVG path data, coordinates rounded to one decimal. */
  d: string;
  /** Its centroid and area in drawing units: where a marker goes for a state too small to point at. */
  cx: number;
  cy: number;
  area: number;
}

export interface WorldMap {
  viewBox: string;
  width: number;
  height: number;
  countries: WorldMapCountry[];
}

/** The drawing's width in SVG units; the height follows from the projection. */
const WIDTH = 960;
/** Antarctica: nobody reacts from there, and it would take a fifth of the drawing. */
const LEFT_OUT = new Set(['010']);
/** Features Natural Earth ships without a numeric code, by name: Kosovo has the user-assigned XK that desks use. */
const UNNUMBERED: Record<string, string | null> = { Kosovo: 'XK', 'N. Cyprus': null, Somaliland: null };

const slug = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

function alpha2Of(numericId: string | undefined, name: string): string | null {
  if (numericId === undefined) return UNNUMBERED[name] ?? null;
  return countries.numericToAlpha2(numericId) ?? null;
}

function build(): WorldMap {
  const topology = atlas as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const collection = feature(topology, topology.objects.countries) as FeatureCollection<Geometry, { name: string }>;
  const features = collection.features.filter((item) => !LEFT_OUT.has(String(item.id)));
  const drawn: FeatureCollection<Geometry, { name: string }> = { type: 'FeatureCollection', features };
  const projection = geoEqualEarth().fitWidth(WIDTH, drawn);
  const path = geoPath(projection).digits(1);
  const [[x0, y0], [x1, y1]] = path.bounds(drawn);
  // Bounds come out a hair past whole numbers (-1e-13); round before taking the enclosing integers.
  const left = Math.floor(Number(x0.toFixed(1)));
  const top = Math.floor(Number(y0.toFixed(1)));
  const width = Math.ceil(Number(x1.toFixed(1))) - left;
  const height = Math.ceil(Number(y1.toFixed(1))) - top;
  const countries = features.flatMap((item): WorldMapCountry[] => {
    const d = path(item);
    if (!d) return [];
    const numericId = item.id === undefined ? undefined : String(item.id);
    const name = item.properties.name;
    const [cx, cy] = path.centroid(item);
    const round = (value: number) => Math.round(value * 10) / 10;
    return [{ id: numericId ?? slug(name), alpha2: alpha2Of(numericId, name), name, d, cx: round(cx), cy: round(cy), area: round(path.area(item)) }];
  });
  return { viewBox: `${left} ${top} ${width} ${height}`, width, height, countries };
}

let memo: WorldMap | null = null;
let byAlpha2: Map<string, WorldMapCountry> | null = null;

/** The projected world, built on first use and kept for the life of the process. */
export function worldMap(): WorldMap {
  memo ??= build();
  return memo;
}

/** The map's country for an ISO alpha-2 code (any case), or undefined when the 1:110m map has no outline for it. */
export function countryForAlpha2(alpha2: string | null | undefined): WorldMapCountry | undefined {
  if (!alpha2) return undefined;
  byAlpha2 ??= new Map(worldMap().countries.flatMap((country) => (country.alpha2 ? [[country.alpha2, country] as const] : [])));
  return byAlpha2.get(alpha2.toUpperCase());
}

/** Where the base map is served (app/api/reactions/world-map.svg/route.ts). */
export const WORLD_MAP_SVG_PATH = '/api/reactions/world-map.svg';
export const BASE_FILL = '#e7e5e4';

let svgMemo: { svg: string; version: string } | null = null;

function baseSvg() {
  if (!svgMemo) {
    const map = worldMap();
    const [, , width, height] = map.viewBox.split(' ');
    const paths = map.countries.map((country) => `<path d="${country.d}"/>`).join('');
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${map.viewBox}" width="${width}" height="${height}"><g fill="${BASE_FILL}" stroke="#fff" stroke-width="0.5">${paths}</g></svg>`;
    svgMemo = { svg, version: createHash('sha256').update(svg).digest('hex').slice(0, 12) };
  }
  return svgMemo;
}

/**
 * Every country in the base colour, as one standalone SVG document: the map's bottom layer, served as an image the
 * browser caches, so a page inlines only the states it shades (and its HTML and React payload stay small).
 */
export function worldMapSvg(): string {
  return baseSvg().svg;
}

/** The base map's address with its content hash, so it can be cached for good. */
export function worldMapSvgHref(): string {
  return `${WORLD_MAP_SVG_PATH}?v=${baseSvg().version}`;
}

/** world-atlas's numeric id for an ISO alpha-2 code (i18n-iso-countries), or undefined. */
export function numericIdForAlpha2(alpha2: string): string | undefined {
  return countries.alpha2ToNumeric(alpha2.toUpperCase());
}
