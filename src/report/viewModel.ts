import { methodName, textOfRef } from '../errors/texts';
import { FIELD_LABEL, FORM_LABEL, PERSON_ROLES, ROLE_LABEL } from '../domain/glossary';
import { cellText, rowFields } from '../domain/fields';
import { PRINTED } from '../domain/formWording';
import { messageOf } from '../errors/message';
import { columnLabels, projectHeader } from './layouts';
import type { FormResult, IndicatorResult } from '../scoring/result';
import { amountText, maxScoreText, rateText, scoreText } from './format';

export type { Cell, FilledCells, FormView, LevelCell, RowView, SignatureBoxView, ViewOptions } from './formViewTypes';
import type { FilledCells, FormView, RowView, SignatureBoxView, ViewOptions } from './formViewTypes';

function scoreNote(r: IndicatorResult): { note: string; mark: RowView['mark'] } {
  if (r.override) return { note: PRINTED.ruleScoreNote(scoreText(r.ruleScore)), mark: '*' };
  if (r.declaredScore !== null && !r.declaredScore.equals(r.finalScore))
    return { note: PRINTED.declaredNote(scoreText(r.declaredScore)), mark: '※' };
  return { note: '', mark: '' };
}

/** The 偏差原因 cell: the fields the field table prints there, as the clerk filled them, then a manual score's reason. */
function deviationText(r: IndicatorResult, filled: FilledCells | undefined): string {
  const cells = filled?.[r.id];
  const parts = rowFields()
    .filter((f) => f.printed && f.place === 'deviation')
    .map((f) => cellText(cells?.[f.key]))
    .filter((t) => t.trim() !== '');
  if (r.override) parts.push(PRINTED.manualReason(r.override.reason));
  return parts.join('；');
}

/** Lays out a scored form for the templates: row groups, rowspans and every number already formatted. */
/** The indicator table: one row per indicator, 一级/二级 cells spanning their rows. */
function indicatorRows(result: FormResult, filled: FilledCells | undefined): RowView[] {
  const byId = new Map(result.indicators.map((r) => [r.id, r]));
  const rows: RowView[] = [];
  for (const level of result.levels) {
    const levelRows = level.groups.flatMap((g) => g.indicatorIds);
    const weight = level.declaredWeight ?? level.maxScore;
    level.groups.forEach((group, gi) => {
      group.indicatorIds.forEach((id, ri) => {
        const r = byId.get(id);
        if (!r) return;
        const firstOfLevel = gi === 0 && ri === 0;
        const firstOfGroup = ri === 0;
        const { note, mark } = scoreNote(r);
        rows.push({
          level1: firstOfLevel
            ? { text: level.name, weight: PRINTED.levelWeight(scoreText(weight)), rowspan: levelRows.length }
            : null,
          level2: firstOfGroup ? { text: group.name, rowspan: group.indicatorIds.length } : null,
          name: r.name,
          target: r.target,
          actual: r.actual,
          maxScore: maxScoreText(r.maxScore),
          score: r.kind === 'notApplicable' ? '/' : scoreText(r.finalScore),
          scoreNote: note,
          mark,
          pending: r.pending
            ? PRINTED.pendingBecause(messageOf(r.pending).replace(PRINTED.rowPrefix, ''))
            : result.pending.find((p) => p.code === 'REASON_REQUIRED' && p.data.id === r.id)
              ? PRINTED.pendingReason
              : '',
          deviation: deviationText(r, filled),
          keepWhole: !firstOfGroup,
        });
      });
    });
  }
  return rows;
}

/** The budget block: 年度资金总额 with its score, then the 其中 rows (no score). */
function budgetRows(result: FormResult): FormView['budget'] {
  const b = result.budget;
  const lineLabel = {
    currentYear: PRINTED.breakdownFirst(FIELD_LABEL.currentYear),
    carryOver: FIELD_LABEL.carryOver,
    other: FIELD_LABEL.other,
  } as const;
  return [
    {
      label: FIELD_LABEL.fundTotal,
      initial: amountText(b.initialBudget, ''),
      fullYear: amountText(b.fullYearBudget, ''),
      executed: amountText(b.executed, ''),
      maxScore: scoreText(b.maxScore),
      rate: rateText(b.rate),
      score: scoreText(b.finalScore),
      isTotal: true,
      pending: result.pending.some(
        (p) => p.code === 'BUDGET_ZERO' || (p.code === 'REASON_REQUIRED' && p.data.id === ''),
      )
        ? PRINTED.pending
        : '',
      // a declared 得分 that differs from the rule's is marked on page 1, as rows are
      ...(b.declaredScore !== null && !b.declaredScore.equals(b.finalScore)
        ? { note: PRINTED.declaredNote(scoreText(b.declaredScore)), mark: '※' as const }
        : { note: '', mark: '' as const }),
    },
    ...b.breakdown.map((line) => ({
      label: lineLabel[line.key],
      initial: amountText(line.initialBudget, ''),
      fullYear: amountText(line.fullYearBudget, ''),
      executed: amountText(line.executed, ''),
      maxScore: '—',
      rate: '—',
      score: '—',
      isTotal: false,
      pending: '',
      note: '',
      mark: '' as const,
    })),
  ];
}

