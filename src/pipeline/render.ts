import { unsupportedCharacter } from './printableCharacters';
import { readSealImage } from './sealImage';
import { resolveBeside } from '../load/files';
import { InputError, type Diagnostic } from '../errors/diagnostic';
import { uncoveredCharacters } from '../domain/fonts';
import { PAGE_ORIGIN, PdfPrinter, type FormPrinter, type PrintStats } from '../pdf/printer';
import { RelaunchingPrinter } from '../pdf/relaunchingPrinter';
import { bundledAsset, formPrintScript } from '../report/assets';
import { SheetPrinter, SHEETS_PER_DOCUMENT } from './sheetPrinter';
import { renderHtml } from '../report/render';
import { formView, type FormView } from '../report/viewModel';
import { resultToJson } from '../report/json';
import { canonicalJson, embeddedInput, EMBEDDED_FORMAT, sha256Hex, type EmbeddedData } from '../pdfdoc/embeddedData';
import { finalizePdf } from '../pdfdoc/finalize';
import { JIXIAO_VERSION } from '../domain/version';
import { PRINTED } from '../domain/formWording';
import { Timings, scoreFile, type ScoredForm } from './stages';

export interface RenderOptions {
  explain: boolean;
  /** Print with this running printer instead of launching one (a long-lived service keeps its browser). */
  printer?: FormPrinter;
  timeoutMs?: number;
  concurrency?: number;
  executablePath?: string;
  /** Keep each form's HTML as printed (its （续） headings placed), for an HTML copy that breaks as the PDF does. */
  keepPrintedHtml?: boolean;
}

export interface RenderedForm {
  file: string;
  scored?: ScoredForm;
  view?: FormView;
  html?: string;
  /** The HTML as printed, when asked for (RenderOptions.keepPrintedHtml). */
  printedHtml?: string;
  pdf?: Uint8Array;
  stats?: PrintStats;
  problems?: Diagnostic[];
  /** What printed but may not look right (a character no bundled font has). */
  warnings?: Diagnostic[];
}

/**
 * The seal image the actuals name, checked and carried in the embedded data. The page never prints it: the seal
 * is the unit's signature, and `sign --role 单位盖章` draws this image as that signature's face.
 */
function sealImageOf(scored: ScoredForm): EmbeddedData['sealImage'] {
  const seal = scored.loaded.actuals.signOff?.seal;
  if (!seal) return undefined;
  const file = resolveBeside(scored.loaded.actualsDoc, seal);
  const { bytes, type } = readSealImage(file, scored.loaded.actualsDoc.locate(['signOff', 'seal']));
  return { type, base64: bytes.toString('base64') };
}

/** Lays a scored form out as HTML (no browser needed). */
export async function layOut(
  scored: ScoredForm,
  explain: boolean,
  timings = new Timings(),
): Promise<{ scored: ScoredForm; html: string; view: FormView }> {
  const view = await timings.time('render', () =>
    formView(scored.result, {
      explain: explain && !scored.blank,
      linkBase: PAGE_ORIGIN,
      filled: scored.loaded.actuals.indicators,
      ...(scored.blank ? { blank: true } : {}),
    }),
  );
  return { scored, html: renderHtml(view), view };
}

/** Scores a form and lays it out as HTML (no browser needed). */
export async function formHtml(
  file: string,
  explain: boolean,
  timings = new Timings(),
): Promise<{ scored: ScoredForm; html: string; view: FormView }> {
  return layOut(await scoreFile(file, {}, timings), explain, timings);
}

/** The data attached to the PDF: the three input files as they were, the result, and their hashes. */
export function embeddedData(
  scored: ScoredForm,
  boxes: EmbeddedData['signatureBoxes'],
  sealImage = sealImageOf(scored),
  createdAt = new Date(),
): EmbeddedData {
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
    ...(sealImage ? { sealImage } : {}),
  };
}

/**
 * Prints one form on a running printer: laid out, printed, finalized (metadata, embedded data). The form may be
 * a file (scored here) or already scored. Bad input comes back as the form's problems, never as a throw.
 */
