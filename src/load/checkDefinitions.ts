import { dec } from '../domain/decimal';
import { diagnostic, type Diagnostic } from '../errors/diagnostic';
import { listOf, textRef } from '../errors/texts';
import { LevelNames } from '../rules/levels';
import { shippedFrameworksKnowing } from './ruleSets';
import type { RuleSet } from '../rules/ruleSet';
import type { DefinitionsFile } from '../schema/definitions';
import type { DataPath, SourceDocument } from '../source/yamlSource';

// What a form's files are checked for beyond their schemas: against the rule set that scores them, and each other.

/**
 * Ids unique; level names from the rule set's framework (as written, or a synonym), each level-2 under its own
 * level-1. An unknown 一级 is an error; an unknown 二级 under a known 一级 a warning unless the rule set says error.
 */
export function checkDefinitions(definitions: DefinitionsFile, doc: SourceDocument, ruleSet: RuleSet): Diagnostic[] {
  const out: Diagnostic[] = [];
  /** Where each id was first written, as the data path a location is found by (only a repeated id needs one). */
  const firstAt = new Map<string, DataPath>();
  const names = new LevelNames(ruleSet.file.framework);
  out.push(...weightsAgainstFramework(definitions, doc, ruleSet, names));
  if (definitions.overallGoal.expected.trim() === '')
    out.push(diagnostic('GOAL_BLANK', {}, doc.locate(['overallGoal', 'expected'])));
  out.push(...unknownLevels1(definitions, doc, ruleSet, names));
  definitions.levels.forEach((level, i) => {
    const level1 = names.canonical1(level.level1);
    level.groups.forEach((group, j) => {
      if (level1 && !names.canonical2(level1, group.level2)) {
        const unknown = diagnostic(
          'UNKNOWN_LEVEL2',
          { name: group.level2, level1: level.level1, allowed: listOf(names.level2Names(level1)) },
          doc.locate(['levels', i, 'groups', j, 'level2']),
        );
        out.push(ruleSet.file.framework.unknownLevel2 === 'error' ? { ...unknown, severity: 'error' } : unknown);
      }
      group.indicators.forEach((row, k) => {
        const at: DataPath = ['levels', i, 'groups', j, 'indicators', k, 'id'];
        const first = firstAt.get(row.id);
        if (first === undefined) firstAt.set(row.id, at);
        else out.push(diagnostic('DUPLICATE_ID', { id: row.id, firstLine: doc.locate(first).line }, doc.locate(at)));
      });
    });
  });
  return out;
}

/**
 * 一级 names the rule set's framework does not know (a 投入/过程/产出/效果 form under the default): said once, at the
 * first, naming the shipped rule sets that know them. Their rows still score by target and actual, and the form
 * keeps its own 分值 and total; a rule set that says `unknownLevel1: error` refuses the form instead.
 */
function unknownLevels1(
  definitions: DefinitionsFile,
  doc: SourceDocument,
  ruleSet: RuleSet,
  names: LevelNames,
): Diagnostic[] {
  const unknown = definitions.levels
    .map((level, i) => ({ name: level.level1, i }))
    .filter((l) => names.canonical1(l.name) === null);
  const first = unknown[0];
  if (!first) return [];
  const unknownNames = [...new Set(unknown.map((l) => l.name))];
  const knowing = shippedFrameworksKnowing(unknownNames);
  const refused = ruleSet.file.framework.unknownLevel1 === 'error';
  const data = {
    name: listOf(unknownNames),
    ruleSet: ruleSet.file.id,
    allowed: listOf(names.level1Names),
    consequence: refused ? textRef('level1.refused', { ruleSet: ruleSet.file.id }) : textRef('level1.scoredAnyway'),
    knownBy: knowing.length > 0 ? listOf(knowing) : textRef('term.none'),
  };
  const found = diagnostic('UNKNOWN_LEVEL1', data, doc.locate(['levels', first.i, 'level1']));
  return [refused ? { ...found, severity: 'error' } : found];
}

/**
 * The form's printed 分值 against the rule set's framework (budget and each 一级): the form's own are scored, and
 * a difference is said, naming both — so scoring under another rule set (`--rules hubei`) says what it does not change.
 */
function weightsAgainstFramework(
  definitions: DefinitionsFile,
  doc: SourceDocument,
  ruleSet: RuleSet,
  names: LevelNames,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const framework = ruleSet.file.framework;
  const base = {
    ruleSet: ruleSet.file.id,
    scoredWith: textRef(ruleSet.file.parameters.weights === 'framework' ? 'weights.framework' : 'weights.form'),
  };
  if (definitions.budget.maxScore !== framework.budget.maxScore) {
    out.push(
      diagnostic(
        'WEIGHT_RULESET_MISMATCH',
        {
          ...base,
          level: textRef('term.budgetRow'),
          form: definitions.budget.maxScore,
          framework: framework.budget.maxScore,
        },
        doc.locate(['budget', 'maxScore']),
      ),
    );
  }
  definitions.levels.forEach((level, i) => {
    const canonical = names.canonical1(level.level1);
    const expected = framework.level1.find((l) => l.name === canonical)?.weight;
    if (expected === undefined) return;
    const rows = level.groups
      .flatMap((g) => g.indicators)
      .reduce((n, r) => (r.maxScore === '/' ? n : n.plus(dec(String(r.maxScore)))), dec(0));
    const printed = level.weight !== undefined ? dec(String(level.weight)) : rows;
    if (!printed.equals(expected)) {
      out.push(
        diagnostic(
          'WEIGHT_RULESET_MISMATCH',
          { ...base, level: level.level1, form: printed.toString(), framework: expected },
          doc.locate(['levels', i, level.weight !== undefined ? 'weight' : 'level1']),
        ),
      );
    }
  });
  // a level the framework weighs and the form leaves out (a form with no 满意度指标) is points nobody can earn
  const onForm = new Set(definitions.levels.map((level) => names.canonical1(level.level1)));
  for (const level of framework.level1) {
    if (!onForm.has(level.name) && level.weight > 0)
      out.push(
        diagnostic(
          'LEVEL_NOT_ON_FORM',
          { ...base, level: level.name, framework: level.weight },
          doc.locate(['levels']),
        ),
      );
  }
  return out;
}

/** Every id in the actuals must exist in the definitions, and be written as a string. */
export function checkActualIds(
  definitions: DefinitionsFile,
  doc: SourceDocument,
  definitionsFile: string,
): Diagnostic[] {
  const known = new Set(definitions.levels.flatMap((l) => l.groups.flatMap((g) => g.indicators.map((r) => r.id))));
  const out: Diagnostic[] = [];
  for (const key of doc.keysAt(['indicators'])) {
    if (key.writtenAsNumber) {
      out.push(diagnostic('ID_NOT_STRING', { field: `indicators.${key.source}`, received: key.source }, key.location));
    } else if (!known.has(key.key)) {
      out.push(
        diagnostic(
          'UNKNOWN_INDICATOR',
          { id: key.key, definitions: definitionsFile, known: listOf([...known]) },
          key.location,
        ),
      );
    }
  }
  return out;
}
