import { diagnostic } from '../../errors/diagnostic';
import { textRef } from '../../errors/texts';
import type { MethodContext, MethodResult } from './method';

/** A rule sent a row that is not a number comparison to a method that needs one. */
export function notQuantitative({ input, reading }: MethodContext, method: string): MethodResult {
  return {
    problem: diagnostic(
      'METHOD_NOT_FOR_KIND',
      { method, id: input.id, name: input.name, kind: textRef(`term.kind.${reading.kind}`) },
      input.locations.actual ?? input.locations.definition,
    ),
  };
}
