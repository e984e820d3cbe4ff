import type { Severity, SourceLocation } from '../domain/model';
import { CATALOG, type Code, type DataKeys } from './catalog';
import type { Localized, TextRef } from './texts';

export type DataValue = string | number | TextRef | Localized;
export type DiagnosticData = Record<string, DataValue>;
/** A code's data: exactly the placeholders of its messages (extra keys are allowed for tools that read `data`). */
export type DataOf<C extends Code> = Record<DataKeys<C>, DataValue> & DiagnosticData;

/** One finding: an input error, a warning on a scored form, or a lint result. */
export interface Diagnostic {
  code: Code;
  severity: Severity;
  data: DiagnosticData;
  location?: SourceLocation;
}

export function diagnostic<C extends Code>(code: C, data: DataOf<C>, location?: SourceLocation): Diagnostic {
  const d: Diagnostic = { code, severity: CATALOG[code].severity, data };
  if (location) d.location = location;
  return d;
}

/**
 * Bad input: everything wrong that was found, so a user fixes all of it in one pass.
 * The CLI turns it into exit code 1; any other thrown error is a bug (exit code 2).
 */
export class InputError extends Error {
  readonly diagnostics: Diagnostic[];

  constructor(diagnostics: Diagnostic[]) {
    const first = diagnostics[0];
    super(first ? `${first.code}${diagnostics.length > 1 ? ` (+${diagnostics.length - 1})` : ''}` : 'input error');
    this.name = 'InputError';
    this.diagnostics = diagnostics;
  }
}

export function inputError<C extends Code>(code: C, data: DataOf<C>, location?: SourceLocation): InputError {
  return new InputError([diagnostic(code, data, location)]);
}

/** Throws when any collected diagnostic is an error; warnings pass through. */
export function throwIfErrors(diagnostics: Diagnostic[]): void {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new InputError(errors);
}

/** The value a reader built, or its errors thrown; a reader that reports no error builds its value. */
export function builtOrThrow<T>(value: T | null, diagnostics: Diagnostic[]): T {
  throwIfErrors(diagnostics);
  if (value === null) throw new InputError(diagnostics);
  return value;
}

export function sortByLocation(diagnostics: Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort((a, b) => {
    const fa = a.location?.file ?? '';
    const fb = b.location?.file ?? '';
    if (fa !== fb) return fa < fb ? -1 : 1;
    return (a.location?.line ?? 0) - (b.location?.line ?? 0) || (a.location?.column ?? 0) - (b.location?.column ?? 0);
  });
}
