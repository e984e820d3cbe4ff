import { existsSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { inputError } from '../errors/diagnostic';
import { findForms } from '../pipeline';

/** One form of a batch: the file to read, its name in the journal, and where its PDF goes in the output folder. */
export interface BatchForm {
  file: string;
  /** The file as the journal and the summary name it: relative to the folder or list it came from. */
  input: string;
  /** The PDF's path inside the output folder: the input's own path with .pdf, so two runs name it alike. */
  output: string;
}

const FORM_FILE = /\.(ya?ml|xlsx)$/i;

/** A list file: one form per line, relative to the list's folder; blank lines and # comments skipped. */
function listed(listFile: string): { file: string; base: string }[] {
  const base = path.dirname(listFile);
  const lines = readFileSync(listFile, 'utf8')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
  if (lines.length === 0) throw inputError('BATCH_LIST_EMPTY', { path: listFile });
  // a missing listed file is not fatal: it is that form's failure, recorded while the batch goes on
  return lines.map((l) => ({ file: path.resolve(base, l), base }));
}

/**
 * The forms a batch was given — folders (searched for *.actuals.yaml and *.xlsx), form files, or list files —
 * each with a stable output name. Names that would collide get -2, -3… in the order given.
 */
export function batchForms(targets: string[]): BatchForm[] {
  const found: { file: string; base: string }[] = [];
  for (const target of targets) {
    const isFolder = existsSync(target) && statSync(target).isDirectory();
    if (isFolder) found.push(...findForms([target], { workbooks: true }).map((file) => ({ file, base: target })));
    else if (existsSync(target) && !FORM_FILE.test(target)) found.push(...listed(target));
    else found.push(...findForms([target]).map((file) => ({ file, base: path.dirname(target) })));
  }
  const taken = new Set<string>();
  return found.map(({ file, base }) => {
    let input = path.relative(base, file);
    if (input.startsWith('..') || path.isAbsolute(input)) input = path.basename(file);
    const stem = input.replace(/(\.actuals)?\.(ya?ml|xlsx)$/i, '');
    let output = `${stem}.pdf`;
    for (let n = 2; taken.has(output); n++) output = `${stem}-${n}.pdf`;
    taken.add(output);
    return { file, input, output };
  });
}
