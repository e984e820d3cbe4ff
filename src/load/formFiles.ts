import { lstatSync, readdirSync, realpathSync, statSync, type Stats } from 'node:fs';
import * as path from 'node:path';
import { inputError } from '../errors/diagnostic';

/**
 * The form files a command was given: files as named, folders searched (recursively, sorted) for *.actuals.yaml
 * (and *.xlsx workbooks where the command reads them). A stray link in a folder never stops the search: a broken
 * one or a loop named like a form goes to the loader, which reports it at its path while the rest are read; one
 * named otherwise is not a form and is passed over; a folder reached twice through links is searched once.
 */
export function findForms(targets: string[], options: { workbooks?: boolean } = {}): string[] {
  const isForm = (name: string): boolean =>
    name.endsWith('.actuals.yaml') || (options.workbooks === true && name.endsWith('.xlsx') && !name.startsWith('~$'));
  return findFiles(targets, isForm, 'NO_FORMS');
}

/** The forms a year's re-check reads: *.actuals.yaml, *.xlsx workbooks and signed *.pdf, in any mix. */
export function findReviewInputs(targets: string[]): string[] {
  return findFiles(
    targets,
    (name) =>
      name.endsWith('.actuals.yaml') ||
      (name.endsWith('.xlsx') && !name.startsWith('~$')) ||
      name.toLowerCase().endsWith('.pdf'),
    'NO_REVIEW_INPUTS',
  );
}

/** The signed forms a command was given: files as named, folders searched (recursively, sorted) for *.pdf. */
export function findPdfs(targets: string[]): string[] {
  return findFiles(targets, (name) => name.toLowerCase().endsWith('.pdf'), 'NO_PDFS');
}

function findFiles(
  targets: string[],
  isForm: (name: string) => boolean,
  none: 'NO_FORMS' | 'NO_PDFS' | 'NO_REVIEW_INPUTS',
): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const walk = (p: string, top: boolean): void => {
    if (absent(p)) throw inputError('FILE_NOT_FOUND', { path: p });
    // anything but a folder goes to the loader, which says what is wrong with it (a broken link, a pipe…)
    if (!statOrNull(p)?.isDirectory()) {
      out.push(p);
      return;
    }
    const real = realpathSync(p);
    if (seen.has(real)) return;
    seen.add(real);
    const before = out.length;
    for (const entry of readdirSync(p).sort()) {
      const child = path.join(p, entry);
      const stats = statOrNull(child);
      if (stats?.isDirectory()) walk(child, false);
      else if (isForm(entry)) out.push(child);
    }
    if (top && out.length === before) throw inputError(none, { path: p });
  };
  for (const target of targets) walk(target, true);
  return out;
}

/** What a path points to, or null for a link that is broken or loops (ENOENT, ELOOP) or a path that cannot be read. */
function statOrNull(p: string): Stats | null {
  try {
    return statSync(p);
  } catch {
    return null;
  }
}

/** True only when nothing at all is there (a broken link is there; a name too long is the loader's to explain). */
function absent(p: string): boolean {
  try {
    lstatSync(p);
    return false;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR';
  }
}
