import { scoreFile } from '../src/pipeline';
import { formatDiagnostic } from '../src/errors/message';
import { InputError } from '../src/errors/diagnostic';
test('x', async () => {
  for (const f of ['examples/zhuzhou-2020/department.actuals.yaml', 'examples/zhuzhou-2020/project.actuals.yaml']) {
  try {
    const { result } = await scoreFile(f);
    console.log(result.indicators.map(r => `${r.id} ${r.name} ${r.ruleScore} ${r.finalScore} ${r.method} ${r.explanation}`).join('\n'));
    console.log(result.total.toString(), result.grade, result.budget.explanation);
    console.log(result.warnings.map(w => formatDiagnostic(w)).join('\n'));
  } catch (e) { if (e instanceof InputError) console.log(e.diagnostics.map(d => formatDiagnostic(d)).join('\n')); else throw e; }
  }
});
