import { JSONPath } from 'jsonpath-plus';
import { Engine } from 'json-rules-engine';
import { KNOWN_EVENTS, loadRuleSet } from '../src/load/ruleSets';
import { CompiledRuleSet } from '../src/rules/compile';
import { resolvePath } from '../src/rules/paths';

// The engine's reading of `{fact: parameter, path: …}` must answer exactly as json-rules-engine's default does.

const parameters = {
  lowExecutionRate: '0.9',
  overAchievement: { flagAt: '1.2', reasonAt: '1.3', off: null, zero: 0, no: false, list: ['a', 'b'], empty: {} },
  name: '测试',
  nested: { deeper: { deepest: { value: 7 } } },
};

const paths = [
  '$.lowExecutionRate',
  '$.overAchievement',
  '$.overAchievement.flagAt',
  '$.overAchievement.off',
  '$.overAchievement.zero',
  '$.overAchievement.no',
  '$.overAchievement.list',
  '$.overAchievement.empty',
  '$.nested.deeper.deepest.value',
  '$.missing',
  '$.overAchievement.missing',
  '$.missing.deeper',
  // through text: JSONPath reads a string's own length; a plain lookup would not
  '$.name.length',
  '$.lowExecutionRate.length',
  '$.overAchievement.list.length',
  // not plain paths: left to JSONPath
  '$.overAchievement.list[0]',
  '$..value',
  "$['lowExecutionRate']",
  '$.overAchievement.*',
];

describe('the rule path reader', () => {
  test.each(paths.map((p) => [p]))('%s reads as json-rules-engine would read it', (path) => {
    expect(resolvePath(parameters, path)).toEqual(JSONPath({ path, json: parameters, wrap: false }));
  });

  test('a plain path returns the value itself, not a copy', () => {
    expect(resolvePath(parameters, '$.overAchievement')).toBe(parameters.overAchievement);
  });
});

describe('a rule the engine itself refuses', () => {
  test("is INVALID_RULE at its line, with the engine's own reason", () => {
    // every rule that passes the schema and the checks is one the engine takes; its refusal is the last guard
    const refuse = jest.spyOn(Engine.prototype, 'addRule').mockImplementationOnce(() => {
      throw new Error('the engine refuses this rule');
    });
    const shipped = loadRuleSet('caiyu-2020-10');
    let thrown: unknown;
    try {
      CompiledRuleSet.compile(shipped, KNOWN_EVENTS);
    } catch (error) {
      thrown = error;
    } finally {
      refuse.mockRestore();
    }
    const [first] =
      (
        thrown as {
          diagnostics?: { code: string; data: { rule: string; detail: string }; location?: { line: number } }[];
        }
      ).diagnostics ?? [];
    const rule = shipped.file.rules.findIndex((r) => r.scope === 'indicator');
    expect(first).toMatchObject({
      code: 'INVALID_RULE',
      data: { rule: shipped.file.rules[rule]?.name, detail: 'the engine refuses this rule' },
    });
    expect(first?.location?.line).toBe(shipped.ruleLocations[rule]?.line);
  });
});
