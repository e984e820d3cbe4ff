import { formatDiagnostic, type Lang } from '../../errors/message';
import { lintFile } from '../../pipeline';
import { EXIT } from '../exitCodes';
import type { Io } from '../io';

/** `jixiao lint <ruleset.yaml|definitions.yaml…>`: every finding at its line; exit 1 when any is an error. */
export async function lintCommand(files: string[], options: { json?: boolean }, io: Io, lang: Lang): Promise<number> {
  let errors = 0;
  const reports = [];
  for (const file of files) {
    const report = await lintFile(file);
    reports.push(report);
    errors += report.findings.filter((f) => f.severity === 'error').length;
    if (options.json) continue;
    for (const f of report.findings) io.out(formatDiagnostic(f, lang));
    const warnings = report.findings.filter((f) => f.severity === 'warning').length;
    const errorCount = report.findings.filter((f) => f.severity === 'error').length;
    io.out(
      lang === 'en'
        ? `${file}: ${errorCount} error(s), ${warnings} warning(s)`
        : `${file}（${report.kind === 'ruleset' ? '评分规则集' : '指标定义'}）：${errorCount} 个错误，${warnings} 个警告`,
    );
  }
  if (options.json) {
    io.out(
      JSON.stringify(
        reports.map((r) => ({ file: r.file, kind: r.kind, findings: r.findings.map((f) => ({ code: f.code, severity: f.severity, location: f.location ?? null, message: formatDiagnostic({ ...f, location: undefined } as never, lang), data: f.data })) })),
        null,
        2,
      ),
    );
  }
  return errors === 0 ? EXIT.ok : EXIT.input;
}
