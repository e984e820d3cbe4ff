import { plain } from '../../domain/decimal';
import { textRef } from '../../errors/texts';
import { diagnostic, type Diagnostic } from '../../errors/diagnostic';
import type { Band, SourceLocation } from '../../domain/model';
import { bandRange, inBand } from './bands';
import { points } from './describe';
import { NO_OPTIONS, type MethodContext, type ScoringMethod } from './method';

/**
 * 定性指标三档 (DESIGN §2.4): 达成 scores full unless a manual score inside its band is given;
 * 部分达成 and 未达成 need a manual score inside their band (the reason is checked by the rules).
 */
export const qualitativeBand: ScoringMethod<typeof NO_OPTIONS> = {
  meta: {
    id: 'qualitativeBand',
    appliesTo: ['qualitative', 'date'],
    options: NO_OPTIONS,
  },
  compute({ input, reading, maxScore, parameters }) {
    const band = bandOf(input, reading);
    const where = input.locations.declaredScore ?? input.locations.actual ?? input.locations.definition;
    if (band === null) return { problem: bandRequired(input, reading, where) };
    const range = bandRange(band, maxScore, parameters);
    const [lowPct, highPct] = parameters.qualitativeBands[band];
    const bandText = textRef('explain.bandRange', {
      band: textRef(`explain.band.${band}`),
      lowPct: String(lowPct),
      highPct: String(highPct),
      low: plain(range.low),
      high: plain(range.high),
    });
    // a deadline row says what it is and, when late, by how many days
    const kindText =
      reading.kind === 'date'
        ? reading.met
          ? textRef('explain.kind.date')
          : textRef('explain.kind.dateLate', { days: reading.daysLate })
        : textRef('explain.kind.qualitative');
    const declared = input.declaredScore;
    if (declared !== undefined && inBand(declared, range) && !declared.equals(maxScore)) {
      return {
        score: declared,
        explanation: textRef('explain.bandScored', { kind: kindText, band: bandText, score: points(declared) }),
      };
    }
    const bounds = { low: plain(range.low), high: plain(range.high) };
    // 「6 至 8 分（不含 8）」: the upper bound of every band but 达成 is exclusive, and the message says so
    const data = {
      id: input.id,
      name: input.name,
      band: textRef(`band.${band}`),
      range: textRef(range.includesHigh ? 'band.range' : 'band.rangeOpen', bounds),
    };
    // The band's bounds are the rule: a score outside them is refused even with a reason (no 1 of 10 on a 达成 row).
    if (declared !== undefined && !inBand(declared, range))
      return { problem: diagnostic('MANUAL_SCORE_OUT_OF_BAND', { ...data, score: plain(declared) }, where) };
    if (band === 'achieved')
      return {
        score: maxScore,
        explanation: textRef('explain.bandFull', {
          kind: kindText,
          band: textRef('explain.band.achieved'),
          max: points(maxScore),
        }),
      };
    return { problem: diagnostic('MANUAL_SCORE_REQUIRED', data, where) };
  },
};

/** The row's band: its own word, 达成 for a deadline met, or the 档次 the clerk chose for a late one. */
function bandOf(input: MethodContext['input'], reading: MethodContext['reading']): Band | null {
  if (reading.kind === 'qualitative') return reading.band;
  if (reading.kind === 'date' && reading.met) return 'achieved';
  return input.band ?? null;
}

/** No band to score by: a missed deadline says so as the 时效 row it is, with the delay; others ask for the 档次. */
function bandRequired(
  input: MethodContext['input'],
  reading: MethodContext['reading'],
  where: SourceLocation | undefined,
): Diagnostic {
  const row = { id: input.id, name: input.name, actual: input.actual ?? '' };
  if (reading.kind === 'date')
    return diagnostic('LATE_DATE_BAND_REQUIRED', { ...row, target: input.target, days: reading.daysLate }, where);
  return diagnostic('BAND_REQUIRED', row, where);
}
