import { dec, plain, type Decimal } from '../domain/decimal';
import { GRADES, statusChanged, type CompareSummary, type FormComparison, type GradeKey } from './diff';

/** The forms listed one by one in a report: every form of a small run, else the largest changes. */
export const SHOWN_FORMS = 50;

/**
 * What a report needs from a compare run, gathered form by form as they come: the summary, the delta histogram
 * and the forms worth listing. A province's 100,000 comparisons then pass through without being held.
 */
export class CompareTally {
  private count = 0;
  private readonly first: FormComparison[] = [];
  private readonly top: FormComparison[] = [];
  private readonly bins = new Map<number, number>();
  private readonly matrix = Object.fromEntries(
    GRADES.map((g) => [g, Object.fromEntries(GRADES.map((h) => [h, 0]))]),
  ) as Record<GradeKey, Record<GradeKey, number>>;
  private readonly labelsA: Partial<Record<GradeKey, string>> = {};
  private readonly labelsB: Partial<Record<GradeKey, string>> = {};
  private readonly status = { toDraft: 0, toComplete: 0, newPending: 0 };
  private readonly changes = new Map<string, CompareSummary['ruleChanges'][number]>();
  private readonly adjustments = new Map<string, CompareSummary['adjustmentRules'][number]>();
  private compared = 0;
  private grades = { up: 0, down: 0, same: 0 };
  private sum: Decimal = dec('0');
  private rise: CompareSummary['largestRise'] = null;
  private fall: CompareSummary['largestFall'] = null;
  private changedForms = 0;
  private changedRows = 0;
  private adjustedA = 0;
  private adjustedB = 0;

  constructor(private readonly limit = SHOWN_FORMS) {}

  add(form: FormComparison): void {
    this.count++;
    if (this.first.length < this.limit) this.first.push(form);
    this.keepIfLarge(form);
    if (form.delta !== null) {
      const d = Math.max(-10, Math.min(10, Math.round(Number(form.delta))));
      this.bins.set(d, (this.bins.get(d) ?? 0) + 1);
    }
    if (form.direction === 'error') return;
    this.compared++;
    this.grades[form.direction]++;
    this.matrix[form.gradeIdA][form.gradeIdB] += 1;
    this.labelsA[form.gradeIdA] ??= form.gradeA;
    this.labelsB[form.gradeIdB] ??= form.gradeB;
    if (statusChanged(form) && form.statusB === 'draft') {
      this.status.toDraft++;
      this.status.newPending += Math.max(0, form.pendingB - form.pendingA);
    } else if (statusChanged(form)) this.status.toComplete++;
    const d = dec(form.delta ?? '0');
    this.sum = this.sum.plus(d);
    if (d.greaterThan(0) && (!this.rise || d.greaterThan(dec(this.rise.delta))))
      this.rise = { file: form.file, delta: form.delta ?? '0' };
    if (d.lessThan(0) && (!this.fall || d.lessThan(dec(this.fall.delta))))
      this.fall = { file: form.file, delta: form.delta ?? '0' };
    if (form.rows.length > 0 || form.delta !== '0') this.changedForms++;
    this.changedRows += form.rows.length;
    for (const r of form.rows) {
      const from = `${r.ruleA}（${r.methodA}）`;
      const to = `${r.ruleB}（${r.methodB}）`;
      const key = `${from}\n${to}`;
      const entry = this.changes.get(key) ?? { from, to, count: 0, kind: from === to ? 'parameter' : 'rule' };
      entry.count++;
      this.changes.set(key, entry);
    }
    if (form.adjustmentsA.length > 0) this.adjustedA++;
    if (form.adjustmentsB.length > 0) this.adjustedB++;
    for (const [side, rules] of [
      ['A', form.adjustmentRulesA],
      ['B', form.adjustmentRulesB],
    ] as const) {
      for (const rule of rules) {
        const entry = this.adjustments.get(`${side}\n${rule}`) ?? { side, rule, count: 0 };
        entry.count++;
        this.adjustments.set(`${side}\n${rule}`, entry);
      }
    }
  }

