import { readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import type { X509Certificate } from 'node:crypto';
import { inputError } from '../errors/diagnostic';
import { readInput } from '../load/files';
import { parseAnchors } from '../sign/trust';

/** The environment variable naming trusted roots when --trust is not given: files or folders, separated as PATH is. */
export const TRUST_ENV = 'JIXIAO_TRUST';

const CERTIFICATE_FILE = /\.(pem|crt|cer|der)$/i;

/** The trusted roots from --trust (files or folders of .pem/.crt/.cer/.der), else from JIXIAO_TRUST. */
export function trustAnchors(given: readonly string[], env: NodeJS.ProcessEnv = process.env): X509Certificate[] {
  const named = given.length > 0 ? given : (env[TRUST_ENV] ?? '').split(path.delimiter).filter(Boolean);
  const files = named.flatMap((p) => {
    let folder: boolean;
    try {
      folder = statSync(p).isDirectory();
    } catch {
      throw inputError('FILE_NOT_FOUND', { path: p });
    }
    if (!folder) return [p];
    const inside = readdirSync(p)
      .filter((f) => CERTIFICATE_FILE.test(f))
      .sort()
      .map((f) => path.join(p, f));
    if (inside.length === 0) throw inputError('TRUST_ANCHOR_UNREADABLE', { path: p });
    return inside;
  });
  return files.flatMap((file) => parseAnchors(readInput(file, 'certificate'), file));
}
