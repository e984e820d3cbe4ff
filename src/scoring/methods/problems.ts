import { diagnostic } from '../../errors/diagnostic';
import type { MethodContext, MethodResult } from './method';

/** A rule sent a row that is not a number comparison to a method that needs one. */
export function notQuantitative({ input }: MethodContext, method: string): MethodResult {
  return {
    problem: diagnostic(
      'INVALID_RULE',
      { rule: method, detail: `计分方法 ${method} 只适用于定量指标，但指标「${input.id} ${input.name}」不是定量指标` },
      input.locations.actual ?? input.locations.definition,
    ),
  };
}
