import { InputError, sortByLocation, type Diagnostic } from '../errors/diagnostic';
import { diagnosticJson, formatDiagnostic, type Lang } from '../errors/message';
import { text } from '../errors/texts';
import type { Io } from './io';
import { paintDiagnostic } from './style';

/**
 * 0 done; 1 bad input (or not verified, or a case failed); 2 a bug; 3 a form scored but still a draft (待补充);
 * 4 verify: the file is intact but a signer's identity is not verified (no trusted root given, or no chain to one).
 */
export const EXIT = { ok: 0, input: 1, internal: 2, draft: 3, unverifiedIdentity: 4 } as const;

export interface OutputMode {
  lang: Lang;
  /** Errors as JSON on stdout: { ok: false, errors: [{ code, severity, file, line, column, message, hint }] }. */
  json: boolean;
}

/** Prints diagnostics the way the mode asks: located lines (coloured on a terminal), or JSON. */
export function printDiagnostics(io: Io, mode: OutputMode, diagnostics: Diagnostic[], to: 'out' | 'err' = 'err'): void {
  for (const d of sortByLocation(diagnostics))
    io[to](paintDiagnostic(formatDiagnostic(d, mode.lang), d.severity, io.colour));
}

/**
 * Runs a command and turns what it throws into an exit code: 1 with every located message for bad input,
 * 2 with a one-line notice for anything else. No stack trace unless JIXIAO_DEBUG is set.
 */
export async function guarded(io: Io, mode: OutputMode, work: () => Promise<number>): Promise<number> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof InputError) {
      if (mode.json) {
        io.out(
          JSON.stringify(
            { ok: false, errors: sortByLocation(error.diagnostics).map((d) => diagnosticJson(d, mode.lang)) },
            null,
            2,
          ),
        );
      } else {
        printDiagnostics(io, mode, error.diagnostics);
        io.err(text('cli.errorCount', mode.lang, { count: error.diagnostics.length }));
      }
      return EXIT.input;
    }
    const message = error instanceof Error ? error.message : String(error);
    if (mode.json) io.out(JSON.stringify({ ok: false, internal: true, message }, null, 2));
    io.err(text('cli.internal', mode.lang, { message }));
    io.err(text('cli.internalHint', mode.lang));
    if (process.env.JIXIAO_DEBUG && error instanceof Error && error.stack) io.err(error.stack);
    return EXIT.internal;
  }
}
