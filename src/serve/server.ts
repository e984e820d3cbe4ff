import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import { TEMPLATES_DIR } from '../domain/paths';
import { InputError, inputError, type Diagnostic } from '../errors/diagnostic';
import type { Lang } from '../errors/lang';
import { formatDiagnostic, hintOf, messageOf } from '../errors/message';
import { text } from '../errors/texts';
import { actualsTemplateFor, isEditableField, launchPrinter, renderForm, scoreEdited, sha256Hex, type FieldEdit } from '../pipeline';
import { bundledAsset } from '../report/assets';
import { FormFolder } from './folder';
import { actualsPathFor, listForms } from './formList';
import { formPage } from './formPage';
import { readFormText } from './formText';
import { registerSigning } from './signRoutes';
import type { FormStore } from './formStore';
import { liveResult } from './liveResult';
import type { ProblemsReply } from './liveTypes';
import { editPage, formsPage, langQuery, messagePage } from './pages';
import { allowedHosts, guard, newToken } from './security';
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

/** The page's request bodies, checked by fastify before any handler runs. */
const editsSchema = {
  type: 'array',
  maxItems: 2000,
  items: { type: 'object', required: ['path', 'value'], additionalProperties: false, properties: { path: { type: 'array', minItems: 1, maxItems: 6, items: { type: 'string', maxLength: 200 } }, value: { type: 'string', maxLength: 20000 } } },
} as const;
const formBody = {
  type: 'object',
  required: ['file', 'edits'],
  additionalProperties: false,
  properties: { file: { type: 'string', maxLength: 1000 }, edits: editsSchema, baseHash: { type: 'string', pattern: '^[0-9a-f]{64}$' }, lang: { enum: ['zh', 'en'] }, explain: { type: 'boolean' } },
} as const;
interface FormBody {
  file: string;
  edits: FieldEdit[];
  baseHash?: string;
  lang?: Lang;
  /** Print the 评分说明 appendix too (each row's 计算过程); the form alone by default, as `render` without --explain. */
  explain?: boolean;
}

const REQUEST_BODY_LIMIT = 256 * 1024;
const STATUS: Partial<Record<string, number>> = { PATH_OUTSIDE_FOLDER: 403, FILE_NOT_FOUND: 404, FORM_CHANGED_ON_DISK: 409, OUTPUT_EXISTS: 409 };

function langOf(request: FastifyRequest): Lang | undefined {
  const q = (request.query as { lang?: unknown } | undefined)?.lang;
  const b = (request.body as { lang?: unknown } | undefined)?.lang;
  const v = q ?? b;
  return v === 'en' || v === 'zh' ? v : undefined;
}

function problemsJson(diagnostics: Diagnostic[], lang: Lang): ProblemsReply {
  return { problems: diagnostics.map((d) => ({ code: d.code, message: messageOf(d, lang), fix: hintOf(d, lang) ?? '' })) };
}

/** How long a request may take to arrive: its headers, and the whole of it (a PDF is made after it has arrived). */
const HEADERS_TIMEOUT_MS = 10_000;
const REQUEST_TIMEOUT_MS = 30_000;
/** An idle connection is closed after this (a printed PDF answer goes out well within it). */
const CONNECTION_TIMEOUT_MS = 120_000;

