import { listOf } from '../errors/texts';
import { dec, plain } from '../domain/decimal';
import { diagnostic, type Diagnostic } from '../errors/diagnostic';
import type { RuleSet } from '../rules/ruleSet';
import type { DefinitionsFile } from '../schema/definitions';
import { parseValue } from '../targets/parse';

type Locate = (path: (string | number)[]) => Diagnostic['location'];

/**
 * What a careful evaluator writes down about a form's indicators: targets that cannot be measured,
 * quantitative targets without a unit or a direction, 分值 that do not add up to the level weights,
 * duplicate names, and level-2 names outside their level-1.
 */
export function lintDefinitions(definitions: DefinitionsFile, locate: Locate, ruleSet: RuleSet | null): Diagnostic[] {
  const out: Diagnostic[] = [];
  const names = new Map<string, { ids: string[]; at: Diagnostic['location'] }>();
  const framework = new Map(ruleSet?.file.framework.level1.map((l) => [l.name, l.level2]) ?? []);
  let total = dec(String(definitions.budget.maxScore));
  definitions.levels.forEach((level, i) => {
    let levelSum = dec(0);
    const allowed = framework.get(level.level1);
    if (ruleSet && !allowed) {
      out.push(diagnostic('UNKNOWN_LEVEL1', { name: level.level1, ruleSet: ruleSet.file.id, allowed: listOf([...framework.keys()]) }, locate(['levels', i, 'level1'])));
    }
    level.groups.forEach((group, j) => {
      if (allowed && !allowed.includes(group.level2)) {
        out.push(diagnostic('UNKNOWN_LEVEL2', { name: group.level2, level1: level.level1, allowed: listOf(allowed) }, locate(['levels', i, 'groups', j, 'level2'])));
      }
      group.indicators.forEach((row, k) => {
        const at = locate(['levels', i, 'groups', j, 'indicators', k]);
        const base = { id: row.id, name: row.name, target: row.target };
        if (row.maxScore !== '/') levelSum = levelSum.plus(dec(String(row.maxScore)));
        const seen = names.get(row.name) ?? { ids: [], at };
        seen.ids.push(row.id);
        names.set(row.name, seen);
        if (row.maxScore === '/') return;
        const target = parseValue(row.target, { fiscalYear: definitions.fiscalYear });
        if (target.kind === 'text' || target.kind === 'empty' || target.kind === 'notApplicable') {
          out.push(diagnostic('NOT_MEASURABLE', { ...base, target: row.target || '（空）' }, at));
        } else if (target.kind === 'number') {
          if (target.unit === '' && target.magnitude === null) out.push(diagnostic('LINT_NO_UNIT', base, at));
          if (target.comparator === 'none') {
            const figure = `${target.number.toFixed()}${target.magnitude ?? ''}${target.unit}`;
            out.push(diagnostic('LINT_NO_COMPARATOR', { ...base, ge: `${target.qualifier}≥${figure}`, le: `${target.qualifier}≤${figure}`, eq: `${target.qualifier}=${figure}` }, at));
          }
        }
      });
    });
    if (level.weight !== undefined && !dec(String(level.weight)).equals(levelSum)) {
      out.push(diagnostic('WEIGHT_SUM_MISMATCH', { level: level.level1, declared: String(level.weight), sum: plain(levelSum) }, locate(['levels', i, 'weight'])));
    }
    total = total.plus(levelSum);
  });
  if (definitions.declaredTotal !== undefined && !dec(String(definitions.declaredTotal)).equals(total)) {
    out.push(diagnostic('WEIGHT_SUM_MISMATCH', { level: '总分', declared: String(definitions.declaredTotal), sum: plain(total) }, locate(['declaredTotal'])));
  }
  for (const [name, { ids, at }] of names) if (ids.length > 1) out.push(diagnostic('LINT_DUPLICATE_NAME', { name, ids: listOf(ids) }, at));
  return out;
}
