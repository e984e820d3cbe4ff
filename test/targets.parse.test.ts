import { parseValue } from '../src/targets/parse';

type Row = [
  raw: string,
  kind: string,
  comparator?: string | undefined,
  value?: string | undefined,
  unit?: string | undefined,
  extra?: Partial<{ approximate: boolean; qualifier: string; magnitude: string; band: string | null; date: string }>,
];

/** Real strings from the seed forms, DESIGN §2.5 and common provincial templates. */
const TABLE: Row[] = [
  ['≥95%', 'number', '>=', '95', '%'],
  ['>=85', 'number', '>=', '85', ''],
  ['≤300万元', 'number', '<=', '3000000', '元', { magnitude: '万' }],
  ['＝8个', 'number', '=', '8', '个'],
  ['500篇以上', 'number', '>=', '500', '篇'],
  ['500 篇以上', 'number', '>=', '500', '篇'],
  ['700条以上', 'number', '>=', '700', '条'],
  ['98%以上', 'number', '>=', '98', '%'],
  ['24天以内', 'number', '<=', '24', '天'],
  ['不低于90%', 'number', '>=', '90', '%'],
  ['不超过5%', 'number', '<=', '5', '%'],
  ['100%', 'number', 'none', '100', '%'],
  ['1', 'number', 'none', '1', ''],
  ['150万', 'number', 'none', '1500000', '', { magnitude: '万' }],
  ['2.4万余条', 'number', 'none', '24000', '条', { approximate: true, magnitude: '万' }],
  ['600余篇', 'number', 'none', '600', '篇', { approximate: true }],
  ['600 余篇', 'number', 'none', '600', '篇', { approximate: true }],
  ['24万件', 'number', 'none', '240000', '件', { magnitude: '万' }],
  ['11.376万元', 'number', 'none', '113760', '元', { magnitude: '万' }],
  ['738 条', 'number', 'none', '738', '条'],
  ['97.64%', 'number', 'none', '97.64', '%'],
  ['61 户', 'number', 'none', '61', '户'],
  ['310 万元', 'number', 'none', '3100000', '元', { magnitude: '万' }],
  ['5531.1 万元', 'number', 'none', '55311000', '元', { magnitude: '万' }],
  ['同比下降 5%', 'number', 'none', '5', '%', { qualifier: '同比下降' }],
  ['同比下降 8%', 'number', 'none', '8', '%', { qualifier: '同比下降' }],
  ['节省 128.7', 'number', 'none', '128.7', '', { qualifier: '节省' }],
  ['满意度≥90%', 'number', '>=', '90', '%', { qualifier: '满意度' }],
  ['约300人次', 'number', 'none', '300', '人次', { approximate: true }],
  ['近200人次', 'number', 'none', '200', '人次', { approximate: true }],
  ['1,234.5元', 'number', 'none', '1234.5', '元'],
  ['5个百分点以内', 'number', '<=', '5', '个百分点'],
  ['≤25万元/公里', 'number', '<=', '250000', '元/公里', { magnitude: '万' }],
  ['不超过2.5元/吨', 'number', '<=', '2.5', '元/吨'],
  ['至少3次', 'number', '>=', '3', '次'],
  ['高于80%', 'number', '>', '80', '%'],
  ['低于1%', 'number', '<', '1', '%'],
  ['控制在5%以内', 'number', '<=', '5', '%'],
  ['不少于12期', 'number', '>=', '12', '期'],
  ['1.2亿元', 'number', 'none', '120000000', '元', { magnitude: '亿' }],
  ['０起', 'number', 'none', '0', '起'],
  ['95％', 'number', 'none', '95', '%'],
  ['80%左右', 'number', 'none', '80', '%', { approximate: true }],
  ['12月底前完成', 'date', '<=', undefined, undefined, { date: '2020-12-31' }],
  ['2021年11月30日前', 'date', '<=', undefined, undefined, { date: '2021-11-30' }],
  ['2023年11月18日', 'date', 'none', undefined, undefined, { date: '2023-11-18' }],
  ['6月底前', 'date', '<=', undefined, undefined, { date: '2020-06-30' }],
  ['2021-06-30前', 'date', '<=', undefined, undefined, { date: '2021-06-30' }],
  ['年底前完成', 'date', '<=', undefined, undefined, { date: '2020-12-31' }],
  ['9月中旬前', 'date', '<=', undefined, undefined, { date: '2020-09-20' }],
  ['逐年递减', 'text', undefined, undefined, undefined, { band: null }],
  ['较上年减少', 'text', undefined, undefined, undefined, { band: null }],
  ['全年无故障', 'text', undefined, undefined, undefined, { band: 'achieved' }],
  ['网站全年无故障', 'text', undefined, undefined, undefined, { band: 'achieved' }],
  ['长期', 'text', undefined, undefined, undefined, { band: null }],
  ['全省前列', 'text', undefined, undefined, undefined, { band: null }],
  ['全省第二', 'text', undefined, undefined, undefined, { band: null }],
  ['规定时间内', 'text', undefined, undefined, undefined, { band: null }],
  ['全部按时完成', 'text', undefined, undefined, undefined, { band: 'achieved' }],
  ['内、外 2 个网络', 'text', undefined, undefined, undefined, { band: null }],
  ['门户网站、市长热线 2 个平台', 'text', undefined, undefined, undefined, { band: null }],
  ['办理 24 万余件市民热线', 'text', undefined, undefined, undefined, { band: null }],
  ['基本完成', 'text', undefined, undefined, undefined, { band: 'partial' }],
  ['基本达到', 'text', undefined, undefined, undefined, { band: 'partial' }],
  ['未完成', 'text', undefined, undefined, undefined, { band: 'notAchieved' }],
  ['未能完成', 'text', undefined, undefined, undefined, { band: null }],
  ['是', 'text', undefined, undefined, undefined, { band: 'achieved' }],
  ['否', 'text', undefined, undefined, undefined, { band: 'notAchieved' }],
  ['合格', 'text', undefined, undefined, undefined, { band: 'achieved' }],
  ['较好', 'text', undefined, undefined, undefined, { band: 'partial' }],
  ['效果明显', 'text', undefined, undefined, undefined, { band: null }],
  ['/', 'notApplicable'],
  ['／', 'notApplicable'],
  ['—', 'notApplicable'],
  ['', 'empty'],
  ['   ', 'empty'],
  // issue: real forms from other provinces (every string it quotes)
  ['80万元', 'number', 'none', '800000', '元', { magnitude: '万' }],
  ['≥95百分比', 'number', '>=', '95', '%'],
  ['≥80公里', 'number', '>=', '80', 'km'],
  ['85km', 'number', 'none', '85', 'km'],
  ['2800000元', 'number', 'none', '2800000', '元'],
  ['1.2亿元', 'number', 'none', '120000000', '元', { magnitude: '亿' }],
  ['下降12%', 'number', 'none', '12', '%', { qualifier: '下降' }],
  ['增长8%', 'number', 'none', '8', '%', { qualifier: '增长' }],
  ['同比下降≥5%', 'number', '>=', '5', '%', { qualifier: '同比下降' }],
  ['≥-5处', 'number', '>=', '-5', '处'],
  ['-10处', 'number', 'none', '-10', '处'],
  ['同比增长≥-5%', 'number', '>=', '-5', '%', { qualifier: '同比增长' }],
  ['5以内', 'number', '<=', '5', ''],
  ['5及以上', 'number', '>=', '5', ''],
  ['＞＝95%', 'number', '>=', '95', '%'],
  ['＜＝5%', 'number', '<=', '5', '%'],
  ['=>95%', 'number', '>=', '95', '%'],
  ['=<5%', 'number', '<=', '5', '%'],
  ['⩾95%', 'number', '>=', '95', '%'],
  ['⩽5%', 'number', '<=', '5', '%'],
  ['≧95%', 'number', '>=', '95', '%'],
  ['≦5%', 'number', '<=', '5', '%'],
  ['不高于5%', 'number', '<=', '5', '%'],
  ['不少于3个', 'number', '>=', '3', '个'],
  ['≤500元/人·月', 'number', '<=', '500', '元/人·月'],
  ['480元/人*月', 'number', 'none', '480', '元/人·月'],
  ['≥100人次/年', 'number', '>=', '100', '人次/年'],
  ['≥95%（百分比）', 'number', '>=', '95', '%'],
  ['≥95%(百分比)', 'number', '>=', '95', '%'],
  ['≥0个', 'number', '>=', '0', '个'],
  ['≥90%', 'number', '>=', '90', '%'],
  ['2023-12-05', 'date', 'none', undefined, undefined, { date: '2023-12-05' }],
  ['2023年12月5日', 'date', 'none', undefined, undefined, { date: '2023-12-05' }],
  ['已按期完工', 'text', undefined, undefined, undefined, { band: 'achieved' }],
  ['按时完成', 'text', undefined, undefined, undefined, { band: 'achieved' }],
  ['到0次', 'number', 'none', '0', '次', { qualifier: '到' }],
  ['9 5%', 'text', undefined, undefined, undefined, { band: null }],
];