/**
 * `jixiao serve`: the forms under one folder as the official table in a browser, scored live by the same loader
 * and scorer as `jixiao score`, saved to the same YAML, printed to the same PDF by one warm browser.
 */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const folder = new FormFolder(options.folder);
  const token = newToken();
  const printer = launchPrinter({ concurrency: 1, ...(options.executablePath ? { executablePath: options.executablePath } : {}), ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}) }, undefined, true);
  // a client that never finishes its headers or its body is cut off, not kept forever (slowloris)
  const app = Fastify({ bodyLimit: REQUEST_BODY_LIMIT, logger: false, requestTimeout: REQUEST_TIMEOUT_MS, connectionTimeout: CONNECTION_TIMEOUT_MS });
  app.server.headersTimeout = HEADERS_TIMEOUT_MS;
  // how often node looks for such requests (30 s by default): set before listening, when it takes effect
  Object.assign(app.server, { connectionsCheckingInterval: 1_000 });
  await app.register(fastifyCookie);
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))));
  const lang = (request: FastifyRequest): Lang => langOf(request) ?? options.lang;
  let hosts = new Set<string>();
  guard(app, {
    token,
    get hosts() {
      return hosts;
    },
    cookie: 'jixiao_token',
    refusedPage: (request) => messagePage(lang(request), uiTexts(lang(request)).error, [{ message: uiTexts(lang(request)).tokenRequired, fix: '' }], false),
  });

  const fail = (request: FastifyRequest, reply: FastifyReply, error: unknown, html: boolean): FastifyReply => {
    if (!(error instanceof InputError)) throw error;
    const code = STATUS[error.diagnostics[0]?.code ?? ''] ?? 400;
    const l = lang(request);
    if (!html) return reply.code(code).send(problemsJson(error.diagnostics, l));
    // the page says where, as the CLI does: file:line:column, the code and the message, then the fix
    const lines = error.diagnostics.map((d) => ({ message: formatDiagnostic(d, l).split('\n')[0]!, fix: hintOf(d, l) ?? '' }));
    return reply.code(code).type('text/html; charset=utf-8').send(messagePage(l, uiTexts(l).error, lines));
  };

  app.get('/', async (request, reply) => {
    const l = lang(request);
    return reply.type('text/html; charset=utf-8').send(formsPage(path.basename(folder.root), await listForms(folder, l), l));
  });

  app.get('/form', async (request, reply) => {
    try {
      const file = folder.file(String((request.query as { file?: unknown }).file ?? ''));
      return reply.type('text/html; charset=utf-8').send(editPage(await formPage(folder, file, lang(request))));
    } catch (error) {
      return fail(request, reply, error, true);
    }
  });

  app.post('/new', async (request, reply) => {
    try {
      const definitions = folder.file(String((request.body as { definitions?: unknown } | undefined)?.definitions ?? ''));
      const actuals = actualsPathFor(definitions.absolute);
      options.store.create(actuals, actualsTemplateFor(definitions.absolute, actuals));
      const relative = path.relative(folder.root, actuals).split(path.sep).join('/');
      const q = lang(request) === 'en' ? '&lang=en' : '';
      return reply.redirect(`/form?file=${encodeURIComponent(relative)}${q}`, 303);
    } catch (error) {
      return fail(request, reply, error, true);
    }
  });

  /** The form as edited, scored now: read from disk, the edits applied, refused cells at their places. */
  const edited = async (body: FormBody) => {
    const refused = body.edits.find((e) => !isEditableField(e.path));
    if (refused) throw inputError('FIELD_NOT_EDITABLE', { field: refused.path.join('.') });
    const file = folder.file(body.file);
    const base = readFormText(file);
    return { file, base, form: await scoreEdited(file.absolute, base.text, body.edits) };
  };

  app.post<{ Body: FormBody }>('/api/score', { schema: { body: formBody } }, async (request, reply) => {
    try {
      return reply.send(liveResult((await edited(request.body)).form, lang(request)));
    } catch (error) {
      return fail(request, reply, error, false);
    }
  });

  app.post<{ Body: FormBody }>('/api/save', { schema: { body: formBody } }, async (request, reply) => {
    try {
      const { file, base, form } = await edited(request.body);
      const l = lang(request);
      if (request.body.baseHash !== undefined && request.body.baseHash !== base.hash) throw inputError('FORM_CHANGED_ON_DISK', { path: file.relative });
      // what the loader would refuse (a 20,000-character reason, an unreadable amount) is never written: it would
      // leave a file that no command can read; the page shows each problem at its cell instead
      if (!form.scored || form.problems.length > 0) return reply.code(422).send(problemsJson(form.problems, l));
      // an untouched form is not written at all: the file stays byte for byte as it was
      if (form.text === base.text) return reply.send({ saved: false, hash: base.hash, message: text('serve.ui.unchanged', l), live: liveResult(form, l) });
      options.store.replace(file.absolute, form.text, base.hash);
      return reply.send({ saved: true, hash: sha256Hex(form.text), message: text('serve.ui.saved', l), live: liveResult(form, l) });
    } catch (error) {
      return fail(request, reply, error, false);
    }
  });

  app.post<{ Body: FormBody }>('/api/pdf', { schema: { body: formBody } }, async (request, reply) => {
    try {
      const { form } = await edited(request.body);
      // a form scored without cells it could not read is not printed: the page shows those cells first
      if (!form.scored || form.problems.length > 0) return reply.code(422).send(problemsJson(form.problems, lang(request)));
      const rendered = await renderForm(form.scored, request.body.explain === true, printer);
      if (!rendered.pdf) return reply.code(422).send(problemsJson(rendered.problems ?? [], lang(request)));
      const name = path.basename(request.body.file).replace(/(\.actuals)?\.ya?ml$/i, '.pdf');
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`)
        .header('x-jixiao-status', form.scored.result.status)
        .header('x-jixiao-pending', String(form.scored.result.pending.length))
        .send(Buffer.from(rendered.pdf));
    } catch (error) {
      return fail(request, reply, error, false);
    }
  });

  registerSigning(app, { folder, store: options.store, printer, lang, fail, refuse: (reply, problems, l) => reply.code(422).send(problemsJson(problems, l)) });

  app.get('/assets/*', async (request, reply) => {
    const pathname = request.url.split('?')[0]!;
    if (pathname === '/assets/serve.css') return reply.type('text/css; charset=utf-8').send(await readFile(path.join(TEMPLATES_DIR, 'serve', 'serve.css'), 'utf8'));
    if (pathname === '/assets/form.js') return reply.type('text/javascript; charset=utf-8').send(await readFile(path.join(__dirname, 'client', 'form.js'), 'utf8'));
    const asset = await bundledAsset(pathname);
    if (!asset) return reply.code(404).type('text/plain; charset=utf-8').send('Not found');
    return reply.type(asset.contentType).send(asset.body);
  });

  app.setNotFoundHandler((request, reply) => {
    const l = lang(request);
    return reply.code(404).type('text/html; charset=utf-8').send(messagePage(l, uiTexts(l).notFound, [], true));
  });

  try {
    await app.listen({ host: options.host, port: options.port });
  } catch (error) {
    await printer.close();
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') throw inputError('SERVE_PORT_IN_USE', { port: options.port });
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
