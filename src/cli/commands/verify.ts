import Table from 'cli-table3';
import { formatDiagnostic, type Lang } from '../../errors/message';
import { verifyPdf } from '../../pipeline';
import { EXIT } from '../exitCodes';
import type { Io } from '../io';

const yes = (v: boolean): string => (v ? '✓' : '✗');

/** `jixiao verify signed.pdf [--json]`: exit 0 only when every check holds. */
export async function verifyCommand(file: string, options: { json?: boolean; allowUnsigned?: boolean }, io: Io, lang: Lang): Promise<number> {
  const report = await verifyPdf(file, options.allowUnsigned ? { allowUnsigned: true } : {});
  if (options.json) {
    io.out(JSON.stringify({ ...report, embedded: { ...report.embedded, problems: report.embedded.problems.map((p) => formatDiagnostic(p, lang)) } }, null, 2));
    return report.ok ? EXIT.ok : EXIT.input;
  }
  io.out(`${file}：${report.revisions} 个修订版本，${report.signatures.length} 个签名`);
  if (report.signatures.length > 0) {
    const table = new Table({
      head: ['#', '角色', '签署人', '颁发者', '签署时间', '范围', '摘要', '签名', '证书有效', '覆盖至修订', '其后追加（字节）'],
      style: { head: [], border: [] },
    });
    for (const s of report.signatures) {
      table.push([s.index, s.roleLabel, s.signer, s.issuer, s.signingTime ?? '', yes(s.rangeValid), yes(s.digestValid), yes(s.signatureValid), yes(s.certificateValidAtSigning), s.revision || '—', s.bytesAfter]);
    }
    io.out(table.toString());
  }
  const e = report.embedded;
  if (e.found) {
    io.out(`内嵌数据：jixiao ${e.jixiaoVersion}，评分规则集 ${e.ruleSet}，哈希 ${e.hashesMatch ? '一致' : '不一致'}`);
    io.out(`表上总分 ${e.total ?? '—'}${e.grade ? `（${e.grade}）` : ''}；按内嵌规则集重新评分 ${e.rescoredTotal ?? '—'}：${e.rescoreMatches ? '一致' : `不一致（${e.differences.join('、')}）`}`);
  }
  for (const p of e.problems) io.err(formatDiagnostic(p, lang));
  if (report.ok) io.out(lang === 'en' ? 'Verified: every signature is valid, nothing unsigned follows, the score reproduces.' : '核验通过：所有签名有效，末次签名后无未签名内容，评分可复现。');
  else for (const r of report.reasons) io.out(`核验不通过：${r}`);
  return report.ok ? EXIT.ok : EXIT.input;
}
