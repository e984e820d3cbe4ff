import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import { inputError } from '../errors/diagnostic';
import type { Lang } from '../errors/lang';
import { launchPrinter } from '../pipeline';
import { FormFolder } from './folder';
import { registerFormApi } from './formRoutes';
import type { FormStore } from './formStore';
import { registerPages } from './pageRoutes';
import { langQuery, messagePage } from './pages';
import { answers, type RouteDeps } from './routeDeps';
import { allowedHosts, guard, newToken } from './security';
import { registerSigning } from './signRoutes';
import { uiTexts } from './uiTexts';

export interface ServeOptions {
  folder: string;
  host: string;
  port: number;
  lang: Lang;
  store: FormStore;
  executablePath?: string;
  timeoutMs?: number;
}

export interface RunningServer {
  /** The address to open, with the access token. */
  url: string;
  origin: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

const REQUEST_BODY_LIMIT = 256 * 1024;

function langOf(request: FastifyRequest): Lang | undefined {
  const q = (request.query as { lang?: unknown } | undefined)?.lang;
  const b = (request.body as { lang?: unknown } | undefined)?.lang;
  const v = q ?? b;
  return v === 'en' || v === 'zh' ? v : undefined;
}

/** How long a request may take to arrive: its headers, and the whole of it (a PDF is made after it has arrived). */
const HEADERS_TIMEOUT_MS = 10_000;
const REQUEST_TIMEOUT_MS = 30_000;
/** An idle connection is closed after this (a printed PDF answer goes out well within it). */
const CONNECTION_TIMEOUT_MS = 120_000;

/** The fastify app with its limits: a client that never finishes its headers or its body is cut off (slowloris). */
async function fastifyApp(): Promise<FastifyInstance> {
  const app = Fastify({
    bodyLimit: REQUEST_BODY_LIMIT,
    logger: false,
    requestTimeout: REQUEST_TIMEOUT_MS,
    connectionTimeout: CONNECTION_TIMEOUT_MS,
  });
  app.server.headersTimeout = HEADERS_TIMEOUT_MS;
  // how often node looks for such requests (30 s by default): set before listening, when it takes effect
  Object.assign(app.server, { connectionsCheckingInterval: 1_000 });
  await app.register(fastifyCookie);
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) =>
    done(null, Object.fromEntries(new URLSearchParams(String(body)))),
  );
  return app;
}

/**
 * `jixiao serve`: the forms under one folder as the official table in a browser, scored live by the same loader
 * and scorer as `jixiao score`, saved to the same YAML, printed to the same PDF by one warm browser.
 */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const folder = new FormFolder(options.folder);
  const token = newToken();
  const printer = launchPrinter(
    {
      concurrency: 1,
      ...(options.executablePath ? { executablePath: options.executablePath } : {}),
      ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    },
    undefined,
    true,
  );
  const app = await fastifyApp();
  const lang = (request: FastifyRequest): Lang => langOf(request) ?? options.lang;
  let hosts = new Set<string>();
  guard(app, {
    token,
    get hosts() {
      return hosts;
    },
    cookie: 'jixiao_token',
    refusedPage: (request) =>
      messagePage(
        lang(request),
        uiTexts(lang(request)).error,
        [{ message: uiTexts(lang(request)).tokenRequired, fix: '' }],
        false,
      ),
  });

  const deps: RouteDeps = { folder, store: options.store, printer, lang, ...answers(lang) };
  registerPages(app, deps);
  registerFormApi(app, deps);
  registerSigning(app, deps);

  try {
    await app.listen({ host: options.host, port: options.port });
  } catch (error) {
    await printer.close();
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE')
      throw inputError('SERVE_PORT_IN_USE', { port: options.port });
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  hosts = allowedHosts(options.host, port);
  const shownHost = options.host.includes(':') ? `[${options.host}]` : options.host;
  const origin = `http://${shownHost}:${port}`;
  return {
    url: `${origin}/${langQuery(options.lang) ? `${langQuery(options.lang)}&` : '?'}token=${token}`,
    origin,
    token,
    port,
    async close() {
      await app.close();
      await printer.close();
    },
  };
}
