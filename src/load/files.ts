import { createHash } from 'node:crypto';
import { lstatSync, readFileSync, readlinkSync, statSync } from 'node:fs';
import * as path from 'node:path';
import type { SourceLocation } from '../domain/model';
import { diagnostic, inputError, type Diagnostic } from '../errors/diagnostic';
import { textRef } from '../errors/texts';
import { parseYaml, type SourceDocument } from '../source/yamlSource';

export function sha256(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The largest input of each kind jixiao reads (README: 输入文件): a bigger one is refused before it is read. */
export const INPUT_LIMITS = {
  yaml: 10 * 1024 * 1024,
  pdf: 100 * 1024 * 1024,
  image: 1024 * 1024,
  p12: 1024 * 1024,
  xlsx: 20 * 1024 * 1024,
  certificate: 1024 * 1024,
  /** A certificate revocation list: a CA that revoked a hundred thousand certificates writes a few megabytes. */
  crl: 20 * 1024 * 1024,
  /** review.json: a year of forms with their rows and findings (about 3 KB a form). */
  json: 200 * 1024 * 1024,
} as const;
export type InputKind = keyof typeof INPUT_LIMITS;

/**
 * The one way jixiao reads a file: it must exist, be a regular file (not a folder, FIFO or device, which would
 * hang or never end) and be under its kind's size limit. Every problem is an input error at the place that named it.
 */
/** Where a symbolic link points, or null when the path is no link. */
function linkTarget(file: string): string | null {
  try {
    return lstatSync(file).isSymbolicLink() ? readlinkSync(file) : null;
  } catch {
    return null;
  }
}

export function readInput(file: string, kind: InputKind, namedAt?: SourceLocation): Buffer {
  let stats;
  try {
    stats = statSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const link = linkTarget(file);
    // a link that points nowhere, or round in a circle, is said as such (a folder can hold a stray one)
    if (link !== null && (code === 'ENOENT' || code === 'ELOOP' || code === 'ENOTDIR')) {
      throw inputError(
        'LINK_BROKEN',
        { path: file, target: link, reason: textRef(code === 'ELOOP' ? 'link.loop' : 'link.dangling') },
        namedAt,
      );
    }
    if (code === 'ENOENT' || code === 'ENOTDIR') throw inputError('FILE_NOT_FOUND', { path: file }, namedAt);
    throw inputError('FILE_UNREADABLE', { path: file, detail: code ?? String(error) }, namedAt);
  }
  if (!stats.isFile()) throw inputError('NOT_A_REGULAR_FILE', { path: file }, namedAt);
  if (stats.size > INPUT_LIMITS[kind])
    throw inputError('FILE_TOO_LARGE', { path: file, size: stats.size, limit: INPUT_LIMITS[kind] }, namedAt);
  try {
    return readFileSync(file);
  } catch (error) {
    throw inputError(
      'FILE_UNREADABLE',
      { path: file, detail: (error as NodeJS.ErrnoException).code ?? String(error) },
      namedAt,
    );
  }
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });
const GB18030 = new TextDecoder('gb18030', { fatal: true });

/** Line and column of a byte offset, counting lines by their LF bytes (valid in both encodings). */
function positionOf(bytes: Buffer, offset: number, file: string): SourceLocation {
  const before = bytes.subarray(0, offset);
  const line = before.filter((b) => b === 0x0a).length + 1;
  return { file, line, column: offset - (before.lastIndexOf(0x0a) + 1) + 1 };
}

/** The first byte where UTF-8 decoding fails (found by halving; the decoder does not say). */
function firstInvalidUtf8(bytes: Buffer): number {
  let good = 0;
  let bad = bytes.length;
  while (bad - good > 1) {
    const mid = (good + bad) >> 1;
    try {
      UTF8.decode(bytes.subarray(0, mid), { stream: true });
      good = mid;
    } catch {
      bad = mid;
    }
  }
  return good;
}

/**
 * The one decoder of every text file jixiao reads: UTF-8 (a byte-order mark is dropped); else, for files saved by
 * Windows Notepad or WPS, GB18030 with a note; anything else is an error at the line of the first bad byte.
 * Bytes are never replaced silently.
 */
export function decodeText(bytes: Buffer, file: string): { text: string; notes: Diagnostic[] } {
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return { text: UTF8.decode(body), notes: [] };
  } catch {
    const at = positionOf(body, firstInvalidUtf8(body), file);
    try {
      return { text: GB18030.decode(body), notes: [diagnostic('ENCODING_GB18030', { path: file }, at)] };
    } catch {
      throw inputError('ENCODING', { path: file }, at);
    }
  }
}

/** Reads a YAML file through readInput and the one decoder, or reports why not at the place that named it. */
export function readSource(file: string, namedAt?: SourceLocation): SourceDocument {
  return sourceFromBytes(readInput(file, 'yaml', namedAt), file);
}

/** A YAML file's bytes, already read, as a document: the one decoder, then the reader. */
export function sourceFromBytes(bytes: Buffer, file: string): SourceDocument {
  const { text, notes } = decodeText(bytes, file);
  const doc = parseYaml(text, file, path.resolve(file));
  doc.diagnostics.push(...notes);
  return doc;
}

/** A path written inside a file is relative to that file's folder. */
export function resolveBeside(doc: SourceDocument, relative: string): string {
  if (path.isAbsolute(relative)) return relative;
  // beside the file as the user named it (messages keep their relative paths), unless that name is only a label
  const named = path.dirname(doc.file);
  return path.join(
    path.resolve(named) === path.dirname(doc.absolutePath) ? named : path.dirname(doc.absolutePath),
    relative,
  );
}
