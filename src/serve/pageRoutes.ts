import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { TEMPLATES_DIR } from '../domain/paths';
import { actualsTemplateFor } from '../pipeline';
import { bundledAsset } from '../report/assets';
import { actualsPathFor, listForms } from './formList';
import { formPage } from './formPage';
import { editPage, formsPage, messagePage } from './pages';
import type { RouteDeps } from './routeDeps';
import { uiTexts } from './uiTexts';

/** The pages a person opens: the list of forms, one form to fill, a new form from its definitions, and their assets. */
export function registerPages(app: FastifyInstance, deps: RouteDeps): void {
  const { folder, lang, fail } = deps;
  app.get('/', async (request, reply) => {
    const l = lang(request);
    return reply
      .type('text/html; charset=utf-8')
      .send(formsPage(path.basename(folder.root), await listForms(folder, l), l));
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
      const definitions = folder.file(
        String((request.body as { definitions?: unknown } | undefined)?.definitions ?? ''),
      );
      const actuals = actualsPathFor(definitions.absolute);
      deps.store.create(actuals, actualsTemplateFor(definitions.absolute, actuals));
      const relative = path.relative(folder.root, actuals).split(path.sep).join('/');
      const q = lang(request) === 'en' ? '&lang=en' : '';
      return reply.redirect(`/form?file=${encodeURIComponent(relative)}${q}`, 303);
    } catch (error) {
      return fail(request, reply, error, true);
    }
  });

  app.get('/assets/*', async (request, reply) => {
    const [pathname = ''] = request.url.split('?');
    if (pathname === '/assets/serve.css')
      return reply
        .type('text/css; charset=utf-8')
        .send(await readFile(path.join(TEMPLATES_DIR, 'serve', 'serve.css'), 'utf8'));
    if (pathname === '/assets/form.js')
      return reply
        .type('text/javascript; charset=utf-8')
        .send(await readFile(path.join(__dirname, 'client', 'form.js'), 'utf8'));
    const asset = await bundledAsset(pathname);
    if (!asset) return reply.code(404).type('text/plain; charset=utf-8').send('Not found');
    return reply.type(asset.contentType).send(asset.body);
  });

  app.setNotFoundHandler((request, reply) => {
    const l = lang(request);
    return reply
      .code(404)
      .type('text/html; charset=utf-8')
      .send(messagePage(l, uiTexts(l).notFound, [], true));
  });
}
