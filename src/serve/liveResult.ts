import type { Diagnostic } from '../errors/diagnostic';
import type { Lang } from '../errors/lang';
import { hintOf, messageOf } from '../errors/message';
import { methodName, text, textOfRef } from '../errors/texts';
import type { EditedForm } from '../pipeline';
import { rateText, scoreText } from '../report/format';
import type { LiveMark, LiveResult } from './liveTypes';

export type { LiveMark, LiveResult };

/**
 * The cell a message asks the clerk to fill, where it differs from the cell the message is about: a reason asked
 * for the budget is written at 执行率偏低的原因, a band at the row's 档次 list, a manual score at 申报得分.
 */
function cellToFill(d: Diagnostic, field: string[] | null, id: string | null): string[] | null {
  if (field?.[0] === 'budget' && (d.code === 'REASON_REQUIRED' || d.code === 'LOW_EXECUTION_RATE'))
    return ['budget', 'reason'];
  if (id === null) return field;
  if (d.code === 'REASON_REQUIRED') return ['indicators', id, 'deviationReason'];
  if (d.code === 'BAND_REQUIRED' || d.code === 'LATE_DATE_BAND_REQUIRED') return ['indicators', id, 'band'];
  if (d.code === 'MANUAL_SCORE_REQUIRED') return ['indicators', id, 'declaredScore'];
  return field;
}

function mark(d: Diagnostic, form: EditedForm, lang: Lang, pending: boolean): LiveMark {
  const at = form.fieldOf(d.location);
  const id =
    typeof d.data.id === 'string' && d.data.id !== '' ? d.data.id : at?.[0] === 'indicators' ? (at[1] ?? null) : null;
  const field = cellToFill(d, at ?? null, id);
  // the page is a form: its messages name cells as printed, never a YAML key
  const hint = hintOf(d, lang, 'form');
  return {
    field: field ? JSON.stringify(field) : null,
    row: id,
    code: d.code,
    severity: d.severity,
    pending,
    message: messageOf(d, lang, 'form'),
    fix: hint ? text('serve.ui.fix', lang, { hint }) : '',
  };
}

/** The edited form's scores and messages for the page, in the reader's language. */
export function liveResult(form: EditedForm, lang: Lang): LiveResult {
  if (!form.scored) {
    return {
      status: 'invalid',
      statusText: text('serve.ui.errorCount', lang, { count: form.problems.length }),
      total: '',
      grade: '',
      rows: {},
      budget: null,
      levels: [],
      marks: form.problems.map((d) => mark(d, form, lang, false)),
    };
  }
  const r = form.scored.result;
  const pending = new Set(r.pending);
  const flags = [
    ...r.pending,
    ...r.budget.flags,
    ...r.indicators.flatMap((i) => i.flags),
    ...r.warnings,
    ...r.notes,
  ].filter((d, i, all) => all.indexOf(d) === i);
  // scored without cells the loader refused: the scores are shown, the status says there are errors to fix
  const refused = form.problems.length > 0;
  const status = refused ? 'invalid' : r.status === 'draft' ? 'draft' : 'complete';
  return {
    status,
    statusText: refused
      ? text('serve.ui.errorCount', lang, { count: form.problems.length })
      : r.status === 'draft'
        ? text('serve.ui.pendingCount', lang, { count: r.pending.length })
        : text('serve.ui.complete', lang),
    total: scoreText(r.total),
    grade: r.gradeLabel ?? '',
    rows: rowScores(r, lang),
    budget: {
      rate: rateText(r.budget.rate),
      score: scoreText(r.budget.finalScore),
      explanation: textOfRef(r.budget.explanation, lang),
    },
    levels: r.levels.map((l) => ({
      name: l.name,
      score: scoreText(l.score),
      maxScore: scoreText(l.maxScore),
      groups: l.groups.map((g) => ({ name: g.name, score: scoreText(g.score), maxScore: scoreText(g.maxScore) })),
    })),
    // cells the loader refused are marked too: the rest of the form was scored without them
    marks: [
      ...form.problems.map((d) => mark(d, form, lang, false)),
      ...flags.map((d) => mark(d, form, lang, pending.has(d))),
    ],
  };
}

/** Each row's score, rule score, method and 计算过程, by id, as the page shows them beside the row. */
function rowScores(r: NonNullable<EditedForm['scored']>['result'], lang: Lang): LiveResult['rows'] {
  return Object.fromEntries(
    r.indicators.map((i) => [
      i.id,
      {
        score: i.kind === 'notApplicable' ? '/' : scoreText(i.finalScore),
        ruleScore: scoreText(i.ruleScore),
        explanation: textOfRef(i.explanation, lang),
        method: methodName(i.method, lang),
      },
    ]),
  );
}
