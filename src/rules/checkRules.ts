import { listOf, type Localized } from '../errors/texts';
import { diagnostic, type Diagnostic } from '../errors/diagnostic';
import { issueText } from '../errors/zodIssue';
import type { ConditionInput, RuleInput } from '../schema/ruleset';
import { FACTS_BY_SCOPE, PARAMETER_FACT } from './facts';
import { KNOWN_OPERATORS } from './operators';
import type { RuleSet } from './ruleSet';
import { EVENT_NAME_KEY, type EventSpec, type EventSpecs } from './events';
import type { SourceLocation } from '../domain/model';

/** Every fact named in a condition tree. */
export function factsOf(condition: ConditionInput): string[] {
  if ('all' in condition) return condition.all.flatMap(factsOf);
  if ('any' in condition) return condition.any.flatMap(factsOf);
  if ('not' in condition) return factsOf(condition.not);
  const valueFact =
    typeof condition.value === 'object' && condition.value !== null && 'fact' in condition.value
      ? [String((condition.value as { fact: unknown }).fact)]
      : [];
  return [condition.fact, ...valueFact];
}

export function operatorsOf(condition: ConditionInput): string[] {
  if ('all' in condition) return condition.all.flatMap(operatorsOf);
  if ('any' in condition) return condition.any.flatMap(operatorsOf);
  if ('not' in condition) return operatorsOf(condition.not);
  return [condition.operator];
}

/** Static checks of a rule set's rules against the facts, operators, methods and flags that exist. */
export function checkRules(ruleSet: RuleSet, known: EventSpecs): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  ruleSet.file.rules.forEach((rule, index) => {
    const at = ruleSet.ruleLocations[index];
    if (seen.has(rule.name)) out.push(diagnostic('RULE_NAME_DUPLICATE', { rule: rule.name }, at));
    seen.add(rule.name);
    const allowedFacts = new Set([...Object.keys(FACTS_BY_SCOPE[rule.scope]), PARAMETER_FACT]);
    for (const fact of factsOf(rule.conditions)) {
      if (!allowedFacts.has(fact)) {
        out.push(
          diagnostic(
            'UNKNOWN_FACT',
            { rule: rule.name, fact, scope: rule.scope, known: listOf([...allowedFacts]) },
            at,
          ),
        );
      }
    }
    for (const operator of operatorsOf(rule.conditions)) {
      if (!KNOWN_OPERATORS.includes(operator)) {
        out.push(diagnostic('UNKNOWN_OPERATOR', { rule: rule.name, operator, known: listOf(KNOWN_OPERATORS) }, at));
      }
    }
    out.push(...checkEvent(rule, at, ruleSet.locateInRule?.(index), known));
  });
  return out;
}

/**
 * A rule's event against the registry: the method or flag exists, suits the rule's scope, and its options
 * match the declared schema (an unknown key names the allowed ones).
 */
function checkEvent(
  rule: RuleInput,
  at: SourceLocation | undefined,
  locate: ((path: (string | number)[]) => SourceLocation) | undefined,
  known: EventSpecs,
): Diagnostic[] {
  const type = rule.event.type;
  const nameKey = EVENT_NAME_KEY[type];
  const { [nameKey]: named, ...options } = rule.event.params as Record<string, unknown>;
  const name = String(named);
  const table = known[type];
  const spec = Object.prototype.hasOwnProperty.call(table, name) ? table[name] : undefined;
  const where = (path: (string | number)[]): SourceLocation | undefined => locate?.(['event', 'params', ...path]) ?? at;
  if (!spec) {
    const data = { rule: rule.name, known: listOf(Object.keys(table)) };
    return [
      type === 'flag'
        ? diagnostic('UNKNOWN_FLAG', { ...data, flag: name }, where([nameKey]))
        : diagnostic('UNKNOWN_METHOD', { ...data, method: name }, where([nameKey])),
    ];
  }
  const out: Diagnostic[] = [];
  if (!spec.scopes.includes(rule.scope)) {
    out.push(
      diagnostic(
        'EVENT_SCOPE',
        { rule: rule.name, name, scope: rule.scope, scopes: listOf(spec.scopes) },
        where([nameKey]),
      ),
    );
  }
  const parsed = spec.options.safeParse(options);
  if (!parsed.success) {
    const allowed = optionKeys(spec);
    const unknown = parsed.error.issues.flatMap((issue) => (issue.code === 'unrecognized_keys' ? issue.keys : []));
    // a misspelt key also leaves the real one missing: name the misspelling (its hint lists the right keys), once
    for (const key of unknown)
      out.push(diagnostic('EVENT_OPTION_UNKNOWN', { rule: rule.name, name, option: key, allowed }, where([key])));
    for (const issue of parsed.error.issues) {
      if (issue.code === 'unrecognized_keys') continue;
      const option = issue.path.join('.') || '—';
      const missing = issue.path.length > 0 && !(String(issue.path[0]) in options);
      if (missing && unknown.length === 0)
        out.push(diagnostic('EVENT_OPTION_MISSING', { rule: rule.name, name, option, allowed }, where([])));
      else if (!missing)
        out.push(
          diagnostic(
            'EVENT_OPTION_INVALID',
            { rule: rule.name, name, option, detail: issueText(issue) },
            where(issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))),
          ),
        );
    }
  }
  return out;
}

/** The option names a spec's (object) schema declares. */
function optionKeys(spec: EventSpec): Localized | string {
  const shape = (spec.options as unknown as { shape?: Record<string, unknown> }).shape;
  return shape && Object.keys(shape).length > 0 ? listOf(Object.keys(shape)) : '—';
}
