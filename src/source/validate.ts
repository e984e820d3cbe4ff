import { isTextKey, listOf, textRef, type TextRef } from '../errors/texts';
import type { z } from 'zod';
import { diagnostic, type Diagnostic } from '../errors/diagnostic';
import type { DataPath, SourceDocument } from './sourceDocument';
import { expectedOf, FIELD_FIXES, FIELD_RULES, TYPE_FIXES } from '../errors/fieldRules';
import { issueDetail, issueFix } from '../errors/zodIssue';

/** A value's type as a type error names it (the catalog's `type.*` texts); others by their own name. */
function typeLabel(type: string): TextRef | string {
  const key = `type.${type}`;
  return isTextKey(key) ? textRef(key) : type;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function fieldName(path: DataPath): string {
  return path.reduce<string>(
    (text, seg) => (typeof seg === 'number' ? `${text}[${seg}]` : text ? `${text}.${seg}` : seg),
    '',
  );
}

type AnySchema = z.ZodType;
type Def = { type: string; [k: string]: unknown };

function defOf(schema: AnySchema): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

/** Unwraps optional/default/pipe/lazy wrappers down to the schema that holds the shape. */
function unwrap(schema: AnySchema): AnySchema {
  let s = schema;
  for (let i = 0; i < 20; i++) {
    const def = defOf(s);
    if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable' || def.type === 'prefault')
      s = def.innerType as AnySchema;
    else if (def.type === 'pipe') s = def.in as AnySchema;
    else if (def.type === 'lazy') s = (def.getter as () => AnySchema)();
    else return s;
  }
  return s;
}

/** The keys an object schema allows at a data path, for the UNKNOWN_KEY hint. */
export function allowedKeysAt(schema: AnySchema, path: DataPath): string[] {
  let candidates: AnySchema[] = [schema];
  for (const seg of path) {
    const next: AnySchema[] = [];
    for (const c of candidates.map(unwrap)) {
      const def = defOf(c);
      if (def.type === 'object' && typeof seg === 'string') {
        const child = (def.shape as Record<string, AnySchema>)[seg];
        if (child) next.push(child);
      } else if (def.type === 'array' && typeof seg === 'number') next.push(def.element as AnySchema);
      else if (def.type === 'record') next.push(def.valueType as AnySchema);
      else if (def.type === 'union') next.push(...(def.options as AnySchema[]));
    }
    candidates = next;
  }
  const keys = new Set<string>();
  const expand = (s: AnySchema): void => {
    const u = unwrap(s);
    const def = defOf(u);
    if (def.type === 'object') Object.keys(def.shape as object).forEach((k) => keys.add(k));
    else if (def.type === 'union') (def.options as AnySchema[]).forEach(expand);
  };
  candidates.forEach(expand);
  return [...keys];
}

interface Issue {
  code: string;
  path: PropertyKey[];
  message: string;
  input?: unknown;
  expected?: string;
  keys?: string[];
  values?: unknown[];
  params?: Record<string, unknown>;
}

/** Where an issue is and what its field is called in messages. */
interface IssuePlace {
  path: (string | number)[];
  field: string | TextRef;
  rule?: { zh: string; en: string } | undefined;
}

/** A value of the wrong type: missing (REQUIRED), an id written as a number, or another type than the field's. */
function typeIssue(issue: Issue, { path, field, rule }: IssuePlace, doc: SourceDocument): Diagnostic {
  const last = path[path.length - 1];
  const received = typeOf(issue.input);
  if (issue.input === undefined)
    return diagnostic('REQUIRED', { key: last !== undefined ? String(last) : field }, doc.locate(path.slice(0, -1)));
  if (last === 'id' && received === 'number')
    return diagnostic('ID_NOT_STRING', { field, received: String(issue.input) }, doc.locate(path));
  const expected = rule ? expectedOf(rule) : typeLabel(issue.expected ?? '?');
  const fix = FIELD_FIXES[issue.message] ?? TYPE_FIXES[issue.expected ?? ''] ?? textRef('fix.schema');
  return diagnostic('WRONG_TYPE', { field, expected, received: typeLabel(received), fix }, doc.locate(path));
}

/** A check of our own (the schema's refinements), by the code it carries. */
function customIssue(issue: Issue, { path, field }: IssuePlace, doc: SourceDocument): Diagnostic {
  const code = String(issue.params?.code ?? '');
  if (code === 'TEXT_TOO_LONG') {
    const length = typeof issue.input === 'string' ? [...issue.input].length : 0;
    return diagnostic('TEXT_TOO_LONG', { field, length, limit: Number(issue.params?.limit ?? 0) }, doc.locate(path));
  }
  if (code === 'NEGATIVE_AMOUNT')
    return diagnostic('NEGATIVE_AMOUNT', { field, value: String(issue.input) }, doc.locate(path));
  if (code === 'PROJECT_REQUIRED') return diagnostic('REQUIRED', { key: 'project' }, doc.locate([]));
  const detail = FIELD_RULES[code] ?? { zh: issue.message, en: issue.message };
  return diagnostic(
    'INVALID_VALUE',
    { field, detail, fix: FIELD_FIXES[code] ?? textRef('fix.schema') },
    doc.locate(path),
  );
}

/** Turns zod's issues into located diagnostics: every problem in the file, not only the first. */
export function issuesToDiagnostics(issues: readonly Issue[], schema: AnySchema, doc: SourceDocument): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const issue of issues) {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const field = fieldName(path) || textRef('term.wholeFile');
    const last = path[path.length - 1];
    const rule = FIELD_RULES[issue.message];
    switch (issue.code) {
      case 'unrecognized_keys': {
        const allowed = listOf(allowedKeysAt(schema, path));
        for (const key of issue.keys ?? []) {
          out.push(diagnostic('UNKNOWN_KEY', { key, allowed }, doc.locate([...path, key], { key: true })));
        }
        break;
      }
      case 'invalid_type':
        out.push(typeIssue(issue, { path, field, rule }, doc));
        break;
      case 'custom':
        out.push(customIssue(issue, { path, field }, doc));
        break;
      default: {
        if (issue.input === undefined && issue.code === 'invalid_union') {
          out.push(
            diagnostic('REQUIRED', { key: last !== undefined ? String(last) : field }, doc.locate(path.slice(0, -1))),
          );
          break;
        }
        const detail = issueDetail(issue, rule);
        out.push(
          diagnostic(
            'INVALID_VALUE',
            { field, detail, fix: issueFix(issue, FIELD_FIXES[issue.message]) },
            doc.locate(path),
          ),
        );
      }
    }
  }
  return out;
}

export interface Validated<T> {
  value?: T;
  diagnostics: Diagnostic[];
}

/** Reads a parsed YAML document against a schema; the value is set only when there is no error. */
export function validateDocument<S extends AnySchema>(doc: SourceDocument, schema: S): Validated<z.output<S>> {
  const diagnostics = [...doc.diagnostics];
  // nothing could be read (syntax, an unresolved alias, an alias bomb): its own errors say why, not a cascade of REQUIRED
  if (doc.data === undefined && diagnostics.some((d) => d.severity === 'error')) return { diagnostics };
  const result = schema.safeParse(doc.data ?? {}, { reportInput: true });
  if (!result.success) {
    diagnostics.push(...issuesToDiagnostics(result.error.issues as unknown as Issue[], schema, doc));
    return { diagnostics };
  }
  if (diagnostics.some((d) => d.severity === 'error')) return { diagnostics };
  return { value: result.data as z.output<S>, diagnostics };
}
