import { textOfRef } from '../src/errors/texts';
import { showDay } from '../src/scoring/methods/describe';
import { CLEAN, runCli } from './helpers';

// 计算过程 in the reader's language: --lang en gives English explanations; Chinese stays what forms print.

const HAN = /[\u4e00-\u9fff]/;

describe('the 计算过程 follows --lang', () => {
  test("English: the budget line and every row explained in English; only the form's own words (units, names) stay Chinese", async () => {
    const json = JSON.parse((await runCli('score', CLEAN, '--lang', 'en', '--json')).out) as {
      budget: { explanation: string };
      indicators: { id: string; explanation: string }[];
    };
    expect(json.budget.explanation).toBe(
      'Budget execution: executed 1156.4 ÷ full-year budget 1180 (10,000 yuan) = 98%; 10×98%=9.8 pts',
    );
    const row = (id: string): string => json.indicators.find((r) => r.id === id)?.explanation ?? '';
    expect(row('1.4')).toBe('Deadline: done 2023-11-18, not later than 2023-11-30; full score 10 pts');
    expect(row('2.1')).toMatch(/^Lower is better: actual 2\.3元\/吨 ≤ target 2\.5元\/吨/);
    expect(row('2.4')).toBe('Does not apply; not scored');
    expect(row('2.5')).toBe('Qualitative: target achieved; full score 10 pts');
    // what is left in Chinese is the clerk's own text (units as written), never the explanation's words
    for (const r of json.indicators)
      expect([r.id, r.explanation.replace(/\d[^\s;,]*/g, '')]).toEqual([r.id, expect.not.stringMatching(HAN)]);
    const text = await runCli('score', CLEAN, '--lang', 'en');
    expect(text.out).toContain('Budget execution: executed 1156.4');
    expect(text.out).not.toContain('预算执行率：');
  });

  test('Chinese is unchanged: the words the printed form and the embedded data carry', async () => {
    const json = JSON.parse((await runCli('score', CLEAN, '--json')).out) as {
      budget: { explanation: string };
      indicators: { id: string; explanation: string }[];
    };
    expect(json.budget.explanation).toBe('预算执行率：全年执行数1156.4万元÷全年预算数1180万元=98%，10×98%=9.8分');
    expect(json.indicators.find((r) => r.id === '1.4')?.explanation).toBe(
      '时效指标：实际2023年11月18日，不晚于目标2023年11月30日，得满分10分',
    );
  });
});

test('an English date is ISO, zero-padded; the Chinese one as the forms write it', () => {
  const day = showDay({ year: 2024, month: 1, day: 5 } as Parameters<typeof showDay>[0]);
  expect([textOfRef(day, 'en'), textOfRef(day, 'zh')]).toEqual(['2024-01-05', '2024年1月5日']);
});
