import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import type { SourceLocation } from '../domain/model';
import { inputError } from '../errors/diagnostic';
import { parseYaml, type SourceDocument } from '../source/yamlSource';

export function sha256(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The largest input of each kind jixiao reads (README: 输入文件): a bigger one is refused before it is read. */
export const INPUT_LIMITS = { yaml: 10 * 1024 * 1024, pdf: 100 * 1024 * 1024, image: 1024 * 1024, p12: 1024 * 1024 } as const;
export type InputKind = keyof typeof INPUT_LIMITS;

/**
 * The one way jixiao reads a file: it must exist, be a regular file (not a folder, FIFO or device, which would
 * hang or never end) and be under its kind's size limit. Every problem is an input error at the place that named it.
 */
export function readInput(file: string, kind: InputKind, namedAt?: SourceLocation): Buffer {
  let stats;
  try {
    stats = statSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw inputError('FILE_NOT_FOUND', { path: file }, namedAt);
    throw inputError('FILE_UNREADABLE', { path: file, detail: code ?? String(error) }, namedAt);
  }
  if (!stats.isFile()) throw inputError('NOT_A_REGULAR_FILE', { path: file }, namedAt);
  if (stats.size > INPUT_LIMITS[kind]) throw inputError('FILE_TOO_LARGE', { path: file, size: stats.size, limit: INPUT_LIMITS[kind] }, namedAt);
  try {
    return readFileSync(file);
  } catch (error) {
    throw inputError('FILE_UNREADABLE', { path: file, detail: (error as NodeJS.ErrnoException).code ?? String(error) }, namedAt);
  }
}

/** Reads a YAML file through readInput, or reports why not at the place that named it. */
export function readSource(file: string, namedAt?: SourceLocation): SourceDocument {
  return parseYaml(readInput(file, 'yaml', namedAt).toString('utf8'), file, path.resolve(file));
}

/** A path written inside a file is relative to that file's folder. */
export function resolveBeside(doc: SourceDocument, relative: string): string {
  return path.isAbsolute(relative) ? relative : path.join(path.dirname(doc.file), relative);
}
