import * as path from 'node:path';
import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  visit,
  type Document,
  type Node,
} from 'yaml';
import type { SourceLocation } from '../domain/model';
import { diagnostic, type Diagnostic } from '../errors/diagnostic';
import { isTextKey, textRef, type TextRef } from '../errors/texts';
import { placesIn, readQuickly, type Place } from './quickYaml';
import type { DataPath, SourceDocument } from './sourceDocument';

export type { DataPath, SourceDocument } from './sourceDocument';

/** Binary floats keep 15 significant digits exactly; more must be quoted to stay exact. */
const MAX_EXACT_DIGITS = 15;

function significantDigits(source: string): number {
  const mantissa = source.replace(/^[+-]/, '').split(/[eE]/)[0] ?? '';
  const digits = mantissa.replace('.', '').replace(/^0+/, '');
  return digits.replace(/0+$/, '').length;
}

/**
 * Reads a YAML file. Most files are read quickly without positions (js-yaml, about ten times faster), and
 * positions are worked out only when something asks where a value is: a compare of 100,000 forms spent half
 * its time building position trees it never used. A file the quick reader could read differently from the
 * full one, or cannot read at all, goes straight to the full reader, whose messages name the line.
 */
export function parseYaml(text: string, file: string, absolutePath = path.resolve(file)): SourceDocument {
  // a quote that may run past its line is for the full reader, which can tell a forgotten one
  if (mayHoldUnclosedQuote(text)) return readFully(text, file, absolutePath);
  return readQuickly(text, file, absolutePath, readFully) ?? readFully(text, file, absolutePath);
}

/** Where values are written in a text already read once (a cached form's file), without reading its data again. */
export function placesInText(text: string, file: string, absolutePath = path.resolve(file)): Place {
  let full: SourceDocument | undefined;
  return placesIn(text, file, () => (full ??= readFully(text, file, absolutePath)));
}

