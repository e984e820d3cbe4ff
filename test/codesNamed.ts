import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { parseAllDocuments } from 'yaml';

/**
 * The message codes a test file really names: in TypeScript only inside string literals (an `expect(…).toBe('CODE')`,
 * a table row), never in a comment; in YAML and JSON only in keys and values (an expected flag, a pending code),
 * never in a `#` comment. A code that appears only in comments is not tested.
 */
const CODE = /\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b|\b[A-Z]{3,}\b/g;

function codesIn(text: string, into: Set<string>): void {
  for (const m of text.matchAll(CODE)) into.add(m[0]);
}

/** Tokens after which a `/` starts a regular expression rather than a division. */
const REGEX_MAY_FOLLOW = new Set<ts.SyntaxKind>([
  ts.SyntaxKind.Unknown,
  ts.SyntaxKind.OpenParenToken,
  ts.SyntaxKind.CommaToken,
  ts.SyntaxKind.EqualsToken,
  ts.SyntaxKind.ColonToken,
  ts.SyntaxKind.OpenBracketToken,
  ts.SyntaxKind.ExclamationToken,
  ts.SyntaxKind.AmpersandAmpersandToken,
  ts.SyntaxKind.BarBarToken,
  ts.SyntaxKind.QuestionToken,
  ts.SyntaxKind.OpenBraceToken,
  ts.SyntaxKind.CloseBraceToken,
  ts.SyntaxKind.SemicolonToken,
  ts.SyntaxKind.ReturnKeyword,
  ts.SyntaxKind.EqualsGreaterThanToken,
]);

/** Every string literal, template part and regular expression of a TypeScript source (comments are trivia the scanner skips). */
export function codesInTypeScript(source: string, into = new Set<string>()): Set<string> {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard, source);
  // open braces inside each template substitution: the `}` that closes one continues its template
  const templates: number[] = [];
  let previous = ts.SyntaxKind.Unknown;
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; previous = kind, kind = scanner.scan()) {
    // a slash where a value starts opens a regular expression (`toMatch(/QUEUE_LOST.*/)`): an assertion too
    if (
      (kind === ts.SyntaxKind.SlashToken || kind === ts.SyntaxKind.SlashEqualsToken) &&
      REGEX_MAY_FOLLOW.has(previous)
    ) {
      kind = scanner.reScanSlashToken();
      if (kind === ts.SyntaxKind.RegularExpressionLiteral) codesIn(scanner.getTokenText(), into);
      continue;
    }
    if (kind === ts.SyntaxKind.StringLiteral || kind === ts.SyntaxKind.NoSubstitutionTemplateLiteral)
      codesIn(scanner.getTokenValue(), into);
    else if (kind === ts.SyntaxKind.TemplateHead) {
      codesIn(scanner.getTokenValue(), into);
      templates.push(0);
    } else if (kind === ts.SyntaxKind.OpenBraceToken && templates.length > 0) templates[templates.length - 1]! += 1;
    else if (kind === ts.SyntaxKind.CloseBraceToken && templates.length > 0) {
      const depth = templates[templates.length - 1]!;
      if (depth > 0) templates[templates.length - 1] = depth - 1;
      else {
        const part = scanner.reScanTemplateToken(false);
        codesIn(scanner.getTokenValue(), into);
        if (part === ts.SyntaxKind.TemplateTail) templates.pop();
      }
    }
  }
  return into;
}

function walk(value: unknown, into: Set<string>): void {
  if (typeof value === 'string') codesIn(value, into);
  else if (Array.isArray(value)) for (const v of value) walk(v, into);
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      codesIn(k, into);
      walk(v, into);
    }
  }
}

/** Every key and value of a YAML or JSON text (comments are not data). */
export function codesInData(text: string, into = new Set<string>()): Set<string> {
  for (const doc of parseAllDocuments(text)) if (!('empty' in doc)) walk(doc.toJS(), into);
  return into;
}

/** The codes named by these files, each read by its kind. */
export function codesNamedIn(files: string[]): Set<string> {
  const into = new Set<string>();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    if (file.endsWith('.ts')) codesInTypeScript(text, into);
    else codesInData(text, into);
  }
  return into;
}
