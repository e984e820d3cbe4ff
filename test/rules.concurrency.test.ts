import { plain } from '../src/domain/decimal';
import { compiled, loadRuleSet } from '../src/load/ruleSets';
import { scoreForm } from '../src/scoring/scoreForm';
import { loadForm } from '../src/load/loadForm';
import { CLEAN, DEPARTMENT, PROJECT } from './helpers';

describe('one compiled rule set, many forms at once', () => {
  it('scores forms concurrently exactly as it scores them one by one', async () => {
    const engine = compiled(loadRuleSet('caiyu-2020-10'));
    const inputs = [DEPARTMENT, PROJECT, CLEAN].map((f) => loadForm(f).input);
    const sequential: string[] = [];
    for (const input of inputs) sequential.push(plain((await scoreForm(input, engine)).total));
    const many = Array.from({ length: 30 }, (_, i) => inputs[i % inputs.length]!);
    const concurrent = await Promise.all(many.map(async (input) => plain((await scoreForm(input, engine)).total)));
    expect(concurrent).toEqual(many.map((_, i) => sequential[i % inputs.length]));
  });

  it('compiles a rule set once and reuses it', () => {
    const a = compiled(loadRuleSet('hubei'));
    const b = compiled(loadRuleSet('hubei'));
    expect(a).toBe(b);
  });
});