/** A single quote that opens a value and is not closed on its line. */
const SINGLE_QUOTE_LEFT_OPEN = /(^|[:[{,-]\s*)'[^']*$/;

/**
 * A line (comments aside) with an odd number of double quotes, or one that opens a single-quoted value and leaves it
 * open. Asked of every file read, so a line without quotes is passed over before any pattern runs.
 */
function mayHoldUnclosedQuote(text: string): boolean {
  for (const line of text.split('\n')) {
    if (!line.includes('"') && !line.includes("'")) continue;
    let code = line.includes('\\') ? line.replace(/\\./g, '') : line;
    if (code.includes('#')) code = code.replace(/(^|\s)#.*$/, '');
    let quotes = 0;
    for (let i = code.indexOf('"'); i >= 0; i = code.indexOf('"', i + 1)) quotes++;
    if (quotes % 2 === 1 || (code.includes("'") && SINGLE_QUOTE_LEFT_OPEN.test(code))) return true;
  }
  return false;
}

/** A key at the start of a line, as a forgotten quote swallows it: `  "1.2": {`, `budget:`. */
const KEY_LINE = /^\s*(?:-\s+)?("[^"\n]*"|'[^'\n]*'|[^\s:#"'][^:#\n]*?)\s*:(?:\s|$)/;

/**
 * A quoted value may span lines in YAML, so a quote forgotten at the end of one line swallows the lines after it
 * up to the next quote, and the file then reads as something else (a dozen unrelated errors). A quoted value
 * running past its line over a line that looks like a key is that mistake: said once, at the opening quote.
 */
function checkUnclosedQuotes(
  doc: Document,
  text: string,
  at: (offset: number) => SourceLocation,
  out: Diagnostic[],
): void {
  visit(doc, {
    Scalar(_, node) {
      if ((node.type !== 'QUOTE_DOUBLE' && node.type !== 'QUOTE_SINGLE') || !node.range) return undefined;
      const source = text.slice(node.range[0], node.range[1]);
      const continued = source.split('\n').slice(1);
      const key = continued.map((l) => KEY_LINE.exec(l)?.[1]).find((k) => k !== undefined);
      if (key === undefined) return undefined;
      const quote = node.type === 'QUOTE_DOUBLE' ? '"' : "'";
      out.push(
        diagnostic(
          'YAML_UNCLOSED_QUOTE',
          { quote, key: key.replace(/^["']|["']$/g, ''), endLine: at(node.range[1]).line },
          at(node.range[0]),
        ),
      );
      return visit.BREAK;
    },
  });
}

/** The parser's errors: duplicate keys (read on, reported), and syntax errors (the file is not read further). */
function parseErrors(
  doc: Document,
  text: string,
  at: (offset: number) => SourceLocation,
): { diagnostics: Diagnostic[]; syntax: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const syntax: Diagnostic[] = [];
  for (const error of doc.errors) {
    const location = at(error.pos[0]);
    if (error.code === 'DUPLICATE_KEY') {
      diagnostics.push(diagnostic('DUPLICATE_KEY', { key: keyTextAt(text, error.pos[0]) }, location));
    } else {
      const en = firstLine(error.message);
      syntax.push(diagnostic('YAML_SYNTAX', { detail: yamlErrorText(error.code, en) }, location));
    }
  }
  return { diagnostics, syntax };
}

/** The full reader: positions for every node, and every check with its line. */
export function readFully(text: string, file: string, absolutePath = path.resolve(file)): SourceDocument {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: true });

  const at = (offset: number): SourceLocation => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col };
  };

  const { diagnostics, syntax } = parseErrors(doc, text, at);
  diagnostics.push(...explainSyntax(text, file, syntax));
  // each check walks the whole document; a text that cannot hold what it looks for skips it (most files: a
  // compare of 100,000 forms spent a sixth of its reading time in these two walks)
  if (/[\d.]{16,}/.test(text)) checkNumberPrecision(doc, at, diagnostics);
  if (mayHoldUnclosedQuote(text)) checkUnclosedQuotes(doc, text, at, diagnostics);
  if (/[*?]|[\]}]\s*:/.test(text)) checkAliases(doc, at, diagnostics);

  const fatal = diagnostics.some(
    (d) => d.severity === 'error' && d.code !== 'DUPLICATE_KEY' && d.code !== 'NUMBER_TOO_PRECISE',
  );
  // (a file with a syntax error is not read further: its data is undefined and validation says nothing more)
  let data: unknown;
  if (!fatal) {
    try {
      data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      // yaml refuses an alias bomb (billion laughs) while expanding it: say so at the first alias
      if (!/alias/i.test((error as Error).message)) throw error;
      diagnostics.push(diagnostic('YAML_ALIAS_BOMB', { limit: MAX_ALIAS_COUNT }, at(firstAliasOffset(doc))));
    }
  }

  return {
    file,
    absolutePath,
    text,
    data,
    diagnostics,
    locate(dataPath, options = {}) {
      return at(offsetOf(doc, dataPath, options.key === true));
    },
    keysAt(dataPath) {
      const node = dataPath.length === 0 ? doc.contents : doc.getIn(dataPath, true);
      if (!isMap(node)) return [];
      return node.items.flatMap((pair) => {
        if (!isScalar(pair.key)) return [];
        const key = pair.key;
        return [
          {
            key: String(key.value),
            source: key.source ?? String(key.value),
            writtenAsNumber: typeof key.value === 'number',
            location: at(key.range?.[0] ?? 0),
          },
        ];
      });
    },
  };
}

/**
 * One mistake, one message: a syntax error's followers are usually the same mistake seen again, so only the
 * first is kept; and the two mistakes an IME and an editor make most — a full-width ：after a key, a tab in
 * the indentation — are named as such at their line when they come at or before it.
 */
