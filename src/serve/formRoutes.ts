import * as path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { inputError } from '../errors/diagnostic';
import type { Lang } from '../errors/lang';
import { text } from '../errors/texts';
import { isEditableField, renderForm, scoreEdited, sha256Hex, type FieldEdit } from '../pipeline';
import { readFormText } from './formText';
import { liveResult } from './liveResult';
import type { RouteDeps } from './routeDeps';

/** The page's request bodies, checked by fastify before any handler runs. */
const editsSchema = {
  type: 'array',
  maxItems: 2000,
  items: {
    type: 'object',
    required: ['path', 'value'],
    additionalProperties: false,
    properties: {
      path: { type: 'array', minItems: 1, maxItems: 6, items: { type: 'string', maxLength: 200 } },
      value: { type: 'string', maxLength: 20000 },
    },
  },
} as const;
const formBody = {
  type: 'object',
  required: ['file', 'edits'],
  additionalProperties: false,
  properties: {
    file: { type: 'string', maxLength: 1000 },
    edits: editsSchema,
    baseHash: { type: 'string', pattern: '^[0-9a-f]{64}$' },
    lang: { enum: ['zh', 'en'] },
    explain: { type: 'boolean' },
  },
} as const;
interface FormBody {
  file: string;
  edits: FieldEdit[];
  baseHash?: string;
  lang?: Lang;
  /** Print the 评分说明 appendix too (each row's 计算过程); the form alone by default, as `render` without --explain. */
  explain?: boolean;
}

/** The form being filled: scored live, saved to its YAML, printed to a PDF, each with the page's edits applied. */
export function registerFormApi(app: FastifyInstance, deps: RouteDeps): void {
  const { lang, fail, refuse } = deps;
  /** The form as edited, scored now: read from disk, the edits applied, refused cells at their places. */
  const edited = async (body: FormBody) => {
    const refused = body.edits.find((e) => !isEditableField(e.path));
    if (refused) throw inputError('FIELD_NOT_EDITABLE', { field: refused.path.join('.') });
    const file = deps.folder.file(body.file);
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
      if (request.body.baseHash !== undefined && request.body.baseHash !== base.hash)
        throw inputError('FORM_CHANGED_ON_DISK', { path: file.relative });
      // what the loader would refuse (a 20,000-character reason, an unreadable amount) is never written: it would
      // leave a file that no command can read; the page shows each problem at its cell instead
      if (!form.scored || form.problems.length > 0) return refuse(reply, form.problems, l);
      // an untouched form is not written at all: the file stays byte for byte as it was
      if (form.text === base.text)
        return reply.send({
          saved: false,
          hash: base.hash,
          message: text('serve.ui.unchanged', l),
          live: liveResult(form, l),
        });
      deps.store.replace(file.absolute, form.text, base.hash);
      return reply.send({
        saved: true,
        hash: sha256Hex(form.text),
        message: text('serve.ui.saved', l),
        live: liveResult(form, l),
      });
    } catch (error) {
      return fail(request, reply, error, false);
    }
  });

  app.post<{ Body: FormBody }>('/api/pdf', { schema: { body: formBody } }, async (request, reply) => {
    try {
      const { form } = await edited(request.body);
      // a form scored without cells it could not read is not printed: the page shows those cells first
      if (!form.scored || form.problems.length > 0) return refuse(reply, form.problems, lang(request));
      const rendered = await renderForm(form.scored, request.body.explain === true, deps.printer);
      if (!rendered.pdf) return refuse(reply, rendered.problems ?? [], lang(request));
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
}
