import { reviewYear } from '../src/review/run';
void reviewYear(['examples'], { trust: [], lang: 'zh', sample: { size: { percent: 20 }, seed: 7, byDepartment: true, includeP0: true } }).then((r) => {
  for (const f of r.forms) console.log(f.rank, f.key, f.status, f.department, f.project, f.total, f.risk, f.sampled, f.findings.map((x) => `${x.code}@${x.cell}`).join(' '));
  console.log(JSON.stringify(r.totals));
  for (const d of r.departments) console.log(d.department, d.forms, d.findings.map((f) => f.code));
});
