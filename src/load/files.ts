import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import type { SourceLocation } from '../domain/model';
import { inputError } from '../errors/diagnostic';
import { readYamlFile, type SourceDocument } from '../source/yamlSource';

export function sha256(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Reads a YAML file, or reports FILE_NOT_FOUND at the place that named it. */
export function readSource(file: string, namedAt?: SourceLocation): SourceDocument {
  if (!existsSync(file)) throw inputError('FILE_NOT_FOUND', { path: file }, namedAt);
  return readYamlFile(file);
}

/** A path written inside a file is relative to that file's folder. */
export function resolveBeside(doc: SourceDocument, relative: string): string {
  return path.isAbsolute(relative) ? relative : path.join(path.dirname(doc.file), relative);
}
