import { readFileSync, existsSync } from 'node:fs';
import * as path from 'node:path';
import { InputError, inputError, type Diagnostic } from '../errors/diagnostic';
import { PAGE_ORIGIN, PdfPrinter, type PrintStats } from '../pdf/printer';
import { bundledAsset } from '../report/assets';
import { renderHtml } from '../report/render';
import { formView, type FormView } from '../report/viewModel';
import { resultToJson } from '../report/json';
import { canonicalJson, embeddedInput, EMBEDDED_FORMAT, sha256Hex, type EmbeddedData } from '../sign/embeddedData';
import { finalizePdf } from '../sign/finalize';
import { JIXIAO_VERSION } from '../domain/version';
import { Timings, scoreFile, type ScoredForm } from './index';

export interface RenderOptions {
  explain: boolean;
  timeoutMs?: number;
  concurrency?: number;
  executablePath?: string;
}

export interface RenderedForm {
  file: string;
  scored?: ScoredForm;
  view?: FormView;
  html?: string;
  pdf?: Uint8Array;
  stats?: PrintStats;
  problems?: Diagnostic[];
}

const SEAL_TYPES: Record<string, string> = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg' };

/** The seal image named in the actuals, as a data: URL (so the page makes no request for it). */
function sealDataUrl(scored: ScoredForm): string | undefined {
  const seal = scored.loaded.actuals.signOff?.seal;
  if (!seal) return undefined;
  const file = path.isAbsolute(seal) ? seal : path.join(path.dirname(scored.loaded.actualsDoc.file), seal);
  const type = SEAL_TYPES[path.extname(file).toLowerCase()];
  const where = scored.loaded.actualsDoc.locate(['signOff', 'seal']);
  if (!type) throw inputError('SEAL_FORMAT', { path: file }, where);
  if (!existsSync(file)) throw inputError('FILE_NOT_FOUND', { path: file }, where);
  return `data:${type};base64,${readFileSync(file).toString('base64')}`;
}

/** Scores a form and lays it out as HTML (no browser needed). */
export async function formHtml(file: string, explain: boolean, timings = new Timings()): Promise<{ scored: ScoredForm; html: string; view: FormView }> {
  const scored = await scoreFile(file, {}, timings);
  const view = await timings.time('render', () => {
    const seal = sealDataUrl(scored);
    return formView(scored.result, { explain, linkBase: PAGE_ORIGIN, ...(seal ? { sealDataUrl: seal } : {}) });
  });
  return { scored, html: renderHtml(view), view };
}

/** The data attached to the PDF: the three input files as they were, the result, and their hashes. */
export function embeddedData(scored: ScoredForm, boxes: EmbeddedData['signatureBoxes'], createdAt = new Date()): EmbeddedData {
  const { loaded, result } = scored;
  const resultJson = resultToJson(result);
  return {
    format: EMBEDDED_FORMAT,
    jixiaoVersion: JIXIAO_VERSION,
    createdAt: createdAt.toISOString(),
    inputs: {
      definitions: embeddedInput(loaded.definitionsDoc.file, loaded.definitionsDoc.text),
      actuals: embeddedInput(loaded.actualsDoc.file, loaded.actualsDoc.text),
      ruleSet: { ...embeddedInput(loaded.ruleSet.path, loaded.ruleSet.text), id: loaded.ruleSet.file.id },
    },
    result: resultJson,
    resultSha256: sha256Hex(canonicalJson(resultJson)),
    signatureBoxes: boxes,
  };
}

/**
 * Renders many forms with one browser: each is scored, laid out and printed; a form that fails (bad input,
 * a page that hangs twice) is reported while the others still render. The browser is always closed.
 */
export async function renderForms(files: string[], options: RenderOptions, timings = new Timings()): Promise<RenderedForm[]> {
  const prepared: RenderedForm[] = [];
  for (const file of files) {
    try {
      const { scored, html, view } = await formHtml(file, options.explain, timings);
      prepared.push({ file, scored, html, view });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      prepared.push({ file, problems: error.diagnostics });
    }
  }
  const printable = prepared.filter((p) => p.html !== undefined);
  if (printable.length === 0) return prepared;
  const printer = await timings.time('launch', () =>
    PdfPrinter.launch({
      ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
      ...(options.concurrency !== undefined ? { concurrency: options.concurrency } : {}),
      ...(options.executablePath !== undefined ? { executablePath: options.executablePath } : {}),
    }),
  );
  try {
    await timings.time('print', () =>
      Promise.all(
        printable.map(async (form) => {
          try {
            const { pdf, stats } = await printer.print({ html: form.html!, resolveAsset: bundledAsset, name: form.file });
            const meta = form.view!.meta;
            const finished = await finalizePdf(
              pdf,
              {
                title: meta.title,
                author: meta.author,
                subject: meta.subject,
                keywords: meta.keywords.split(','),
                creator: `jixiao ${JIXIAO_VERSION}`,
                language: 'zh-CN',
              },
              (boxes) => embeddedData(form.scored!, boxes),
            );
            form.pdf = finished.pdf;
            form.stats = stats;
          } catch (error) {
            if (!(error instanceof InputError)) throw error;
            form.problems = error.diagnostics;
          }
        }),
      ),
    );
  } finally {
    await printer.close();
  }
  return prepared;
}
