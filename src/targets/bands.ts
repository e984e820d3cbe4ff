import type { Band } from '../domain/model';

/**
 * Words that name a qualitative band (DESIGN §2.4). Whole-text matches win; then longer phrases are
 * looked for inside the text, negative and partial ones first, so 未完成 is never read as 完成.
 * Text that names no band gets null: the department must state the band, jixiao does not guess.
 */
const EXACT: Record<Band, readonly string[]> = {
  achieved: [
    '达成',
    '完成',
    '是',
    '好',
    '高',
    '合格',
    '符合',
    '及时',
    '达标',
    '优',
    '优秀',
    '满意',
    '全年无故障',
    '无故障',
    '已完成',
    '全部完成',
    '按时完成',
    '达到',
    '已达成',
    '全覆盖',
    '100%完成',
    '已完工',
    '按期完工',
    '已按期完工',
    '按期完成',
  ],
  partial: [
    '基本达到',
    '基本完成',
    '部分达成',
    '较好',
    '基本达成',
    '基本符合',
    '基本合格',
    '部分完成',
    '基本及时',
    '一般',
  ],
  notAchieved: ['未达成', '未完成', '否', '差', '较差', '不合格', '不符合', '未达到', '不及时', '滞后', '未达标'],
};

const CONTAINED_NEGATIVE = [
  '未达成',
  '未完成',
  '未达到',
  '不合格',
  '不符合',
  '未按时',
  '未按期',
  '未完工',
  '未达标',
  '不及时',
];
const CONTAINED_PARTIAL = [
  '基本达到',
  '基本完成',
  '部分达成',
  '基本达成',
  '基本符合',
  '基本合格',
  '部分完成',
  '基本及时',
];
const CONTAINED_ACHIEVED = [
  '全年无故障',
  '无故障',
  '已完成',
  '全部完成',
  '按时完成',
  '如期完成',
  '圆满完成',
  '按期完工',
  '完工',
  '达成',
  '完成',
  '合格',
  '符合',
  '及时',
  '达标',
];
/** Text with these and no known negative phrase is too uncertain to read as achieved. */
const NEGATION = /未|不|没|无法|否|尚/;

export const BAND_INPUT: Record<string, Band> = {
  达成: 'achieved',
  部分达成: 'partial',
  未达成: 'notAchieved',
  achieved: 'achieved',
  partial: 'partial',
  notAchieved: 'notAchieved',
};

export function bandOfText(text: string): Band | null {
  const t = text.replace(/\s+/g, '');
  for (const band of ['achieved', 'partial', 'notAchieved'] as const) {
    if (EXACT[band].includes(t)) return band;
  }
  if (CONTAINED_NEGATIVE.some((w) => t.includes(w))) return 'notAchieved';
  if (CONTAINED_PARTIAL.some((w) => t.includes(w))) return 'partial';
  const withoutKnownPhrases = CONTAINED_ACHIEVED.reduce((rest, w) => rest.split(w).join(''), t);
  if (NEGATION.test(withoutKnownPhrases)) return null;
  if (CONTAINED_ACHIEVED.some((w) => t.includes(w))) return 'achieved';
  return null;
}
