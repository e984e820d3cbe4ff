import type { FastifyReply, FastifyRequest } from 'fastify';
import { InputError, type Diagnostic } from '../errors/diagnostic';
import type { Lang } from '../errors/lang';
import { diagnosticLine, hintOf, messageOf } from '../errors/message';
import type { FormPrinter } from '../pipeline';
import type { FormFolder } from './folder';
import type { FormStore } from './formStore';
import type { ProblemsReply } from './liveTypes';
import { messagePage } from './pages';
import { uiTexts } from './uiTexts';

/** What every group of routes borrows from the server: its folder, its writer, its warm printer, its way of answering. */
export interface RouteDeps {
  folder: FormFolder;
  store: FormStore;
  printer: FormPrinter;
  lang(request: FastifyRequest): Lang;
  /** Answers an input error: as JSON for the page's script, or as a page (html) for a link followed. */
  fail(request: FastifyRequest, reply: FastifyReply, error: unknown, html: boolean): FastifyReply;
  /** Answers problems found in the form (422), each with its message and fix. */
  refuse(reply: FastifyReply, problems: Diagnostic[], lang: Lang): FastifyReply;
}

const STATUS: Partial<Record<string, number>> = {
  PATH_OUTSIDE_FOLDER: 403,
  FILE_NOT_FOUND: 404,
  FORM_CHANGED_ON_DISK: 409,
  OUTPUT_EXISTS: 409,
};

export function problemsJson(diagnostics: Diagnostic[], lang: Lang): ProblemsReply {
  return {
    problems: diagnostics.map((d) => ({ code: d.code, message: messageOf(d, lang), fix: hintOf(d, lang) ?? '' })),
  };
}

/** The server's answers to errors, in the request's language; anything but an input error is the server's own fault. */
export function answers(lang: (request: FastifyRequest) => Lang): Pick<RouteDeps, 'fail' | 'refuse'> {
  return {
    fail(request, reply, error, html) {
      if (!(error instanceof InputError)) throw error;
      const code = STATUS[error.diagnostics[0]?.code ?? ''] ?? 400;
      const l = lang(request);
      if (!html) return reply.code(code).send(problemsJson(error.diagnostics, l));
      // the page says where, as the CLI does: file:line:column, the code and the message, then the fix
      const lines = error.diagnostics.map((d) => ({
        message: diagnosticLine(d, l),
        fix: hintOf(d, l) ?? '',
      }));
      return reply
        .code(code)
        .type('text/html; charset=utf-8')
        .send(messagePage(l, uiTexts(l).error, lines));
    },
    refuse: (reply, problems, l) => reply.code(422).send(problemsJson(problems, l)),
  };
}
