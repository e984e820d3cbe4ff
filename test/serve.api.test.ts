import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import { tempDir } from './helpers';
import { servedFolder, startServe, type Served } from './serveHarness';

/** /api/pdf as the page calls it: the PDF with its x-jixiao-* headers, a draft marked as one, and a 422 with the problems. */
jest.setTimeout(90_000);

let served: Served;

function post(
  s: Served,
  pathname: string,
  body: unknown,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const headers = {
      cookie: `jixiao_token=${s.token}`,
      host: `127.0.0.1:${s.port}`,
      origin: s.origin,
      'content-type': 'application/json',
    };
    const req = http.request({ host: '127.0.0.1', port: s.port, path: pathname, method: 'POST', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

beforeAll(async () => {
  served = await startServe(servedFolder());
});

afterAll(async () => {
  await served.stop();
});

describe('POST /api/pdf', () => {
  it('a complete form: the PDF, named after the form, with x-jixiao-status complete and 0 pending', async () => {
    const r = await post(served, '/api/pdf', { file: 'water/project.actuals.yaml', edits: [] });
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    expect(r.headers['content-disposition']).toBe("attachment; filename*=UTF-8''project.pdf");
    expect([r.headers['x-jixiao-status'], r.headers['x-jixiao-pending']]).toEqual(['complete', '0']);
    expect(r.body.subarray(0, 5).toString()).toBe('%PDF-');
    // the form alone, as render prints it without --explain; the 评分说明 appendix only when asked
    const dir = tempDir('jixiao-api-pdf-');
    writeFileSync(path.join(dir, 'plain.pdf'), r.body);
    expect(
      execFileSync('pdftotext', ['-enc', 'UTF-8', path.join(dir, 'plain.pdf'), '-'], { encoding: 'utf8' }),
    ).not.toContain('评分说明');
    const explained = await post(served, '/api/pdf', { file: 'water/project.actuals.yaml', edits: [], explain: true });
    writeFileSync(path.join(dir, 'explained.pdf'), explained.body);
    expect(
      execFileSync('pdftotext', ['-enc', 'UTF-8', path.join(dir, 'explained.pdf'), '-'], { encoding: 'utf8' }),
    ).toContain('评分说明');
  });

  it('an edit that leaves a row to complete: a draft PDF, x-jixiao-status draft and the count pending', async () => {
    const r = await post(served, '/api/pdf', {
      file: 'water/project.actuals.yaml',
      edits: [{ path: ['indicators', '1.1', 'actual'], value: '' }],
    });
    expect(r.status).toBe(200);
    expect([r.headers['x-jixiao-status'], r.headers['x-jixiao-pending']]).toEqual(['draft', '1']);
  });

  it('an edit the loader refuses: 422 with each problem, its code, message and fix; no PDF', async () => {
    const r = await post(served, '/api/pdf', {
      file: 'water/project.actuals.yaml',
      edits: [{ path: ['budget', 'executed'], value: '一千一百' }],
    });
    expect(r.status).toBe(422);
    expect(r.headers['content-type']).toMatch(/^application\/json/);
    const problems = (JSON.parse(r.body.toString()) as { problems: { code: string; message: string; fix: string }[] })
      .problems;
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toEqual({
      code: 'INVALID_VALUE',
      message: expect.stringMatching(/\S/),
      fix: expect.stringMatching(/\S/),
    });
    expect(r.headers['x-jixiao-status']).toBeUndefined();
  });
});

describe('one unreadable cell on the page', () => {
  const edits = [
    { path: ['budget', 'executed'], value: '2，450.6' },
    { path: ['indicators', '1.1', 'actual'], value: '10处' },
  ];

  it('/api/score: the rest is scored (row 1.1 at 8.33), the one cell is marked with the Chinese comma named', async () => {
    const r = await post(served, '/api/score', { file: 'water/project.actuals.yaml', edits });
    expect(r.status).toBe(200);
    const live = JSON.parse(r.body.toString()) as {
      status: string;
      total: string;
      rows: Record<string, { score: string }>;
      marks: { field: string | null; code: string; message: string }[];
    };
    expect(live.status).toBe('invalid');
    expect(live.rows['1.1']?.score).toBe('8.33');
    expect(live.total).not.toBe('');
    const cell = live.marks.find((m) => m.field === JSON.stringify(['budget', 'executed']));
    expect(cell?.code).toBe('INVALID_VALUE');
    expect(cell?.message).toContain('中文逗号「，」');
  });

  it('/api/save and /api/pdf refuse it (422) until the cell is fixed', async () => {
    for (const api of ['/api/save', '/api/pdf']) {
      const r = await post(served, api, { file: 'water/project.actuals.yaml', edits });
      expect(r.status).toBe(422);
      expect((JSON.parse(r.body.toString()) as { problems: { code: string }[] }).problems.map((p) => p.code)).toEqual([
        'INVALID_VALUE',
      ]);
    }
  });
});

describe('a late deadline row on the page', () => {
  const late = [{ path: ['indicators', '1.4', 'actual'], value: '2023年12月10日' }];

  it('the row has the 档次 control, like a qualitative row', async () => {
    const page = await new Promise<string>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: served.port,
          path: '/form?file=water%2Fproject.actuals.yaml',
          headers: { cookie: `jixiao_token=${served.token}`, host: `127.0.0.1:${served.port}` },
        },
        (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => (body += c));
          res.on('end', () => resolve(body));
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(page).toContain(
      `<select class="fill band" data-field="${JSON.stringify(['indicators', '1.4', 'band']).replace(/"/g, '&quot;')}"`,
    );
  });

  it('late with no band: marked as a 时效 row 10 days late, asking for the band', async () => {
    const r = await post(served, '/api/score', { file: 'water/project.actuals.yaml', edits: late });
    const live = JSON.parse(r.body.toString()) as { marks: { row: string | null; code: string; message: string }[] };
    const mark = live.marks.find((m) => m.row === '1.4');
    expect(mark?.code).toBe('LATE_DATE_BAND_REQUIRED');
    expect(mark?.message).toContain('比期限「2023年11月30日前」晚 10 天');
    expect(mark?.message).not.toContain('定性指标');
  });

  it('completed through the 档次 control: 部分达成, 7 of 10, with the reason: scored, the delay in its 计算过程', async () => {
    const edits = [
      ...late,
      { path: ['indicators', '1.4', 'band'], value: '部分达成' },
      { path: ['indicators', '1.4', 'declaredScore'], value: '7' },
      { path: ['indicators', '1.4', 'deviationReason'], value: '雨季停工十天' },
    ];
    const r = await post(served, '/api/score', { file: 'water/project.actuals.yaml', edits });
    const live = JSON.parse(r.body.toString()) as {
      status: string;
      rows: Record<string, { score: string; explanation: string }>;
      marks: { row: string | null; code: string }[];
    };
    expect(live.rows['1.4']?.score).toBe('7');
    expect(live.rows['1.4']?.explanation).toContain('时效指标（逾期10天）');
    expect(
      live.marks.filter((m) => m.row === '1.4' && m.code !== 'DECLARED_SCORE_MISMATCH').map((m) => m.code),
    ).toEqual([]);
  });
});

describe("the web page speaks the form's words", () => {
  const broken = [
    { path: ['budget', 'executed'], value: '900' },
    { path: ['budget', 'breakdown', 'currentYear', 'executed'], value: '2，450.6' },
    { path: ['budget', 'fullYearBudget'], value: '' },
    { path: ['indicators', '2.5', 'band'], value: '' },
    { path: ['indicators', '2.5', 'declaredScore'], value: '' },
    { path: ['indicators', '1.4', 'actual'], value: '2023年12月10日' },
    { path: ['indicators', '1.1', 'actual'], value: '十处' },
    { path: ['indicators', '1.2', 'actual'], value: '' },
    { path: ['indicators', '1.3', 'declaredScore'], value: '8' },
  ];

  it('no YAML key or data path in any mark of a badly filled form; each mark at the cell to fill', async () => {
    const r = await post(served, '/api/score', { file: 'water/project.actuals.yaml', edits: broken });
    const live = JSON.parse(r.body.toString()) as {
      marks: { code: string; field: string | null; message: string; fix: string }[];
    };
    expect(live.marks.length).toBeGreaterThan(6);
    const keys =
      /\b(band|reason|actual|declaredScore|deviationReason|improvement|initialBudget|fullYearBudget|executed|declaredRate|declaredTotal|indicators|budget|breakdown|currentYear|carryOver|overallGoal|signOff)\b/;
    for (const m of live.marks)
      expect([m.code, m.message, m.fix, keys.test(m.message + m.fix)]).toEqual([m.code, m.message, m.fix, false]);
    const at = (code: string): (string | null)[] => live.marks.filter((m) => m.code === code).map((m) => m.field);
    expect(at('INVALID_VALUE')).toEqual(
      expect.arrayContaining(['["budget","breakdown","currentYear","executed"]', '["budget","fullYearBudget"]']),
    );
    expect(live.marks.find((m) => m.field === '["budget","breakdown","currentYear","executed"]')?.message).toContain(
      '「当年财政拨款的全年执行数」',
    );
    // the budget's missing reason is asked for at 执行率偏低的原因, the late date's band at its 档次 list
    expect(at('LATE_DATE_BAND_REQUIRED')).toEqual(['["indicators","1.4","band"]']);
  });

  it('a low execution rate asks for its reason at the 执行率偏低的原因 row, and is silent once the reason is given', async () => {
    const low = [
      { path: ['budget', 'executed'], value: '900' },
      { path: ['budget', 'breakdown', 'currentYear', 'executed'], value: '900' },
    ];
    const r = await post(served, '/api/score', { file: 'water/project.actuals.yaml', edits: low });
    const marks = (JSON.parse(r.body.toString()) as { marks: { code: string; field: string | null; fix: string }[] })
      .marks;
    const reason = marks.find((m) => m.code === 'REASON_REQUIRED');
    expect(reason).toMatchObject({
      field: '["budget","reason"]',
      fix: '改法：在“执行率偏低的原因”一栏中填写原因分析及改进措施。',
    });
    const given = await post(served, '/api/score', {
      file: 'water/project.actuals.yaml',
      edits: [...low, { path: ['budget', 'reason'], value: '部分工程款次年结算' }],
    });
    const after = (JSON.parse(given.body.toString()) as { marks: { code: string }[] }).marks.map((m) => m.code);
    expect(after).not.toContain('REASON_REQUIRED');
    expect(after).not.toContain('LOW_EXECUTION_RATE');
  });
});
