import { runReviewTests } from '../src/review/reviewTests';
void runReviewTests().then((o) => { for (const f of o) for (const c of f.cases) if (!c.passed) console.log(c.line, c.name, JSON.stringify(c.failures)); console.log(o[0]?.cases.length, 'cases'); }).catch((e) => { console.log(e.diagnostics ? JSON.stringify(e.diagnostics, null, 1) : e); });