export async function renderForm(
  form: string | ScoredForm,
  explain: boolean,
  printer: FormPrinter,
  timings = new Timings(),
  keepPrintedHtml = false,
): Promise<RenderedForm> {
  const file = typeof form === 'string' ? form : form.loaded.actualsDoc.file;
  const rendered: RenderedForm = { file };
  try {
    const laidOut =
      typeof form === 'string' ? await formHtml(form, explain, timings) : await layOut(form, explain, timings);
    const { scored, view } = laidOut;
    // a seal image that cannot be used is found before the form is printed
    const sealImage = sealImageOf(scored);
    // the page is searched once for characters no bundled font has: they are warned of and printed as 〓
    const missing = uncoveredCharacters(laidOut.html);
    rendered.warnings = unsupportedCharacters(scored, missing);
    const html = withGetaMarks(laidOut.html, missing);
    Object.assign(rendered, { scored, html, view });
    const printed = await timings.time('print', () =>
      printer.print({
        html,
        resolveAsset: bundledAsset,
        name: file,
        prepare: formPrintScript(),
        ...(keepPrintedHtml ? { keepHtml: true } : {}),
      }),
    );
    const { pdf, stats } = printed;
    if (printed.html !== undefined) rendered.printedHtml = printed.html;
    const meta = view.meta;
    const finished = await timings.time('finalize', () =>
      finalizePdf(
        pdf,
        {
          title: meta.title,
          author: meta.author,
          subject: meta.subject,
          keywords: meta.keywords.split(','),
          creator: `jixiao ${JIXIAO_VERSION}`,
          language: 'zh-CN',
          draft: view.isDraft,
        },
        (boxes) => embeddedData(scored, boxes, sealImage),
      ),
    );
    rendered.pdf = finished.pdf;
    rendered.stats = stats;
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    rendered.problems = error.diagnostics;
  }
  return rendered;
}

/**
 * Starts a browser for a run and warms its pages while the first forms are scored and laid out. A browser
 * that dies mid-run is relaunched once for the forms that were printing on it.
 */
export function launchPrinter(
  options: Pick<RenderOptions, 'timeoutMs' | 'concurrency' | 'executablePath'>,
  timings = new Timings(),
  lazy = false,
): RelaunchingPrinter {
  return new RelaunchingPrinter(
    () =>
      timings.time('launch', async () => {
        const p = await PdfPrinter.launch({
          ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
          ...(options.concurrency !== undefined ? { concurrency: options.concurrency } : {}),
          ...(options.executablePath !== undefined ? { executablePath: options.executablePath } : {}),
        });
        void p.warm(bundledAsset, WARM_UP_PAGE);
        return p;
      }),
    { lazy },
  );
}

/**
 * Renders many forms with one browser: each is scored, laid out and printed; a form that fails (bad input,
 * a page that hangs twice) is reported while the others still render. The browser is always closed.
 */
export async function renderForms(
  files: string[],
  options: RenderOptions,
  timings = new Timings(),
): Promise<RenderedForm[]> {
  // The browser starts at once, while the first forms are scored and laid out.
  const launched = options.printer || files.length === 0 ? undefined : launchPrinter(options, timings);
  const pages = options.concurrency ?? 2;
  // several forms on a browser of its own are printed several to a document, as batch prints them (a printer passed
  // in is the caller's: it gets each form as it comes)
  const shared = launched && files.length > 1 ? new SheetPrinter(launched, pages) : undefined;
  const printer: FormPrinter | undefined = options.printer ?? shared ?? launched;
  if (!printer) return [];
  try {
    // A few workers, each taking the next form through score → lay out → print → finalize, keep the browser's
    // pages fed without scoring every form before the first one prints.
    const results: RenderedForm[] = new Array<RenderedForm>(files.length);
    let next = 0;
    const worker = async (): Promise<void> => {
      for (let file = files[next]; file !== undefined; file = files[next]) {
        const index = next++;
        results[index] = await renderForm(file, options.explain, printer, timings, options.keepPrintedHtml === true);
      }
    };
    const workers = Math.min(files.length, shared ? pages * 2 * SHEETS_PER_DOCUMENT + 1 : pages + 1);
    await Promise.all(Array.from({ length: workers }, worker));
    return results;
  } finally {
    // a printer passed in belongs to the caller; one launched here is always closed here
    await launched?.close();
  }
}

/**
 * Every printed character the bundled fonts cannot draw (rare CJK of Extension B, emoji…) is a warning at its
 * place: it would print from a system font or as a box, so it is never left to happen silently.
 */
function unsupportedCharacters(scored: ScoredForm, missing: string[]): Diagnostic[] {
  return missing.map((ch) => unsupportedCharacter(scored.loaded, ch));
}

/**
 * Characters the bundled fonts lack print as 〓 (the typesetter's mark for a missing character), the same on
 * every machine, rather than in whatever system font Chromium would find. The embedded data keeps the original.
 */
function withGetaMarks(html: string, missing: string[]): string {
  if (missing.length === 0) return html;
  return [...html].map((ch) => (missing.includes(ch) ? PRINTED.missingCharacter : ch)).join('');
}

/** A small page in the form's fonts and stylesheet, printed once per page when the browser starts. */
const WARM_UP_PAGE = `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><link rel="icon" href="data:,"><link rel="stylesheet" href="/assets/fonts.css"><link rel="stylesheet" href="/assets/form.css"></head><body><h1>${PRINTED.warmUpHeading}</h1><table class="block"><tr><th>${PRINTED.warmUpCell[0]}</th><td>${PRINTED.warmUpCell[1]}</td></tr></table></body></html>`;