/** The legend under the table: what each mark means, and every declared figure that does not add up. */
function legendLines(result: FormResult, rows: RowView[]): string[] {
  const legend: string[] = [];
  if (rows.some((r) => r.mark === '*')) legend.push(PRINTED.legendManual);
  if (
    rows.some((r) => r.mark === '※') ||
    (result.budget.declaredScore !== null && !result.budget.declaredScore.equals(result.budget.finalScore))
  )
    legend.push(PRINTED.legendDeclared);
  if (result.status === 'draft') legend.unshift(PRINTED.legendDraft(result.pending.length));
  const mismatch = result.warnings.filter(
    (w) =>
      w.code === 'WEIGHT_SUM_MISMATCH' || w.code === 'DECLARED_TOTAL_MISMATCH' || w.code === 'DECLARED_GRADE_MISMATCH',
  );
  for (const w of mismatch) legend.push(PRINTED.legendMismatch(messageOf(w)));
  return legend;
}

/** The sign-off block: a box per person's role, linked so the printed PDF marks where each signs. */
function signOffView(signOff: FormResult['header']['signOff'], linkBase: string): FormView['signOff'] {
  const boxes: SignatureBoxView[] = PERSON_ROLES.map((role) => ({
    role,
    label: ROLE_LABEL[role],
    name: signOff[role],
    href: `${linkBase}/sigbox/${role}`,
  }));
  // the seal box stays empty: the unit's seal is its signature, drawn when the unit signs
  return {
    phone: signOff.phone,
    date: signOff.date,
    boxes,
    sealHref: `${linkBase}/sigbox/seal`,
    sealLabel: PRINTED.sealBoxLabel,
  };
}

/** The 评分说明 appendix (with --explain): each row's method, rule and 计算过程, as the form prints them (Chinese). */
function appendixView(result: FormResult): FormView['appendix'] {
  return {
    budget: textOfRef(result.budget.explanation, 'zh'),
    rows: result.indicators.map((r) => ({
      id: r.id,
      name: r.name,
      method: methodName(r.method, 'zh'),
      rule: r.rule.rule,
      explanation: textOfRef(r.explanation, 'zh'),
    })),
    adjustments: result.adjustments.map((a) => textOfRef(a.explanation, 'zh')),
    warnings: result.warnings.map((w) => messageOf(w)),
    notes: result.notes.map((w) => messageOf(w)),
  };
}

/** The printed form's view model: every cell already formatted; the templates only lay it out. */
export function formView(result: FormResult, options: ViewOptions): FormView {
  if (options.blank) return blankView(formView(result, { ...options, blank: false }));
  const rows = indicatorRows(result, options.filled);
  const b = result.budget;
  const budget = budgetRows(result);
  const legend = legendLines(result, rows);
  const signOff = result.header.signOff;
  const project = result.header.project;
  const declared = result.declared.total !== null ? PRINTED.declaredTotal(scoreText(result.declared.total)) : '';
  const title = result.title;
  return {
    headerRows: result.form === 'project' ? projectHeader(result.header.layout, result.department, result.header) : [],
    columns: columnLabels(result.header),
    isDraft: result.status === 'draft',
    blank: false,
    title,
    // the year once: a title that already says it (2020年度…自评表) gets no second line saying it again
    year: title.includes(PRINTED.yearIn(result.fiscalYear)) ? '' : PRINTED.yearLine(result.fiscalYear),
    isProject: result.form === 'project',
    department: result.department,
    implementingUnit: result.header.implementingUnit,
    project: {
      name: project?.name ?? '',
      subProject: project?.subProject ?? '',
      totalInvestment: project?.totalInvestment ?? '',
      fiscalFunding: project?.fiscalFunding ?? '',
      period: project?.period ?? '',
    },
    budgetLabel: PRINTED.budgetLabel[result.form],
    budgetRows: budget.length + 1 + (b.reason.trim() ? 1 : 0),
    budget,
    budgetReason: b.reason.trim(),
    goal: result.header.overallGoal,
    rows,
    levelSummary: result.levels.map((l) => `${l.name} ${scoreText(l.score)}/${scoreText(l.maxScore)}`).join('　'),
    total: {
      maxScore: scoreText(result.maxTotal),
      score: scoreText(result.total),
      grade: result.gradeLabel ?? '',
      showGrade: result.grade !== null,
      declared,
    },
    legend,
    signOff: signOffView(signOff, options.linkBase),
    footer: PRINTED.footer(
      result.jixiaoVersion,
      result.ruleSet.id,
      result.ruleSet.version,
      result.inputs.sha256.slice(0, 12),
    ),
    explain: options.explain,
    appendix: appendixView(result),
    meta: {
      title: `${title} — ${project?.name ?? result.department}`,
      author: result.department,
      subject: PRINTED.subject(FORM_LABEL[result.form], scoreText(result.total), result.gradeLabel),
      keywords: PRINTED.keywords(result.fiscalYear, result.ruleSet.id),
    },
  };
}

/** The blank form: the layout and everything the definitions say, with the cells a clerk fills left empty. */
function blankView(view: FormView): FormView {
  return {
    ...view,
    isDraft: false,
    blank: true,
    rows: view.rows.map((r) => ({
      ...r,
      actual: '',
      score: r.maxScore === '/' ? '/' : '',
      scoreNote: '',
      mark: '',
      pending: '',
      deviation: '',
    })),
    budget: view.budget.map((b) => ({
      ...b,
      initial: '',
      fullYear: '',
      executed: '',
      rate: b.isTotal ? '' : b.rate,
      score: b.isTotal ? '' : b.score,
      pending: '',
      note: '',
      mark: '',
    })),
    budgetReason: '',
    budgetRows: view.budget.length + 1,
    goal: { ...view.goal, actual: '' },
    total: { ...view.total, score: '', grade: '', declared: '' },
    legend: [],
    signOff: { ...view.signOff, phone: '', date: '', boxes: view.signOff.boxes.map((b) => ({ ...b, name: '' })) },
    footer: view.footer.replace(PRINTED.footerInputs, PRINTED.footerBlank),
  };
}
