import { getAppDatabase } from '@/server/startup';
import { readSessionToken, secureCookies, sessionCookieName, sessionTokenFromCookies } from './session';
import { findSessionUser } from './sessions';

const NO_STORE = { 'Cache-Control': 'private, no-store' };

/**
 * GET /api/auth/session (what next-auth's client asks after signing in): the signed-in user's name and email and
 * when the session ends, checked against the database like every other request. An ended session gets `{}` and
 * its cookie cleared. Nothing here issues or extends a cookie. (The route answers 503 during an outage.)
 */
export async function answerSessionRequest(request: Request): Promise<Response> {
  const token = sessionTokenFromCookies(request.headers.get('cookie'));
  const claims = await readSessionToken(token);
  const user = claims ? await findSessionUser((await getAppDatabase()).db, claims.sessionId, claims.userId) : null;
  if (!user || !claims) {
    const headers = new Headers(NO_STORE);
    if (token) {
      const secure = secureCookies();
      headers.append('Set-Cookie', `${sessionCookieName(secure)}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`);
    }
    return Response.json({}, { headers });
  }
  return Response.json(
    { user: { id: user.id, name: user.name, email: user.email }, expires: new Date(claims.endsAt * 1000).toISOString() },
    { headers: NO_STORE },
  );
}
