import { existsSync, lstatSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { inputError } from '../errors/diagnostic';

/** The form files a command was given: files as named, folders searched (recursively, sorted) for *.actuals.yaml (and *.xlsx workbooks where the command reads them). */
export function findForms(targets: string[], options: { workbooks?: boolean } = {}): string[] {
  const out: string[] = [];
  const walk = (p: string, top: boolean): void => {
    if (!existsSync(p) && !isLink(p)) throw inputError('FILE_NOT_FOUND', { path: p });
    // anything but a folder goes to the loader, which says what is wrong with it (a broken link, a pipe…)
    if (!existsSync(p) || !statSync(p).isDirectory()) {
      out.push(p);
      return;
    }
    const before = out.length;
    for (const entry of readdirSync(p).sort()) {
      const child = path.join(p, entry);
      if (statSync(child).isDirectory()) walk(child, false);
      else if (entry.endsWith('.actuals.yaml') || (options.workbooks && entry.endsWith('.xlsx') && !entry.startsWith('~$'))) out.push(child);
    }
    if (top && out.length === before) throw inputError('NO_FORMS', { path: p });
  };
  for (const target of targets) walk(target, true);
  return out;
}

function isLink(p: string): boolean {
  try {
    return lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}
