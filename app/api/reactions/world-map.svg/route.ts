import { worldMapSvg } from '@/server/reactions/world-map';

/**
 * The reactions map's bottom layer: every country's outline in the base colour (derived from world-atlas once per
 * process, no database). Pages link it with its content hash (`?v=`), so browsers may keep it for a year.
 */
export function GET(request: Request): Response {
  const versioned = new URL(request.url).searchParams.has('v');
  return new Response(worldMapSvg(), {
    headers: {
      'Content-Type': 'image/svg+xml; charset=utf-8',
      'Cache-Control': versioned ? 'public, max-age=31536000, immutable' : 'public, max-age=3600',
    },
  });
}
