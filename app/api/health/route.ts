import { RETRY_AFTER_SECONDS, UNAVAILABLE_MESSAGE } from '@/server/db/availability';
import { getAppDatabase } from '@/server/startup';

export const dynamic = 'force-dynamic';

/** For load balancers and monitors: 200 when the database answers, else 503 (the details go to the server log). */
export async function GET() {
  try {
    const handle = await getAppDatabase();
    await handle.ping();
    return Response.json({ ok: true, db: handle.driver }, { headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    console.error(`[health] database unreachable: ${error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error)}`);
    return Response.json(
      { ok: false, reason: UNAVAILABLE_MESSAGE },
      { status: 503, headers: { 'Cache-Control': 'no-store', 'Retry-After': String(RETRY_AFTER_SECONDS) } },
    );
  }
}
