import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { ROLES, type Role } from '../domain/glossary';
import { inputError, type Diagnostic } from '../errors/diagnostic';
import type { Lang } from '../errors/lang';
import { renderForm, scoreEdited, sha256Hex, signBytes } from '../pipeline';
import type { FolderFile } from './folder';
import { readFormText } from './formText';
import type { RouteDeps } from './routeDeps';
import { signedPdfPathFor, signingStatus } from './signedForm';

interface SignBody {
  file: string;
  role: Role;
  /** The .p12 file's bytes in base64, and its name (for messages only). */
  p12: string;
  p12Name: string;
  password: string;
  /** Print a new PDF from the form as it is now and start the sign-off again, replacing the signed PDF. */
  restart?: boolean;
  lang?: Lang;
}

/** A PKCS#12 file is a few kilobytes; the limit leaves room for a long chain and stays well under the body limit. */
const P12_BASE64_LIMIT = 150_000;
const signBody = {
  type: 'object',
  required: ['file', 'role', 'p12', 'p12Name', 'password'],
  additionalProperties: false,
  properties: {
    file: { type: 'string', maxLength: 1000 },
    role: { enum: [...ROLES] },
    p12: { type: 'string', minLength: 1, maxLength: P12_BASE64_LIMIT, pattern: '^[A-Za-z0-9+/=]+$' },
    p12Name: { type: 'string', maxLength: 200 },
    password: { type: 'string', maxLength: 1000 },
    restart: { type: 'boolean' },
    lang: { enum: ['zh', 'en'] },
  },
} as const;

/** The PDF to sign on: the signed one beside the form (which must still be this form), else a new print of it. */
async function pdfToSign(
  deps: RouteDeps,
  file: FolderFile,
  restart: boolean,
  lang: Lang,
): Promise<{ target: string; bytes: Uint8Array; expected: string | null } | Diagnostic[]> {
  const actuals = file.absolute;
  const form = await scoreEdited(actuals, readFormText(file).text, []);
  if (!form.scored || form.problems.length > 0) return form.problems;
  const status = await signingStatus(actuals, lang);
  const existing = status.pdf ? readFileSync(status.pdf) : null;
  if (status.pdf && existing && !restart) {
    if (!status.current) throw inputError('SIGNED_FORM_EDITED', { path: path.basename(status.pdf) });
    return { target: status.pdf, bytes: existing, expected: sha256Hex(existing) };
  }
  const rendered = await renderForm(form.scored, false, deps.printer);
  if (!rendered.pdf) return rendered.problems ?? [];
  return {
    target: status.pdf ?? signedPdfPathFor(actuals),
    bytes: rendered.pdf,
    expected: existing ? sha256Hex(existing) : null,
  };
}

/**
 * Signing from the page: the signer's .p12 and password arrive in one request, are used by the same code as
 * `jixiao sign`, and are dropped with it: never written, never logged (the server has no logger). The signed PDF is
 * kept beside the form, so the next signer signs on top of it, and sent back for the signer to keep.
 */
export function registerSigning(app: FastifyInstance, deps: RouteDeps): void {
  app.get('/api/signing', async (request, reply) => {
    try {
      const file = deps.folder.file(String((request.query as { file?: unknown }).file ?? ''));
      const { pdf, ...status } = await signingStatus(file.absolute, deps.lang(request));
      return reply.send({ ...status, pdf: pdf ? path.basename(pdf) : null });
    } catch (error) {
      return deps.fail(request, reply, error, false);
    }
  });

  app.post<{ Body: SignBody }>('/api/sign', { schema: { body: signBody } }, async (request, reply) => {
    const lang = deps.lang(request);
    try {
      const file = deps.folder.file(request.body.file);
      const source = await pdfToSign(deps, file, request.body.restart === true, lang);
      if (Array.isArray(source)) return deps.refuse(reply, source, lang);
      const { p12, p12Name, password, role } = request.body;
      const signed = await signBytes(source.bytes, path.basename(source.target), {
        p12: Buffer.from(p12, 'base64'),
        p12Name,
        password,
        role,
      });
      if (source.expected) deps.store.replace(source.target, signed.pdf, source.expected);
      else deps.store.create(source.target, signed.pdf);
      return reply
        .type('application/pdf')
        .header(
          'content-disposition',
          `attachment; filename*=UTF-8''${encodeURIComponent(path.basename(source.target))}`,
        )
        .header('x-jixiao-signer', encodeURIComponent(signed.signer))
        .send(Buffer.from(signed.pdf));
    } catch (error) {
      return deps.fail(request, reply, error, false);
    }
  });
}
