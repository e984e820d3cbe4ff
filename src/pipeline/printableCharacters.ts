import { uncoveredCharacters } from '../domain/fonts';
import type { SourceLocation } from '../domain/model';
import { diagnostic, type Diagnostic } from '../errors/diagnostic';
import type { LoadedForm } from '../load/loadForm';

/** Every text value of a file's data (keys and comments aside): what the form can print. */
function textsOf(value: unknown, out: string[]): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) textsOf(v, out);
  else if (value !== null && typeof value === 'object') for (const v of Object.values(value)) textsOf(v, out);
  return out;
}

/** Where a character first appears in the form's own files (line and column), for the warning's location. */
function firstPlace(loaded: Pick<LoadedForm, 'actualsDoc' | 'definitionsDoc'>, ch: string): SourceLocation | undefined {
  for (const doc of [loaded.actualsDoc, loaded.definitionsDoc]) {
    const offset = doc.text.indexOf(ch);
    if (offset < 0) continue;
    const before = doc.text.slice(0, offset);
    const line = before.split('\n').length;
    return { file: doc.file, line, column: [...before.slice(before.lastIndexOf('\n') + 1)].length + 1 };
  }
  return undefined;
}

export function unsupportedCharacter(
  loaded: Pick<LoadedForm, 'actualsDoc' | 'definitionsDoc'>,
  ch: string,
): Diagnostic {
  const codePoint = `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
  return diagnostic('UNSUPPORTED_CHARACTER', { char: ch, codePoint }, firstPlace(loaded, ch));
}

/**
 * The characters of a form's texts (names, targets, actuals, reasons, sign-off) that the bundled fonts cannot draw:
 * said when the form is scored, not first when it is printed, so `score` and the web form warn as `render` does.
 */
export function unprintableCharacters(loaded: LoadedForm): Diagnostic[] {
  const texts = textsOf(loaded.actuals, textsOf(loaded.definitions, [])).join('\n');
  return uncoveredCharacters(texts).map((ch) => unsupportedCharacter(loaded, ch));
}
