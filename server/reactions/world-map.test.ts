import { describe, expect, it } from 'vitest';
import { GET as worldMapRoute } from '@/app/api/reactions/world-map.svg/route';
import { BASE_FILL, countryForAlpha2, numericIdForAlpha2, worldMap, worldMapSvg, worldMapSvgHref } from './world-map';

/** The reactions map's outlines: every country a desk can name is drawn once, small enough to inline in a page. */
describe('worldMap', () => {
  it('draws the countries of Natural Earth 1:110m with their ISO codes, Antarctica left out', () => {
    const map = worldMap();
    expect(map.countries.length).toBeGreaterThan(170);
    expect(map.countries.find((country) => country.name === 'Antarctica')).toBeUndefined();
    const france = countryForAlpha2('FR');
    expect(france).toMatchObject({ id: '250', alpha2: 'FR', name: 'France' });
    expect(countryForAlpha2('az')?.name).toBe('Azerbaijan');
    expect(countryForAlpha2('AM')?.id).toBe(numericIdForAlpha2('AM'));
    expect(countryForAlpha2('VA')).toBeUndefined(); // the Holy See is too small for the 1:110m map
    expect(countryForAlpha2(null)).toBeUndefined();
    // ids are unique, so they can name SVG elements and CSS rules
    expect(new Set(map.countries.map((country) => country.id)).size).toBe(map.countries.length);
  });

  it('keeps the features Natural Earth ships without a numeric code: Kosovo as XK, the others without a code', () => {
    const byName = new Map(worldMap().countries.map((country) => [country.name, country]));
    expect(byName.get('Kosovo')).toMatchObject({ id: 'kosovo', alpha2: 'XK' });
    expect(byName.get('N. Cyprus')).toMatchObject({ id: 'n-cyprus', alpha2: null });
    expect(byName.get('Somaliland')).toMatchObject({ id: 'somaliland', alpha2: null });
    expect(countryForAlpha2('XK')?.name).toBe('Kosovo');
  });

  it('rounds path data to one decimal, fits the drawing in its viewBox and stays small enough to inline', () => {
    const map = worldMap();
    const [x, y, width, height] = map.viewBox.split(' ').map(Number) as [number, number, number, number];
    expect(width).toBe(map.width);
    expect(height).toBe(map.height);
    expect(height).toBeGreaterThan(400);
    expect(height).toBeLessThan(width);
    for (const country of map.countries) {
      expect(country.d, country.name).toMatch(/^M[-\d.,MLZ]+$/);
      const numbers = country.d.match(/-?\d+(?:\.\d+)?/g)!.map(Number);
      expect(country.d.match(/\.\d{2}/), country.name).toBeNull();
      for (let index = 0; index < numbers.length; index += 2) {
        expect(numbers[index]).toBeGreaterThanOrEqual(x - 0.1);
        expect(numbers[index]).toBeLessThanOrEqual(x + width + 0.1);
        expect(numbers[index + 1]).toBeGreaterThanOrEqual(y - 0.1);
        expect(numbers[index + 1]).toBeLessThanOrEqual(y + height + 0.1);
      }
    }
    const svg = `<svg viewBox="${map.viewBox}">${map.countries.map((country) => `<path d="${country.d}"/>`).join('')}</svg>`;
    expect(svg.length).toBeLessThan(150_000);
  });

  it('is built once per process', () => {
    expect(worldMap()).toBe(worldMap());
  });
});

describe('country centroids and areas', () => {
  it('places each centroid inside the drawing, and tells small states from large ones', () => {
    const armenia = countryForAlpha2('AM')!;
    const russia = countryForAlpha2('RU')!;
    expect(armenia.area).toBeLessThan(50);
    expect(russia.area).toBeGreaterThan(1000);
    const [x, y, width, height] = worldMap().viewBox.split(' ').map(Number) as [number, number, number, number];
    for (const country of [armenia, russia, countryForAlpha2('FR')!]) {
      expect(country.cx).toBeGreaterThan(x);
      expect(country.cx).toBeLessThan(x + width);
      expect(country.cy).toBeGreaterThan(y);
      expect(country.cy).toBeLessThan(y + height);
    }
    // Armenia lies east of France and south of Russia's centroid
    expect(armenia.cx).toBeGreaterThan(countryForAlpha2('FR')!.cx);
  });
});

describe('the base map image', () => {
  it('is one standalone SVG of every country in the base colour, small enough to fetch once', () => {
    const svg = worldMapSvg();
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="[-\d ]+" width="\d+" height="\d+">/);
    expect(svg).toContain(`fill="${BASE_FILL}"`);
    expect(svg.match(/<path /g)).toHaveLength(worldMap().countries.length);
    expect(svg.length).toBeLessThan(150_000);
    expect(worldMapSvgHref()).toMatch(/^\/api\/reactions\/world-map\.svg\?v=[0-9a-f]{12}$/);
  });

  it('is served as an image, cached for good when its hash is in the address', async () => {
    const versioned = worldMapRoute(new Request(`http://localhost${worldMapSvgHref()}`));
    expect(versioned.status).toBe(200);
    expect(versioned.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    expect(versioned.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await versioned.text()).toBe(worldMapSvg());
    expect(worldMapRoute(new Request('http://localhost/api/reactions/world-map.svg')).headers.get('cache-control')).toBe('public, max-age=3600');
  });
});
