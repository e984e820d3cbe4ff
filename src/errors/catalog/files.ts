import type { CatalogEntry } from './entry';

/** Reading files: paths, YAML, types and values of every file kind. */
export const FILES = {
  FILE_NOT_FOUND: {
    severity: 'error',
    zh: '找不到文件：{path}',
    en: 'File not found: {path}',
    hintZh: '检查路径是否正确；相对路径以引用它的文件所在目录为准。',
    hintEn: 'Check the path; a relative path is resolved from the folder of the file that names it.',
  },
  YAML_SYNTAX: {
    severity: 'error',
    zh: 'YAML 语法错误：{detail}',
    en: 'YAML syntax error: {detail}',
    hintZh: '检查缩进、冒号后的空格和引号是否成对。',
    hintEn: 'Check indentation, the space after each colon, and that quotes are paired.',
  },
  DUPLICATE_KEY: {
    severity: 'error',
    zh: '键「{key}」重复出现',
    en: 'Key "{key}" appears twice',
    hintZh: '删除或合并重复的键；同一层级每个键只能出现一次。',
    hintEn: 'Remove or merge the duplicate; each key may appear once at its level.',
  },
  UNKNOWN_KEY: {
    severity: 'error',
    zh: '未知的键「{key}」',
    en: 'Unknown key "{key}"',
    hintZh: '此处可用的键：{allowed}。检查拼写。',
    hintEn: 'Keys allowed here: {allowed}. Check the spelling.',
  },
  WRONG_TYPE: {
    severity: 'error',
    zh: '「{field}」应为{expected}，实际是{received}',
    en: '"{field}" must be {expected}, got {received}',
    hintZh: '按说明改写此值。',
    hintEn: 'Rewrite the value as described.',
  },
  ID_NOT_STRING: {
    severity: 'error',
    zh: '编号「{field}」必须是字符串，实际写成了数字 {received}',
    en: 'Id "{field}" must be a string, but a number {received} was written',
    hintZh: '给编号加引号，例如 id: "1.10"（不加引号 1.10 会被读成 1.1）。',
    hintEn: 'Quote the id, e.g. id: "1.10" (unquoted, 1.10 would be read as 1.1).',
  },
  REQUIRED: {
    severity: 'error',
    zh: '缺少必填项「{key}」',
    en: 'Required key "{key}" is missing',
    hintZh: '补上「{key}」。',
    hintEn: 'Add "{key}".',
  },
  INVALID_VALUE: {
    severity: 'error',
    zh: '「{field}」的值无效：{detail}',
    en: 'Invalid value for "{field}": {detail}',
    hintZh: '按说明改写此值。',
    hintEn: 'Rewrite the value as described.',
  },
  NUMBER_TOO_PRECISE: {
    severity: 'error',
    zh: '数字 {text} 的有效位数超过 15 位，无法精确读取',
    en: 'The number {text} has more than 15 significant digits and cannot be read exactly',
    hintZh: '给它加引号写成字符串，例如 "{text}"。',
    hintEn: 'Quote it as a string, e.g. "{text}".',
  },
  NEGATIVE_AMOUNT: {
    severity: 'error',
    zh: '金额「{field}」不能为负数：{value}',
    en: 'Amount "{field}" cannot be negative: {value}',
    hintZh: '填写 0 或正数（单位：万元）。',
    hintEn: 'Enter 0 or a positive amount (in units of 10,000 yuan).',
  },
} as const satisfies Record<string, CatalogEntry>;
