import { existsSync, mkdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { diagnosticJson } from '../../errors/message';
import { text } from '../../errors/texts';
import { renderForms, standaloneHtml, type RenderedForm } from '../../pipeline';
import { EXIT, printDiagnostics, type OutputMode } from '../exitCodes';
import { writeOutput, type Io } from '../io';
import { numberOption, usageError } from '../options';

export interface RenderCommandOptions {
  output?: string;
  explain?: boolean;
  html?: string;
  timeout?: string;
  json?: boolean;
}

/** out.pdf for one form, or a folder for many: each named after its actuals file. */
function outputPaths(files: string[], output: string | undefined, mode: OutputMode): string[] {
  const plainName = (f: string): string => path.basename(f).replace(/(\.actuals)?\.ya?ml$/, '');
  const counts = new Map<string, number>();
  for (const f of files) counts.set(plainName(f), (counts.get(plainName(f)) ?? 0) + 1);
  // Two forms with the same name in different folders: prefix the folder so neither overwrites the other.
  const base = (f: string): string =>
    (counts.get(plainName(f)) ?? 0) > 1
      ? `${path.basename(path.dirname(path.resolve(f)))}-${plainName(f)}`
      : plainName(f);
  const isDir =
    output !== undefined &&
    (output.endsWith('/') ||
      (existsSync(output) && statSync(output).isDirectory()) ||
      (files.length > 1 && !output.endsWith('.pdf')));
  if (output === undefined) return files.map((f) => path.join(path.dirname(f), `${base(f)}.pdf`));
  if (isDir) {
    mkdirSync(output, { recursive: true });
    return files.map((f) => path.join(output, `${base(f)}.pdf`));
  }
  if (files.length > 1) throw usageError(text('usage.manyFormsNeedFolder', mode.lang));
  return [output];
}

/** One form's line of the JSON report. */
interface FormReport {
  file: string;
  output: string | null;
  status?: string | null;
  total: string | null;
  grade: string | null;
  errors: unknown[];
  warnings?: unknown[];
}

/** One rendered form: its PDF (and HTML copy) written and said, or its problems said and nothing written. */
function writtenForm(
  form: RenderedForm,
  target: string,
  options: RenderCommandOptions,
  io: Io,
  mode: OutputMode,
): FormReport {
  if (!form.pdf) {
    const problems = form.problems ?? [];
    if (!options.json) {
      printDiagnostics(io, mode, problems);
      io.err(text('cli.notWritten', mode.lang, { path: target }));
    }
    return {
      file: form.file,
      output: null,
      total: null,
      grade: null,
      errors: problems.map((d) => diagnosticJson(d, mode.lang)),
    };
  }
  writeOutput(io, target, form.pdf, 'generated');
  const html = form.printedHtml ?? form.html;
  if (options.html && html) writeOutput(io, options.html, standaloneHtml(html), 'generated');
  const result = form.scored?.result;
  const warnings = form.warnings ?? [];
  if (!options.json) printDiagnostics(io, mode, warnings);
  const blank = form.scored?.blank === true;
  if (!options.json && target !== '-') {
    if (blank) io.err(text('cli.wroteBlank', mode.lang, { path: target }));
    else if (result?.status === 'draft')
      io.err(text('cli.wroteDraft', mode.lang, { path: target, count: result.pending.length }));
    else io.err(text('cli.wrote', mode.lang, { path: target }));
  }
  const totals = {
    status: result?.status ?? null,
    total: result ? result.total.toString() : null,
    grade: result?.grade ?? null,
  };
  return {
    file: form.file,
    output: target,
    ...totals,
    errors: [],
    warnings: warnings.map((d) => diagnosticJson(d, mode.lang)),
  };
}

/** `jixiao render <actuals…> -o form.pdf|dir/ [--explain] [--html form.html]`. */
export async function renderCommand(
  files: string[],
  options: RenderCommandOptions,
  io: Io,
  mode: OutputMode,
): Promise<number> {
  const targets = outputPaths(files, options.output, mode);
  if (options.html && files.length > 1) throw usageError(text('usage.htmlOneForm', mode.lang));
  const timeoutMs = numberOption('--timeout', options.timeout, { min: 1000, max: 600000, integer: true }, mode.lang);
  // every output is checked before any browser starts: a bad one costs nothing and leaves nothing behind
  for (const target of [...targets, ...(options.html ? [options.html] : [])]) writeOutput.check(target, 'generated');
  // the HTML copy is the page as printed: its （续） headings and page breaks where the PDF has them
  const rendered = await renderForms(files, {
    explain: options.explain === true,
    ...(timeoutMs ? { timeoutMs } : {}),
    ...(options.html ? { keepPrintedHtml: true } : {}),
  });
  const report = rendered.flatMap((form, i) => {
    const target = targets[i];
    // one output path per form, always
    return target === undefined ? [] : [writtenForm(form, target, options, io, mode)];
  });
  if (options.json) io.out(JSON.stringify({ ok: report.every((r) => r.output !== null), forms: report }, null, 2));
  if (!report.every((r) => r.output !== null)) return EXIT.input;
  // every PDF written, but a draft is not a finished form: its own exit code, as score gives
  return rendered.some((f) => f.scored?.result.status === 'draft' && !f.scored.blank) ? EXIT.draft : EXIT.ok;
}
