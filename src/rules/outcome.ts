import type { FactValue } from './facts';

/** A rule that fired, and the facts its conditions looked at. */
export interface FiredRule {
  name: string;
  priority: number;
  facts: Record<string, FactValue>;
}

export interface ScoreDecision {
  method: string;
  options: Record<string, unknown>;
  rule: FiredRule;
}

export interface FlagDecision {
  code: string;
  params: Record<string, unknown>;
  rule: FiredRule;
}

export interface AdjustDecision {
  method: string;
  options: Record<string, unknown>;
  rule: FiredRule;
}

export interface Outcome {
  /** The scoring method chosen by the highest-priority score rule that fired, or null (a gap). */
  score: ScoreDecision | null;
  /** Two score rules of the same priority that fired with different methods. */
  conflict: [FiredRule, FiredRule] | null;
  flags: FlagDecision[];
  adjustments: AdjustDecision[];
  /** Names of every rule that fired, highest priority first. */
  fired: string[];
}

export function emptyOutcome(): Outcome {
  return { score: null, conflict: null, flags: [], adjustments: [], fired: [] };
}

/**
 * Adds one fired rule's event to an outcome, in priority order: the first score event decides the method;
 * another of the same priority with a different method is a conflict. Shared by both evaluators.
 */
export function recordEvent(
  outcome: Outcome,
  rule: FiredRule,
  event: { type: string; params?: Record<string, unknown> },
): void {
  outcome.fired.push(rule.name);
  const { method, code, ...rest } = event.params ?? {};
  if (event.type === 'score') {
    const decision: ScoreDecision = { method: String(method), options: rest, rule };
    if (!outcome.score) outcome.score = decision;
    else if (
      !outcome.conflict &&
      outcome.score.rule.priority === rule.priority &&
      (outcome.score.method !== decision.method || JSON.stringify(outcome.score.options) !== JSON.stringify(rest))
    ) {
      outcome.conflict = [outcome.score.rule, rule];
    }
  } else if (event.type === 'flag') {
    outcome.flags.push({ code: String(code), params: rest, rule });
  } else if (event.type === 'adjust') {
    outcome.adjustments.push({ method: String(method), options: rest, rule });
  }
}
