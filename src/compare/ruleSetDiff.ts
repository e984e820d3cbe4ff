import { canonicalJson } from '../domain/canonicalJson';
import { GRADE_LABEL } from '../domain/glossary';
import { PARAMETER_PATHS } from '../rules/resolve';
import type { RuleSetFile } from '../rules/ruleSet';

export type DifferenceArea = 'grades' | 'bands' | 'weights' | 'parameters' | 'rules';

/** One thing that differs between two resolved rule sets, as values both sides can print. */
export interface RuleSetDifference {
  area: DifferenceArea;
  item: string;
  a: string;
  b: string;
}

const show = (v: unknown): string => (v === undefined ? '—' : Array.isArray(v) ? `[${v.join(', ')}]` : String(v));

function read(tree: unknown, dotted: string): unknown {
  return dotted
    .split('.')
    .reduce<unknown>(
      (node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined),
      tree,
    );
}

/**
 * What differs between rule sets A and B, area by area: grade lines, qualitative bands, weights, other
 * parameters, and rules added, removed or changed (by name). Empty when they score alike.
 */
export function diffRuleSets(a: RuleSetFile, b: RuleSetFile): RuleSetDifference[] {
  const out: RuleSetDifference[] = [];
  const push = (area: DifferenceArea, item: string, x: unknown, y: unknown): void => {
    if (canonicalJson(x) !== canonicalJson(y)) out.push({ area, item, a: show(x), b: show(y) });
  };

  for (const grade of ['excellent', 'good', 'fair', 'poor'] as const) {
    push(
      'grades',
      GRADE_LABEL[grade],
      a.grades.bands.find((g) => g.grade === grade)?.min,
      b.grades.bands.find((g) => g.grade === grade)?.min,
    );
  }
  // the words a grade is printed with (a province's 优秀 for 优)
  for (const grade of ['excellent', 'good', 'fair', 'poor'] as const) {
    const label = (file: RuleSetFile): string =>
      file.grades.bands.find((g) => g.grade === grade)?.label ?? GRADE_LABEL[grade];
    push('grades', `label.${grade}`, label(a), label(b));
  }
  push('grades', 'print', a.grades.print, b.grades.print);

  for (const dotted of PARAMETER_PATHS.filter((p) => p.startsWith('qualitativeBands.')))
    push('bands', dotted.slice('qualitativeBands.'.length), read(a.parameters, dotted), read(b.parameters, dotted));

  push('weights', 'total', a.framework.total, b.framework.total);
  push('weights', 'budget', a.framework.budget.maxScore, b.framework.budget.maxScore);
  const level1 = [...new Set([...a.framework.level1, ...b.framework.level1].map((l) => l.name))];
  for (const name of level1) {
    const la = a.framework.level1.find((l) => l.name === name);
    const lb = b.framework.level1.find((l) => l.name === name);
    push('weights', name, la?.weight, lb?.weight);
    push('weights', `${name} · level2`, la?.level2, lb?.level2);
  }

  for (const dotted of PARAMETER_PATHS.filter((p) => !p.startsWith('qualitativeBands.')))
    push('parameters', dotted, read(a.parameters, dotted), read(b.parameters, dotted));

  const names = [...new Set([...a.rules, ...b.rules].map((r) => r.name))];
  for (const name of names) {
    const ra = a.rules.find((r) => r.name === name);
    const rb = b.rules.find((r) => r.name === name);
    if (!ra || !rb) {
      out.push({
        area: 'rules',
        item: name,
        a: ra ? describeEvent(ra.event) : '—',
        b: rb ? describeEvent(rb.event) : '—',
      });
      continue;
    }
    const parts = (['scope', 'priority', 'conditions', 'event'] as const).filter(
      (k) => canonicalJson(ra[k]) !== canonicalJson(rb[k]),
    );
    if (parts.length > 0)
      out.push({
        area: 'rules',
        item: `${name} (${parts.join(', ')})`,
        a: describeEvent(ra.event),
        b: describeEvent(rb.event),
      });
  }
  return out;
}

function describeEvent(event: { type: string; params: Record<string, unknown> }): string {
  const { method, code, ...options } = event.params;
  const named = String(method ?? code ?? '');
  const extra = Object.entries(options).map(([k, v]) => `${k}=${show(v)}`);
  return `${event.type}:${named}${extra.length > 0 ? ` ${extra.join(' ')}` : ''}`;
}
