import { listOf } from '../errors/texts';
import type { z } from 'zod';
import { diagnostic, type Diagnostic } from '../errors/diagnostic';
import type { DataPath, SourceDocument } from './yamlSource';
import { FIELD_RULES } from '../errors/fieldRules';

const TYPE_LABEL: Record<string, { zh: string; en: string }> = {
  string: { zh: '文本', en: 'text' },
  number: { zh: '数字', en: 'a number' },
  boolean: { zh: 'true 或 false', en: 'true or false' },
  array: { zh: '列表（- 开头的各项）', en: 'a list' },
  object: { zh: '映射（键: 值）', en: 'a mapping (key: value)' },
  undefined: { zh: '空', en: 'nothing' },
  null: { zh: '空值', en: 'null' },
};

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function fieldName(path: DataPath): string {
  return path.reduce<string>((text, seg) => (typeof seg === 'number' ? `${text}[${seg}]` : text ? `${text}.${seg}` : seg), '');
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
    if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable' || def.type === 'prefault') s = def.innerType as AnySchema;
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

/** Turns zod's issues into located diagnostics: every problem in the file, not only the first. */
export function issuesToDiagnostics(issues: readonly Issue[], schema: AnySchema, doc: SourceDocument): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const issue of issues) {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const field = fieldName(path) || '(文件)';
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
      case 'invalid_type': {
        const received = typeOf(issue.input);
        if (issue.input === undefined) {
          out.push(diagnostic('REQUIRED', { key: String(last ?? field) }, doc.locate(path.slice(0, -1))));
        } else if (last === 'id' && received === 'number') {
          out.push(diagnostic('ID_NOT_STRING', { field, received: String(issue.input) }, doc.locate(path)));
        } else {
          const expected = TYPE_LABEL[issue.expected ?? ''] ?? { zh: issue.expected ?? '?', en: issue.expected ?? '?' };
          out.push(
            diagnostic(
              'WRONG_TYPE',
              {
                field,
                expected: rule ? { zh: rule.zh.replace(/^应为/, ''), en: rule.en.replace(/^must be /, '') } : expected,
                received: TYPE_LABEL[received] ?? received,
              },
              doc.locate(path),
            ),
          );
        }
        break;
      }
      case 'custom': {
        const code = String(issue.params?.code ?? '');
        if (code === 'TEXT_TOO_LONG') {
          const length = typeof issue.input === 'string' ? [...issue.input].length : 0;
          out.push(diagnostic('TEXT_TOO_LONG', { field, length, limit: Number(issue.params?.limit ?? 0) }, doc.locate(path)));
        } else if (code === 'NEGATIVE_AMOUNT') {
          out.push(diagnostic('NEGATIVE_AMOUNT', { field, value: String(issue.input) }, doc.locate(path)));
        } else if (code === 'PROJECT_REQUIRED') {
          out.push(diagnostic('REQUIRED', { key: 'project' }, doc.locate([])));
        } else {
          const r = FIELD_RULES[code];
          out.push(diagnostic('INVALID_VALUE', { field, detail: r ?? { zh: issue.message, en: issue.message } }, doc.locate(path)));
        }
        break;
      }
      default: {
        if (issue.input === undefined && issue.code === 'invalid_union') {
          out.push(diagnostic('REQUIRED', { key: String(last ?? field) }, doc.locate(path.slice(0, -1))));
          break;
        }
        const values = issue.values?.map((v) => String(v));
        const sized = issue.code === 'too_small' || issue.code === 'too_big';
        const detail = sized ? zhOf(issue) : (rule?.zh ?? (values ? `应为以下之一：${values.join('、')}` : zhOf(issue)));
        const detailEn = sized ? enOf(issue) : (rule?.en ?? (values ? `must be one of ${values.join(', ')}` : issue.message));
        out.push(diagnostic('INVALID_VALUE', { field, detail: { zh: detail, en: detailEn } }, doc.locate(path)));
      }
    }
  }
  return out;
}

/** The bound a number broke, as zod reports it (`maximum` for too_big, `minimum` for too_small). */
function numberBound(issue: Issue): { bound: number; inclusive: boolean; value: number } | null {
  const i = issue as { input?: unknown; maximum?: unknown; minimum?: unknown; inclusive?: unknown };
  const bound = issue.code === 'too_big' ? i.maximum : i.minimum;
  if (typeof i.input !== 'number' || (typeof bound !== 'number' && typeof bound !== 'bigint')) return null;
  return { bound: Number(bound), inclusive: i.inclusive !== false, value: i.input };
}

/** A share written as a percentage (95 where at most 1 is allowed): said with the fraction it likely meant. */
function asFraction(b: { bound: number; value: number }): number | null {
  return b.bound === 1 && b.value > 1 && b.value <= 100 ? b.value / 100 : null;
}

function enOf(issue: Issue): string {
  const b = numberBound(issue);
  if (issue.code === 'too_small') {
    if (b) return `is ${b.value}; it must be ${b.inclusive ? 'at least' : 'more than'} ${b.bound}`;
    return Array.isArray(issue.input) ? 'the list cannot be empty' : typeof issue.input === 'string' ? 'cannot be empty' : 'too small';
  }
  if (issue.code === 'too_big') {
    if (!b) return 'too large';
    const fraction = asFraction(b);
    return `is ${b.value}; it must be ${b.inclusive ? 'at most' : 'less than'} ${b.bound}${fraction !== null ? ` (a share, not a percentage: ${b.value}% is ${fraction})` : ''}`;
  }
  return issue.message;
}

function zhOf(issue: Issue): string {
  const b = numberBound(issue);
  if (issue.code === 'too_small') {
    if (b) return `现为 ${b.value}，应${b.inclusive ? '不小于' : '大于'} ${b.bound}`;
    return Array.isArray(issue.input) ? '列表不能为空' : typeof issue.input === 'string' ? '不能为空' : '数值过小';
  }
  if (issue.code === 'too_big') {
    if (!b) return '数值过大';
    const fraction = asFraction(b);
    return `现为 ${b.value}，应${b.inclusive ? '不超过' : '小于'} ${b.bound}${fraction !== null ? `（这里写比例而不是百分数：${b.value}% 写作 ${fraction}）` : ''}`;
  }
  if (issue.code === 'invalid_format') return '格式不正确';
  return issue.message;
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
