import { diagnosticJson } from '../../errors/message';
import { text } from '../../errors/texts';
import { lintFile } from '../../pipeline/forms';
import { isReviewRuleSetFile, lintReviewRuleSet } from '../../review';
import { EXIT, printDiagnostics, type OutputMode } from '../exitCodes';
import type { Io } from '../io';

/** `jixiao lint <ruleset.yaml|definitions.yaml…>`: every finding at its line; exit 1 when any is an error. */
export async function lintCommand(
  files: string[],
  options: { json?: boolean },
  io: Io,
  mode: OutputMode,
): Promise<number> {
  let errors = 0;
  const reports = [];
  for (const file of files) {
    // a review rule set (kind: review) is linted by the review room; any other file by lint's own
    const report = isReviewRuleSetFile(file)
      ? { file, kind: 'review' as const, findings: lintReviewRuleSet(file) }
      : await lintFile(file);
    reports.push(report);
    const errorCount = report.findings.filter((f) => f.severity === 'error').length;
    const warnings = report.findings.filter((f) => f.severity === 'warning').length;
    errors += errorCount;
    if (options.json) continue;
    printDiagnostics(io, mode, report.findings, 'out');
    const kind =
      report.kind === 'unknown'
        ? ''
        : text('cli.kind.parenthesized', mode.lang, {
            kind: text(KIND_TEXT[report.kind], mode.lang),
          });
    io.out(text('cli.lintSummary', mode.lang, { file, kind, errors: errorCount, warnings }));
  }
  if (options.json) {
    io.out(
      JSON.stringify(
        reports.map((r) => ({
          file: r.file,
          kind: r.kind,
          findings: r.findings.map((f) => ({ ...diagnosticJson(f, mode.lang), data: f.data })),
        })),
        null,
        2,
      ),
    );
  }
  return errors === 0 ? EXIT.ok : EXIT.input;
}

const KIND_TEXT = {
  ruleset: 'cli.kind.ruleset',
  review: 'cli.kind.review',
  definitions: 'cli.kind.definitions',
} as const;
