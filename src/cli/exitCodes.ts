import { InputError, sortByLocation } from '../errors/diagnostic';
import { formatDiagnostic, type Lang } from '../errors/message';
import type { Io } from './io';

export const EXIT = { ok: 0, input: 1, internal: 2 } as const;

/**
 * Runs a command and turns what it throws into an exit code: 1 with every located message for bad input,
 * 2 with a one-line notice for anything else. No stack trace unless JIXIAO_DEBUG is set.
 */
export async function guarded(io: Io, lang: Lang, work: () => Promise<number>): Promise<number> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof InputError) {
      for (const d of sortByLocation(error.diagnostics)) io.err(formatDiagnostic(d, lang));
      io.err(lang === 'en' ? `${error.diagnostics.length} error(s).` : `共 ${error.diagnostics.length} 处错误。`);
      return EXIT.input;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.err(lang === 'en' ? `Internal error: ${message}` : `内部错误：${message}`);
    io.err(lang === 'en' ? 'This is a bug in jixiao; set JIXIAO_DEBUG=1 for details.' : '这是 jixiao 的缺陷；设置 JIXIAO_DEBUG=1 可看到详细信息。');
    if (process.env.JIXIAO_DEBUG && error instanceof Error && error.stack) io.err(error.stack);
    return EXIT.internal;
  }
}
