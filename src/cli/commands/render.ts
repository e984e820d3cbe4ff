import { existsSync, mkdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { formatDiagnostic, type Lang } from '../../errors/message';
import { renderForms, standaloneHtml } from '../../pipeline';
import { inputError } from '../../errors/diagnostic';
import { EXIT } from '../exitCodes';
import { writeFileAtomic, type Io } from '../io';

export interface RenderCommandOptions {
  output?: string;
  explain?: boolean;
  html?: string;
  timeout?: string;
}

/** out.pdf for one form, or a folder for many: each named after its actuals file. */
function outputPaths(files: string[], output: string | undefined): string[] {
  const plainName = (f: string): string => path.basename(f).replace(/(\.actuals)?\.ya?ml$/, '');
  const counts = new Map<string, number>();
  for (const f of files) counts.set(plainName(f), (counts.get(plainName(f)) ?? 0) + 1);
  // Two forms with the same name in different folders: prefix the folder so neither overwrites the other.
  const base = (f: string): string => ((counts.get(plainName(f)) ?? 0) > 1 ? `${path.basename(path.dirname(path.resolve(f)))}-${plainName(f)}` : plainName(f));
  const isDir = output !== undefined && (output.endsWith('/') || (existsSync(output) && statSync(output).isDirectory()) || (files.length > 1 && !output.endsWith('.pdf')));
  if (output === undefined) return files.map((f) => path.join(path.dirname(f), `${base(f)}.pdf`));
  if (isDir) {
    mkdirSync(output, { recursive: true });
    return files.map((f) => path.join(output, `${base(f)}.pdf`));
  }
  if (files.length > 1) throw inputError('USAGE', { detail: '多个表单须输出到目录：-o out/' });
  return [output];
}

/** `jixiao render <actuals…> -o form.pdf|dir/ [--explain] [--html form.html]`. */
export async function renderCommand(files: string[], options: RenderCommandOptions, io: Io, lang: Lang): Promise<number> {
  const targets = outputPaths(files, options.output);
  if (options.html && files.length > 1) throw inputError('USAGE', { detail: '--html 只能用于单个表单' });
  const timeoutMs = options.timeout === undefined ? undefined : Number(options.timeout);
  if (timeoutMs !== undefined && !(timeoutMs > 0)) throw inputError('USAGE', { detail: `--timeout 应为正数（毫秒），实际是 ${options.timeout}` });
  const rendered = await renderForms(files, { explain: options.explain === true, ...(timeoutMs ? { timeoutMs } : {}) });
  let failed = 0;
  rendered.forEach((form, i) => {
    const target = targets[i]!;
    if (form.pdf) {
      writeFileAtomic(target, form.pdf);
      io.err(lang === 'en' ? `Wrote ${target}` : `已生成 ${target}`);
      if (options.html && form.html) writeFileAtomic(options.html, standaloneHtml(form.html));
    } else {
      failed++;
      for (const d of form.problems ?? []) io.err(formatDiagnostic(d, lang));
      io.err(lang === 'en' ? `Not written: ${target}` : `未生成 ${target}`);
    }
  });
  return failed === 0 ? EXIT.ok : EXIT.input;
}