  /**
   * Keeps the `limit` most telling changed forms in order: grade changes before any change of points, then the
   * forms that could not be scored, then the largest change; ties in the order the forms came.
   */
  private keepIfLarge(form: FormComparison): void {
    // a form whose grade changed is telling even when its total did not move (grade lines changed)
    if (
      form.direction !== 'error' &&
      form.delta === '0' &&
      form.rows.length === 0 &&
      gradeChanged(form) === 0 &&
      !statusChanged(form)
    )
      return;
    // most forms rank below a full list's last: one comparison, not one per kept form
    const last = this.top[this.top.length - 1];
    if (this.top.length >= this.limit && last && !outranks(form, last)) return;
    const at = this.top.findIndex((kept) => outranks(form, kept));
    if (at === -1) {
      if (this.top.length < this.limit) this.top.push(form);
      return;
    }
    this.top.splice(at, 0, form);
    if (this.top.length > this.limit) this.top.pop();
  }

  get forms(): number {
    return this.count;
  }

  /** The forms a report lists: all of them in a run of at most `limit`, else the largest changes. */
  shown(): FormComparison[] {
    return this.count <= this.limit ? [...this.first] : [...this.top];
  }

  /** Score deltas binned for the histogram: one bar per point of change, clipped at ±10. */
  histogram(): { label: string; count: number }[] {
    const out: { label: string; count: number }[] = [];
    for (let d = -10; d <= 10; d++)
      out.push({
        label: d === -10 ? '≤−10' : d === 10 ? '≥10' : d > 0 ? `+${d}` : String(d),
        count: this.bins.get(d) ?? 0,
      });
    return out;
  }

  summary(): CompareSummary {
    return {
      forms: this.count,
      compared: this.compared,
      failed: this.count - this.compared,
      gradeChanges: { ...this.grades },
      matrix: this.matrix,
      gradeLabelsA: { ...this.labelsA },
      gradeLabelsB: { ...this.labelsB },
      statusChanges: { ...this.status },
      meanDelta: this.compared === 0 ? '0' : plain(this.sum.div(this.compared).toDecimalPlaces(2)),
      largestRise: this.rise,
      largestFall: this.fall,
      changedForms: this.changedForms,
      changedRows: this.changedRows,
      ruleChanges: [...this.changes.values()].sort((x, y) => y.count - x.count),
      adjustedA: this.adjustedA,
      adjustedB: this.adjustedB,
      adjustmentRules: [...this.adjustments.values()].sort((x, y) => y.count - x.count),
    };
  }
}

const gradeChanged = (f: FormComparison): number => (f.direction === 'up' || f.direction === 'down' ? 1 : 0);

/** Whether `a` is listed before `b` (strictly: a later form never passes an equal one). */
function outranks(a: FormComparison, b: FormComparison): boolean {
  const order =
    gradeChanged(a) - gradeChanged(b) ||
    Number(statusChanged(a)) - Number(statusChanged(b)) ||
    (a.direction === 'error' ? 1 : 0) - (b.direction === 'error' ? 1 : 0) ||
    dec(a.delta ?? '0')
      .abs()
      .comparedTo(dec(b.delta ?? '0').abs());
  return order > 0;
}

/** What the reports show of a run: the summary, the delta histogram and the forms worth listing, gathered as the forms passed. */
export interface CompareDigest {
  forms: number;
  shown: FormComparison[];
  histogram: { label: string; count: number }[];
  summary: CompareSummary;
}

/** The digest of a run's tally. */
export function digestOf(t: CompareTally): CompareDigest {
  return { forms: t.forms, shown: t.shown(), histogram: t.histogram(), summary: t.summary() };
}

/** The digest of a list held whole (tests, small runs). */
export function tally(forms: readonly FormComparison[], limit = SHOWN_FORMS): CompareTally {
  const t = new CompareTally(limit);
  for (const f of forms) t.add(f);
  return t;
}