describe('parseValue reads targets and actuals as written', () => {
  it('covers at least 50 real strings', () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(50);
  });

  it.each(TABLE)('%s → %s', (...row: Row) => {
    const [raw, kind, comparator, value, unit, extra = {}] = row;
    const p = parseValue(raw, { fiscalYear: 2020 });
    expect(p.kind).toBe(kind);
    expect(p.raw).toBe(raw);
    if (p.kind === 'number') {
      expect(p.comparator).toBe(comparator);
      expect(p.value.toFixed()).toBe(value);
      expect(p.unit).toBe(unit);
      expect(p.approximate).toBe(extra.approximate ?? false);
      expect(p.qualifier).toBe(extra.qualifier ?? '');
      expect(p.magnitude).toBe(extra.magnitude ?? null);
    }
    if (p.kind === 'date') {
      expect(p.comparator).toBe(comparator);
      const { year, month, day } = p.date;
      expect(`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`).toBe(extra.date);
    }
    if (p.kind === 'text') expect(p.band).toBe(extra.band);
  });

  it('keeps numbers exact (no binary float)', () => {
    const p = parseValue('0.1万元');
    expect(p.kind === 'number' && p.value.toFixed()).toBe('1000');
    const q = parseValue('1234567890.123456789元');
    expect(q.kind === 'number' && q.value.toFixed()).toBe('1234567890.123456789');
  });

  it('takes the fiscal year for a date without one', () => {
    const p = parseValue('12月底前完成', { fiscalYear: 2023 });
    expect(p.kind === 'date' && p.date).toEqual({ year: 2023, month: 12, day: 31 });
    expect(p.kind === 'date' && p.yearImplied).toBe(true);
  });

  it('rejects impossible dates rather than guessing', () => {
    expect(parseValue('2021年2月30日前').kind).toBe('text');
    expect(parseValue('13月底前').kind).toBe('text');
  });
});
