import { existsSync, lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { inputError } from '../errors/diagnostic';

/** A file under the served folder: its path from the folder (what URLs carry, always with /) and on disk. */
export interface FolderFile {
  relative: string;
  absolute: string;
}

function isLink(p: string): boolean {
  try {
    return lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}

/** True for a folder (links followed); false for anything else, a broken link or a link loop included. */
function isFolder(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** Folders never searched for forms: tools' and outputs' own. */
const SKIPPED = new Set(['node_modules', 'dist', 'out']);

/**
 * The one folder `jixiao serve` serves. Every path a request names is resolved here and refused unless it stays
 * inside the folder once links are followed: `../`, absolute paths and symlinks leading out are all PATH_OUTSIDE_FOLDER.
 */
export class FormFolder {
  readonly root: string;

  constructor(root: string) {
    if (!existsSync(root) || !statSync(root).isDirectory()) throw inputError('FILE_NOT_FOUND', { path: root });
    this.root = realpathSync(root);
  }

  /** A path from a request (relative, with /), checked to be a YAML file inside the folder. */
  file(relative: string): FolderFile {
    const refused = inputError('PATH_OUTSIDE_FOLDER', { path: relative });
    if (
      relative === '' ||
      relative.includes('\0') ||
      path.isAbsolute(relative) ||
      /^[a-zA-Z]:/.test(relative) ||
      relative.split(/[\\/]/).includes('..')
    )
      throw refused;
    const joined = path.join(this.root, relative);
    // a broken link is not "not found": the loader says what it points at
    if (!existsSync(joined) && !isLink(joined)) throw inputError('FILE_NOT_FOUND', { path: relative });
    if (!this.contains(joined) || !/\.ya?ml$/i.test(joined)) throw refused;
    return { relative: relative.split(path.sep).join('/'), absolute: joined };
  }

  /** True when a path (links followed) lies inside the folder. */
  contains(absolute: string): boolean {
    let real: string;
    try {
      real = realpathSync(absolute);
    } catch {
      real = path.resolve(absolute);
    }
    return real === this.root || real.startsWith(this.root + path.sep);
  }

  /**
   * Every YAML file under the folder (sorted; links leading out of it are left out). A broken link or a link loop
   * named like YAML is listed too (reading it says what is wrong); a folder reached twice through links is walked once.
   */
  yamlFiles(): FolderFile[] {
    const out: FolderFile[] = [];
    const walked = new Set<string>();
    const walk = (dir: string): void => {
      const real = realpathSync(dir);
      if (walked.has(real)) return;
      walked.add(real);
      for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
        if (entry.name.startsWith('.') || SKIPPED.has(entry.name)) continue;
        const full = path.join(dir, entry.name);
        if (!this.contains(full)) continue;
        if (isFolder(full)) walk(full);
        else if (/\.ya?ml$/i.test(entry.name))
          out.push({ relative: path.relative(this.root, full).split(path.sep).join('/'), absolute: full });
      }
    };
    walk(this.root);
    return out;
  }
}
