import { getAppDatabase } from '@/server/startup';

export const dynamic = 'force-dynamic';

export async function GET() {
  try {
    const handle = await getAppDatabase();
    await handle.ping();
    return Response.json({ ok: true, db: handle.driver });
  } catch (error) {
    return Response.json(
      { ok: false, reason: `database unreachable: ${error instanceof Error ? error.message : String(error)}` },
      { status: 503, headers: { 'Cache-Control': 'no-store' } },
    );
  }
}
