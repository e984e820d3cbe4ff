import { listOf, textRef } from '../errors/texts';
import { dec, plain } from '../domain/decimal';
import { diagnostic, type Diagnostic } from '../errors/diagnostic';
import type { DefinitionsFile } from '../schema/definitions';
import { parseValue } from '../targets/parse';

type Locate = (path: (string | number)[]) => Diagnostic['location'];

/**
 * What a careful evaluator writes down about a form's indicators: targets that cannot be measured,
 * quantitative targets without a unit or a direction, 分值 that do not add up to the level weights,
 * and duplicate names (level names are the loader's checkDefinitions).
 */
export function lintDefinitions(definitions: DefinitionsFile, locate: Locate): Diagnostic[] {
  const out: Diagnostic[] = [];
  const names = new Map<string, { ids: string[]; at: Diagnostic['location'] }>();
  let total = dec(String(definitions.budget.maxScore));
  definitions.levels.forEach((level, i) => {
    let levelSum = dec(0);
    // level names are checked by the loader's checkDefinitions (lintFile adds its findings): one place for them
    level.groups.forEach((group, j) => {
      group.indicators.forEach((row, k) => {
        const at = locate(['levels', i, 'groups', j, 'indicators', k]);
        if (row.maxScore !== '/') levelSum = levelSum.plus(dec(String(row.maxScore)));
        const seen = names.get(row.name) ?? { ids: [], at };
        seen.ids.push(row.id);
        names.set(row.name, seen);
        if (row.maxScore !== '/') out.push(...targetFindings(row, definitions.fiscalYear, at));
      });
    });
    if (level.weight !== undefined && !dec(String(level.weight)).equals(levelSum)) {
      out.push(
        diagnostic(
          'WEIGHT_SUM_MISMATCH',
          { level: level.level1, declared: String(level.weight), sum: plain(levelSum) },
          locate(['levels', i, 'weight']),
        ),
      );
    }
    total = total.plus(levelSum);
  });
  if (definitions.declaredTotal !== undefined && !dec(String(definitions.declaredTotal)).equals(total)) {
    out.push(
      diagnostic(
        'WEIGHT_SUM_MISMATCH',
        { level: textRef('term.total'), declared: String(definitions.declaredTotal), sum: plain(total) },
        locate(['declaredTotal']),
      ),
    );
  }
  for (const [name, { ids, at }] of names)
    if (ids.length > 1) out.push(diagnostic('LINT_DUPLICATE_NAME', { name, ids: listOf(ids) }, at));
  return out;
}

/** A row's target that cannot be measured, has no unit, or says no direction (≥, ≤ or =). */
function targetFindings(
  row: DefinitionsFile['levels'][number]['groups'][number]['indicators'][number],
  fiscalYear: number,
  at: Diagnostic['location'],
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const base = { id: row.id, name: row.name, target: row.target };
  const target = parseValue(row.target, { fiscalYear });
  if (target.kind === 'text' || target.kind === 'empty' || target.kind === 'notApplicable') {
    out.push(diagnostic('NOT_MEASURABLE', { ...base, target: row.target || textRef('term.emptyTarget') }, at));
  } else if (target.kind === 'number') {
    if (target.unit === '' && target.magnitude === null) out.push(diagnostic('LINT_NO_UNIT', base, at));
    if (target.comparator === 'none') {
      const figure = `${target.number.toFixed()}${target.magnitude ?? ''}${target.unit}`;
      out.push(
        diagnostic(
          'LINT_NO_COMPARATOR',
          {
            ...base,
            ge: `${target.qualifier}≥${figure}`,
            le: `${target.qualifier}≤${figure}`,
            eq: `${target.qualifier}=${figure}`,
          },
          at,
        ),
      );
    }
  }
  return out;
}
