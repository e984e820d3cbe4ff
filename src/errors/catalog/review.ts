import type { CatalogEntry } from './entry';

/** The re-check bench: its folder's files, the 复核底稿 read back and its cells. */
export const REVIEW = {
  REVIEW_JSON_DAMAGED: {
    severity: 'error',
    zh: '{path} 不是 jixiao review 写出的 review.json：{detail}',
    en: '{path} is not a review.json written by jixiao review: {detail}',
    hintZh: '在复核目录中重新运行 jixiao review（已填的复核底稿会保留），再导入。',
    hintEn: 'Run jixiao review into the review folder again (the filled review worksheet is kept), then import.',
  },
  REVIEW_SCORE_OUT_OF_RANGE: {
    severity: 'error',
    zh: '复核得分 {score} 不在 0 到分值 {max} 之间',
    en: 'The re-check score {score} is not between 0 and the row points {max}',
    hintZh: '填写 0 到 {max} 之间的分数，或清空此格。',
    hintEn: 'Enter a score from 0 to {max}, or clear the cell.',
  },
  REVIEW_ROW_UNNAMED: {
    severity: 'error',
    zh: '这一行填了复核内容，但“表单”或“指标编号”是空的',
    en: 'This row holds re-check entries but its form or indicator id is empty',
    hintZh: '不要清空或改写“表单”“指标编号”两列；从重新生成的 复核.xlsx 中复制回来。',
    hintEn:
      'Do not clear or change the form and indicator id columns; copy them back from a newly written review workbook.',
  },
  REVIEW_UNKNOWN_FORM: {
    severity: 'error',
    zh: '复核底稿中的表单「{form}」不在 review.json 中',
    en: 'The form "{form}" of the worksheet is not in review.json',
    hintZh: '复核底稿须与同一目录中的 review.json 出自同一次 jixiao review；不要改写“表单”列。',
    hintEn:
      'The worksheet must come from the same jixiao review run as the review.json beside it; do not change the form column.',
  },
  REVIEW_UNKNOWN_INDICATOR: {
    severity: 'error',
    zh: '表单「{form}」中没有编号为「{id}」的指标',
    en: 'The form "{form}" has no indicator "{id}"',
    hintZh: '不要改写“指标编号”列；表单若已修改，先重新运行 jixiao review。',
    hintEn: 'Do not change the indicator id column; if the form changed, run jixiao review again first.',
  },
  SHEET_MISSING: {
    severity: 'error',
    zh: '工作簿 {path} 中没有工作表“{sheet}”',
    en: 'The workbook {path} has no sheet "{sheet}"',
    hintZh: '用 jixiao review 生成的 复核.xlsx 填写复核底稿，不要改工作表名称。',
    hintEn: 'Fill in the worksheet of the review workbook that jixiao review wrote; keep the sheet names.',
  },
  SHEET_COLUMNS_MISSING: {
    severity: 'error',
    zh: '工作表“{sheet}”缺少列：{columns}',
    en: 'The sheet "{sheet}" lacks the columns: {columns}',
    hintZh: '不要删除或改写表头行；可以从 jixiao review 重新生成的 复核.xlsx 中把表头复制回来。',
    hintEn:
      'Do not delete or rename the header row; copy it back from a review workbook that jixiao review writes again.',
  },
  REVIEW_PARAMETER_UNKNOWN: {
    severity: 'error',
    zh: '复核规则「{rule}」比较的参数 {parameter} 在规则集中没有定义',
    en: 'The review rule "{rule}" compares with the parameter {parameter}, which the rule set does not define',
    hintZh: '在 parameters 下定义它，或改用已有的参数：{known}。',
    hintEn: 'Define it under parameters, or use one that exists: {known}.',
  },
  REVIEW_TESTS_MISSING: {
    severity: 'warning',
    zh: '复核规则集没有测试文件 {path}',
    en: 'The review rule set has no test file {path}',
    hintZh:
      '为每条规则写一个触发的用例和一个不触发的用例（fires / silent），可参照 jixiao 自带的 review-default.test.yaml。',
    hintEn:
      'Write a case where each rule fires and one where it does not (fires / silent), as the shipped review-default.test.yaml does.',
  },
  REVIEW_RULE_UNTESTED: {
    severity: 'warning',
    zh: '复核规则「{rule}」（{code}）没有 {when} 的测试用例',
    en: 'No test case has the review rule "{rule}" ({code}) under {when}',
    hintZh: '在测试文件中加一个用例，把 {code} 写在 {when} 下。',
    hintEn: 'Add a case to the test file with {code} under {when}.',
  },
} as const satisfies Record<string, CatalogEntry>;