function explainSyntax(text: string, file: string, syntax: Diagnostic[]): Diagnostic[] {
  const first = syntax[0];
  if (!first) return [];
  const firstLine = first.location?.line ?? Number.MAX_SAFE_INTEGER;
  const lines = text.split('\n');
  for (const [i, line] of lines.slice(0, firstLine).entries()) {
    const tab = /^ *\t/.exec(line);
    if (tab) return [diagnostic('YAML_TAB_INDENT', {}, { file, line: i + 1, column: tab[0].length })];
    const colon = /^(\s*(?:-\s+)?)([^\s#:'"{[\]][^:#]*?)：/.exec(line);
    if (colon && !/^\s*(?:-\s+)?[^:#]*:\s/.test(line)) {
      return [
        diagnostic(
          'YAML_FULLWIDTH_COLON',
          { key: (colon[2] ?? '').trim() },
          { file, line: i + 1, column: colon[0].length },
        ),
      ];
    }
  }
  return [first];
}

/** How many alias expansions a file may make before it is refused as an alias bomb. */
const MAX_ALIAS_COUNT = 100;

/** Every alias must name an anchor set before it (`actual: *nosuch` is an error at its line, not a crash). */
function checkAliases(doc: Document, at: (offset: number) => SourceLocation, out: Diagnostic[]): void {
  visit(doc, {
    // a mapping or list used as a key (`? [a]: b`) has no place in jixiao's files (and yaml would warn on stderr)
    Pair(_, pair) {
      if (pair.key !== null && typeof pair.key === 'object' && !isScalar(pair.key) && !isAlias(pair.key)) {
        const node = pair.key as Node;
        out.push(diagnostic('YAML_COMPLEX_KEY', {}, at(node.range?.[0] ?? 0)));
      }
    },
    Alias(_, node) {
      if (node.resolve(doc) === undefined)
        out.push(diagnostic('YAML_ALIAS_UNRESOLVED', { alias: node.source }, at(node.range?.[0] ?? 0)));
    },
  });
}

function firstAliasOffset(doc: Document): number {
  let offset = 0;
  visit(doc, {
    Alias(_, node) {
      offset = node.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  return offset;
}

/** A YAML library error: said in the catalog's words where it has them (`yaml.<code>`), else in the library's own. */
function yamlErrorText(code: string, message: string): TextRef {
  const key = `yaml.${code}`;
  return textRef(isTextKey(key) ? key : 'yaml.other', { message });
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}

function keyTextAt(text: string, offset: number): string {
  const rest = text.slice(offset);
  const match = /^["']?([^"':\n]+)/.exec(rest);
  return match?.[1]?.trim() ?? '?';
}

function checkNumberPrecision(doc: Document, at: (offset: number) => SourceLocation, out: Diagnostic[]): void {
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'number' && node.source !== undefined && node.range) {
        if (/^[+-]?[\d.]+([eE][+-]?\d+)?$/.test(node.source) && significantDigits(node.source) > MAX_EXACT_DIGITS) {
          out.push(diagnostic('NUMBER_TOO_PRECISE', { text: node.source }, at(node.range[0])));
        }
      }
    },
  });
}

/** Walks the YAML nodes along a data path; stops at the deepest node that exists. */
function offsetOf(doc: Document, dataPath: DataPath, pointAtKey: boolean): number {
  let node: Node | null | undefined = doc.contents as Node | null;
  let offset = node?.range?.[0] ?? 0;
  for (let i = 0; i < dataPath.length; i++) {
    const segment = dataPath[i];
    const last = i === dataPath.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) return offset;
      const keyNode = pair.key as Node;
      if (last && pointAtKey) return keyNode.range?.[0] ?? offset;
      const value = pair.value as Node | null;
      offset = value?.range?.[0] ?? keyNode.range?.[0] ?? offset;
      node = value;
      if (!value) return keyNode.range?.[0] ?? offset;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment] as Node | undefined;
      if (!item) return offset;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else {
      return offset;
    }
  }
  return offset;
}
