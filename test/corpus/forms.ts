import { readdirSync } from 'node:fs';
import * as path from 'node:path';

/** The corpus folder: real forms transcribed as printed, each with an expected-result file. */
export const CORPUS = path.resolve(__dirname);

/** The seed's two forms (Hunan) are kept in examples/; the corpus lists them by an expected file of their own. */
const ELSEWHERE: Record<string, string> = {
  'hunan-zhuzhou-2020-department': '../../examples/zhuzhou-2020/department.actuals.yaml',
  'hunan-zhuzhou-2020-project': '../../examples/zhuzhou-2020/project.actuals.yaml',
};

export interface CorpusForm {
  /** province-place-year, as the files are named. */
  name: string;
  actuals: string;
  definitions: string;
  expected: string;
}

/** Forms written here for each framework the shipped rule sets know, modelled on the documents that define them. */
export const WRITTEN = path.join(CORPUS, 'written');

/** Every form of a corpus folder (the real forms by default), by its expected-result file. */
export function corpusForms(folder = CORPUS): CorpusForm[] {
  return readdirSync(folder)
    .filter((f) => f.endsWith('.expected.yaml'))
    .sort()
    .map((f) => {
      const name = f.replace('.expected.yaml', '');
      const actuals = path.resolve(folder, ELSEWHERE[name] ?? `${name}.actuals.yaml`);
      return {
        name,
        actuals,
        definitions: actuals.replace('.actuals.yaml', '.indicators.yaml'),
        expected: path.join(folder, f),
      };
    });
}
