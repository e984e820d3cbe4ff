import { listOf } from '../errors/texts';
import { existsSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import type { SourceLocation } from '../domain/model';
import { RULESETS_DIR } from '../domain/paths';
import { inputError } from '../errors/diagnostic';

/** The environment variable naming extra rule-set folders (separated like PATH). */
export const RULESETS_ENV = 'JIXIAO_RULESETS';

const isDir = (dir: string): boolean => existsSync(dir) && statSync(dir).isDirectory();

/**
 * Where rule sets are looked up by id, first match wins: a `rulesets/` folder beside the file that names the
 * id (or, for an id typed on the command line, beside the current folder) or in any folder above it, then each
 * folder of JIXIAO_RULESETS, then the rule sets shipped with jixiao.
 */
export function ruleSetFolders(from: string = process.cwd()): string[] {
  const folders: string[] = [];
  {
    let dir = path.resolve(from);
    for (;;) {
      const candidate = path.join(dir, 'rulesets');
      if (isDir(candidate) && path.resolve(candidate) !== RULESETS_DIR) folders.push(candidate);
      const parent = path.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  for (const dir of (process.env[RULESETS_ENV] ?? '').split(path.delimiter))
    if (dir && isDir(dir)) folders.push(path.resolve(dir));
  folders.push(RULESETS_DIR);
  return folders;
}

/** Rule-set ids in a folder: every <id>.yaml that is not a test file. */
export function ruleSetIdsIn(folder: string): string[] {
  if (!isDir(folder)) return [];
  return readdirSync(folder)
    .filter((f) => f.endsWith('.yaml') && !f.endsWith('.test.yaml'))
    .map((f) => f.slice(0, -'.yaml'.length))
    .sort();
}

/** Ids of the rule sets shipped in indicators/rulesets/. */
export function shippedRuleSetIds(): string[] {
  return ruleSetIdsIn(RULESETS_DIR);
}

/** The file of a rule set named by path (an evaluator's own file) or by id (looked up in the folders above). */
export function ruleSetPath(
  idOrPath: string,
  namedAt?: SourceLocation,
  relativeTo?: string,
): { file: string; byId: boolean } {
  if (/\.ya?ml$/.test(idOrPath) || idOrPath.includes('/') || idOrPath.includes(path.sep)) {
    const asPath = relativeTo && !path.isAbsolute(idOrPath) ? path.join(relativeTo, idOrPath) : idOrPath;
    if (existsSync(asPath)) return { file: asPath, byId: false };
    if (existsSync(idOrPath)) return { file: idOrPath, byId: false };
    throw inputError('FILE_NOT_FOUND', { path: asPath }, namedAt);
  }
  const folders = ruleSetFolders(relativeTo);
  for (const folder of folders) {
    const file = path.join(folder, `${idOrPath}.yaml`);
    if (existsSync(file)) return { file, byId: true };
  }
  const known = listOf([...new Set(folders.flatMap(ruleSetIdsIn))]);
  throw inputError('UNKNOWN_RULESET', { id: idOrPath, known }, namedAt);
}
