import type { Severity } from '../domain/model';

const COLOUR: Record<Severity, string> = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m' };
const RESET = '\x1b[0m';

/** Colours the first line of a formatted diagnostic by severity, only on a terminal and without NO_COLOR. */
export function paintDiagnostic(formatted: string, severity: Severity, colour: boolean): string {
  if (!colour) return formatted;
  const [head, ...rest] = formatted.split('\n');
  return [`${COLOUR[severity]}${head}${RESET}`, ...rest].join('\n');
}

export function paint(textToPaint: string, severity: Severity, colour: boolean): string {
  return colour ? `${COLOUR[severity]}${textToPaint}${RESET}` : textToPaint;
}
