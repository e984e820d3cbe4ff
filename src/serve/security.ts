import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * What every response says to the browser: only this origin's own scripts, styles, fonts and data; no frames, no
 * inline script, no referrer to other sites, nothing cached. (`same-origin`, not `no-referrer`: with no referrer
 * at all a browser sends `Origin: null` on a form's POST, and the origin check would refuse the page's own form.)
 */
const HEADERS: Record<string, string> = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; font-src 'self'; img-src 'self' data: blob:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'same-origin',
  'cross-origin-opener-policy': 'same-origin',
  'cache-control': 'no-store',
};

export function newToken(): string {
  return randomBytes(24).toString('hex');
}

function sameSecret(given: unknown, token: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

export interface Guard {
  token: string;
  /** Host headers this server answers to: its own address only (DNS rebinding points another name at it). */
  hosts: Set<string>;
  cookie: string;
  /** The page for a refused request (no or wrong token), in the reader's language. */
  refusedPage(request: FastifyRequest): string;
}

/** The Host values a server bound to `host:port` accepts: the address itself, and localhost's names on loopback. */
export function allowedHosts(host: string, port: number): Set<string> {
  const hosts = new Set([`${host.includes(':') ? `[${host}]` : host}:${port}`]);
  if (host === '127.0.0.1' || host === '::1' || host === 'localhost')
    for (const name of ['127.0.0.1', 'localhost', '[::1]']) hosts.add(`${name}:${port}`);
  return hosts;
}

/**
 * Every request passes here first: a Host that is not the server's own is refused (403), a request without the
 * token (first as `?token=`, then as an HttpOnly SameSite=Strict cookie) is refused (401), and a request that
 * changes anything must come from the server's own origin (403).
 */
export function guard(app: FastifyInstance, g: Guard): void {
  app.addHook('onSend', async (_request, reply, payload) => {
    for (const [name, value] of Object.entries(HEADERS)) reply.header(name, value);
    return payload;
  });
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const host = request.headers.host ?? '';
    if (!g.hosts.has(host)) return reply.code(403).type('text/plain; charset=utf-8').send('Host not allowed');
    const url = new URL(request.url, `http://${host}`);
    const offered = url.searchParams.get('token');
    if (offered !== null) {
      if (!sameSecret(offered, g.token))
        return reply.code(401).type('text/html; charset=utf-8').send(g.refusedPage(request));
      reply.setCookie(g.cookie, g.token, { httpOnly: true, sameSite: 'strict', path: '/' });
      url.searchParams.delete('token');
      // the token leaves the address bar (and the history) at once
      if (request.method === 'GET') return reply.redirect(`${url.pathname}${url.search}`, 303);
    } else if (!sameSecret(request.cookies[g.cookie], g.token)) {
      return reply.code(401).type('text/html; charset=utf-8').send(g.refusedPage(request));
    }
    if (request.method !== 'GET' && request.method !== 'HEAD' && request.headers.origin !== `http://${host}`) {
      return reply.code(403).type('text/plain; charset=utf-8').send('Cross-origin request refused');
    }
    return undefined;
  });
}
