import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFName } from '@cantoo/pdf-lib';
import { renderForms } from '../src/pipeline/render';
import { keygen } from '../src/pipeline';
import { verifyPdf } from '../src/verify';
import { signFile } from '../src/pipeline/sign';
import { makeTestP12 } from '../src/sign/keygen';
import { PROJECT, ROOT, runCli, tempDir } from './helpers';
import { qpdfCheck, rasterize } from './pdfTools';

const dir = tempDir('jixiao-sign-');
const at = (f: string): string => path.join(dir, f);
const PASSWORD = 'test-password-不外泄';
const CA_PASSWORD = 'ca-secret';
const SIGNERS = [
  ['preparer', '测试填表人甲'],
  ['reviewer', '测试审核人乙'],
  ['head', '测试负责人丙'],
  // the unit seals last, with the unit's certificate (its CN is the form's 单位名称)
  ['seal', '株洲市人民政府办公室'],
] as const;

/** The attached jixiao-data.json, read back with poppler's pdfdetach. */
function detached(file: string): Record<string, unknown> {
  const out = path.join(tempDir('jixiao-detach-'), 'data.json');
  execFileSync('pdfdetach', ['-save', '1', '-o', out, file]);
  return JSON.parse(readFileSync(out, 'utf8')) as Record<string, unknown>;
}

function pdfsig(file: string, nss?: string): string {
  const r = spawnSync('pdfsig', [...(nss ? ['-nssdir', `sql:${nss}`] : []), file], { encoding: 'utf8' });
  return `${r.stdout}${r.stderr}`;
}

beforeAll(async () => {
  const [form] = await renderForms([PROJECT], { explain: false });
  writeFileSync(at('unsigned.pdf'), form!.pdf!);
  const ca = keygen({ commonName: 'jixiao 测试根证书', password: CA_PASSWORD, ca: true });
  writeFileSync(at('ca.p12'), ca.p12);
  writeFileSync(at('ca.pem'), ca.pem);
  let current = at('unsigned.pdf');
  for (const [role, cn] of SIGNERS) {
    writeFileSync(
      at(`${role}.p12`),
      keygen({ commonName: cn, password: PASSWORD, issuer: { file: at('ca.p12'), password: CA_PASSWORD } }).p12,
    );
    const { pdf } = await signFile(current, {
      p12: at(`${role}.p12`),
      password: PASSWORD,
      role,
      reason: `${cn}确认无误`,
      location: '株洲市',
    });
    current = at(`signed-${role}.pdf`);
    writeFileSync(current, pdf);
  }
}, 120_000);

describe('four sequential signatures (填表人 → 审核人 → 单位负责人 → 单位盖章) by certificates with Chinese names, issued by a test CA', () => {
  const final = (): string => at('signed-seal.pdf');

  it('pdfsig reports each signature valid, the last covering the whole document', () => {
    const out = pdfsig(final());
    expect(out.match(/Signature is Valid/g)).toHaveLength(4);
    for (const [, cn] of SIGNERS) expect(out).toContain(`Signer Certificate Common Name: ${cn}`);
    const blocks = out.split(/Signature #\d:/).slice(1);
    expect(blocks[3]).toContain('Total document signed');
    expect(blocks[0]).toContain('Not total document signed');
  });

  it('with the test CA in an NSS database, every certificate is trusted', () => {
    const nss = tempDir('jixiao-nss-');
    execFileSync('certutil', ['-N', '-d', `sql:${nss}`, '--empty-password']);
    execFileSync('certutil', ['-A', '-d', `sql:${nss}`, '-n', 'jixiao-test-ca', '-t', 'CT,C,C', '-i', at('ca.pem')]);
    const out = pdfsig(final(), nss);
    expect(out.match(/Certificate is Trusted/g)).toHaveLength(4);
  });

  it('stores Chinese reason, name and location correctly', async () => {
    const info = pdfsig(final());
    expect(info).toContain('Signature Field Name: jixiao-preparer');
    const report = await verifyPdf(final());
    expect(report.signatures.map((s) => s.signer)).toEqual(SIGNERS.map(([, cn]) => cn));
    const raw = readFileSync(final()).toString('latin1');
    // Reason and Location are UTF-16BE hex strings (FEFF…), so Chinese survives any reader
    const reason = Buffer.from('测试填表人甲确认无误', 'utf16le').swap16().toString('hex').toUpperCase();
    expect(raw.toUpperCase()).toContain(`FEFF${reason}`);
    const location = Buffer.from('株洲市', 'utf16le').swap16().toString('hex').toUpperCase();
    expect(raw.toUpperCase()).toContain(`FEFF${location}`);
  });

  it('passes qpdf --check and every signature box is visible on the rasterized page', () => {
    expect(qpdfCheck(final()).ok).toBe(true);
    const data = detached(final()) as { signatureBoxes: { role: string; page: number; rect: number[] }[] };
    expect(data.signatureBoxes.map((b) => b.role)).toEqual(['preparer', 'reviewer', 'head', 'seal']);
    const dpi = 72; // 1 px = 1 pt
    const unsigned = rasterize(at('unsigned.pdf'), data.signatureBoxes[0]!.page + 1, dpi);
    const signed = rasterize(final(), data.signatureBoxes[0]!.page + 1, dpi);
    for (const box of data.signatureBoxes) {
      const [x1, y1, x2, y2] = box.rect as [number, number, number, number];
      let changed = 0;
      let blueish = 0;
      // compare the inside of the box (below the printed label) before and after signing
      for (let y = Math.ceil(signed.height - y2 + 18); y < signed.height - y1 - 2; y++) {
        for (let x = Math.ceil(x1 + 2); x < x2 - 2; x++) {
          const i = (signed.width * y + x) * 4;
          if (signed.data[i] !== unsigned.data[i] || signed.data[i + 2] !== unsigned.data[i + 2]) changed++;
          if (signed.data[i + 2]! > signed.data[i]! + 40) blueish++;
        }
      }
      expect(changed).toBeGreaterThan(100);
      expect(blueish).toBeGreaterThan(50); // the signature appearance is drawn in blue ink
    }
  });

  it('jixiao verify agrees with pdfsig on the valid files', async () => {
    // each stage is checked for the roles signed by then: only the last is the finished form
    const stages: [file: string, roles: ('preparer' | 'reviewer' | 'head' | 'seal')[]][] = [
      ['signed-preparer.pdf', ['preparer']],
      ['signed-reviewer.pdf', ['preparer', 'reviewer']],
      ['signed-head.pdf', ['preparer', 'reviewer', 'head']],
      ['signed-seal.pdf', ['preparer', 'reviewer', 'head', 'seal']],
    ];
    for (const [name, roles] of stages) {
      const file = at(name);
      const report = await verifyPdf(file, { trust: [at('ca.pem')], requiredRoles: roles });
      // by default every role is required: only the finished form passes
      expect((await verifyPdf(file, { trust: [at('ca.pem')] })).ok).toBe(roles.length === 4);
      const out = pdfsig(file);
      expect(report.signatures.length).toBe((out.match(/Signature #/g) ?? []).length);
      expect(report.signatures.every((s) => s.valid)).toBe(
        out.match(/Signature is Valid/g)?.length === report.signatures.length,
      );
      expect(report.ok).toBe(true);
      // without the root the same file is intact, but who signed it is not verified
      const untrusted = await verifyPdf(file, { env: {} });
      expect([untrusted.intact, untrusted.identityVerified, untrusted.ok]).toEqual([true, false, false]);
      expect(report.embedded.rescoreMatches).toBe(true);
    }
  });

  it('each signature is its own revision; earlier ones stay byte for byte', () => {
    const files = SIGNERS.map(([role]) => readFileSync(at(`signed-${role}.pdf`)));
    for (let i = 1; i < files.length; i++)
      expect(files[i]!.subarray(0, files[i - 1]!.length).equals(files[i - 1]!)).toBe(true);
  });

  it('the first signature certifies the document (DocMDP, P 2: fill in and sign only); the later ones do not', async () => {
    const doc = await PDFDocument.load(readFileSync(final()), { updateMetadata: false });
    const perms = doc.catalog.lookup(PDFName.of('Perms'), PDFDict);
    const certifying = perms.lookup(PDFName.of('DocMDP'), PDFDict);
    const reference = certifying.lookup(PDFName.of('Reference'), PDFArray).lookup(0, PDFDict);
    expect(reference.lookup(PDFName.of('TransformMethod'))).toBe(PDFName.of('DocMDP'));
    expect(reference.lookup(PDFName.of('TransformParams'), PDFDict).lookup(PDFName.of('P'))?.toString()).toBe('2');
    const report = await verifyPdf(final(), { trust: [at('ca.pem')] });
    expect(report.signatures.map((s) => [s.role, s.certifies])).toEqual([
      ['preparer', 2],
      ['reviewer', null],
      ['head', null],
      ['seal', null],
    ]);
    const run = await runCli('verify', final(), '--trust', at('ca.pem'));
    expect(run.out).toContain('认证签名（DocMDP P=2）：此后只允许填写表单域和追加签名');
    expect(run.code).toBe(0);
  });
});

describe('verification fails when the file was changed', () => {
  it('fails for a single byte flipped at 200+ positions spread over every signed range', async () => {
    const original = readFileSync(at('signed-head.pdf'));
    const report = await verifyPdf(at('signed-head.pdf'));
    const ranges = report.signatures.flatMap((s) => [
      [s.byteRange[0], s.byteRange[0] + s.byteRange[1]],
      [s.byteRange[2], s.byteRange[2] + s.byteRange[3]],
    ]) as [number, number][];
    // the union of signed bytes: everything outside the /Contents holes of all signatures
    const holes = report.signatures.map((s) => [s.byteRange[1], s.byteRange[2]] as const);
    const signedByAll = (p: number): boolean =>
      ranges.some(([lo, hi]) => p >= lo && p < hi) && !holes.some(([lo, hi]) => p >= lo && p < hi);
    const positions: number[] = [];
    const step = Math.floor(original.length / 320);
    for (let p = 7; p < original.length && positions.length < 240; p += step) if (signedByAll(p)) positions.push(p);
    expect(positions.length).toBeGreaterThanOrEqual(200);
    const file = at('flipped.pdf');
    let detected = 0;
    for (const p of positions) {
      const copy = Buffer.from(original);
      copy[p] = copy[p]! ^ 0x01;
      writeFileSync(file, copy);
      const r = await verifyPdf(file);
      if (!r.intact) detected++;
    }
    expect(detected).toBe(positions.length);
  }, 180_000);

  it('fails for an unsigned incremental update that changes page content', async () => {
    const doc = await PDFDocument.load(readFileSync(at('signed-head.pdf')), {
      forIncrementalUpdate: true,
      updateMetadata: false,
    });
    doc.getPage(0).drawText('TAMPERED', { x: 50, y: 50, size: 30 });
    const tampered = await doc.commit({ useObjectStreams: false });
    writeFileSync(at('appended-page.pdf'), tampered);
    const report = await verifyPdf(at('appended-page.pdf'), { trust: [at('ca.pem')] });
    expect(report.intact).toBe(false);
    expect(report.identityVerified).toBe(true);
    expect(report.unsignedBytesAfterLast).toBeGreaterThan(0);
    expect(report.signatures.every((s) => s.digestValid && s.signatureValid)).toBe(true); // the signatures themselves still hold
    const cli = await runCli('verify', at('appended-page.pdf'), '--trust', at('ca.pem'));
    expect(cli.code).toBe(1);
    expect(cli.out).toContain('未签名的内容');
  });

  it('fails for an unsigned incremental update that replaces the embedded data', async () => {
    const doc = await PDFDocument.load(readFileSync(at('signed-head.pdf')), {
      forIncrementalUpdate: true,
      updateMetadata: false,
    });
    const data = detached(at('signed-head.pdf'));
    await doc.attach(Buffer.from(JSON.stringify({ ...data, createdAt: 'changed' })), 'jixiao-data.json', {
      mimeType: 'application/json',
    });
    writeFileSync(at('appended-data.pdf'), await doc.commit({ useObjectStreams: false }));
    const report = await verifyPdf(at('appended-data.pdf'), { trust: [at('ca.pem')] });
    expect(report.intact).toBe(false);
    expect(report.unsignedBytesAfterLast).toBeGreaterThan(0);
  });

  it('fails when the embedded result no longer matches its re-score, even when signed', async () => {
    // build a PDF whose embedded result claims a different total, then sign it properly
    const [form] = await renderForms([PROJECT], { explain: false });
    const doc = await PDFDocument.load(form!.pdf!, { updateMetadata: false });
    const data = detached(at('unsigned.pdf')) as { result: { total: string } };
    data.result.total = '99.5';
    // the rendered form carries its data as an embedded file, replaced here by the forged one
    const names = doc.catalog.lookup(PDFName.of('Names'), PDFDict);
    expect(names.lookup(PDFName.of('EmbeddedFiles'))).toBeInstanceOf(PDFDict);
    doc.catalog.delete(PDFName.of('Names'));
    doc.catalog.delete(PDFName.of('AF'));
    await doc.attach(Buffer.from(JSON.stringify(data)), 'jixiao-data.json', { mimeType: 'application/json' });
    writeFileSync(at('forged.pdf'), await doc.save({ useObjectStreams: false }));
    const { pdf } = await signFile(at('forged.pdf'), { p12: at('preparer.p12'), password: PASSWORD, role: 'preparer' });
    writeFileSync(at('forged-signed.pdf'), pdf);
    const report = await verifyPdf(at('forged-signed.pdf'), { trust: [at('ca.pem')] });
    expect(report.signatures.every((s) => s.valid)).toBe(true);
    expect(report.embedded.rescoreMatches).toBe(false);
    expect(report.embedded.differences).toContain('total');
    expect(report.identityVerified).toBe(true);
    expect(report.intact).toBe(false);
  });
});

describe('signing refuses bad keys and roles, and writes nothing', () => {
  const refuse = async (
    options: Partial<Parameters<typeof signFile>[1]>,
    code: string,
    pdf = at('unsigned.pdf'),
  ): Promise<void> => {
    await expect(
      signFile(pdf, { p12: at('preparer.p12'), password: PASSWORD, role: 'preparer', ...options }),
    ).rejects.toMatchObject({
      diagnostics: [expect.objectContaining({ code })],
    });
  };

  it('a wrong password', () => refuse({ password: 'wrong' }, 'WRONG_PASSWORD'));
  it('a role already signed', () => refuse({ role: 'preparer' }, 'ROLE_ALREADY_SIGNED', at('signed-preparer.pdf')));

  it('an expired certificate (a warning with --allow-expired)', async () => {
    const old = makeTestP12(
      { commonName: '过期证书', notBefore: new Date('2020-01-01'), notAfter: new Date('2021-01-01') },
      PASSWORD,
    );
    writeFileSync(at('expired.p12'), old);
    await refuse({ p12: at('expired.p12') }, 'CERT_EXPIRED');
    const { warnings } = await signFile(at('unsigned.pdf'), {
      p12: at('expired.p12'),
      password: PASSWORD,
      role: 'preparer',
      allowExpired: true,
    });
    expect(warnings.map((w) => w.code)).toEqual(['CERT_EXPIRED_WARNING']);
  });

  it('a non-RSA key', async () => {
    const key = at('ec.key');
    const cert = at('ec.crt');
    execFileSync('openssl', [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      '30',
      '-subj',
      '/CN=EC test',
    ]);
    execFileSync('openssl', [
      'pkcs12',
      '-export',
      '-inkey',
      key,
      '-in',
      cert,
      '-out',
      at('ec.p12'),
      '-passout',
      'pass:ec-password',
    ]);
    await refuse({ p12: at('ec.p12'), password: 'ec-password' }, 'NON_RSA_KEY');
  });

  it('the CLI writes nothing on refusal and exits 1', async () => {
    const before = readFileSync(at('signed-preparer.pdf'));
    process.env.JIXIAO_P12_PASSWORD = PASSWORD;
    try {
      const run = await runCli(
        'sign',
        at('signed-preparer.pdf'),
        '--p12',
        at('preparer.p12'),
        '--role',
        '填表人',
        '-o',
        at('should-not-exist.pdf'),
      );
      expect(run.code).toBe(1);
      expect(run.err).toContain('ROLE_ALREADY_SIGNED');
    } finally {
      delete process.env.JIXIAO_P12_PASSWORD;
    }
    expect(() => readFileSync(at('should-not-exist.pdf'))).toThrow();
    expect(readFileSync(at('signed-preparer.pdf')).equals(before)).toBe(true);
  });
});

describe('the password stays secret', () => {
  it('is read from the environment, never from the arguments, and never printed', () => {
    const out = at('pw-signed.pdf');
    copyFileSync(at('unsigned.pdf'), at('pw.pdf'));
    const args = [
      path.join(ROOT, 'dist/cli/main.js'),
      'sign',
      at('pw.pdf'),
      '--p12',
      at('preparer.p12'),
      '--role',
      '填表人',
      '-o',
      out,
    ];
    const child = spawnSync(process.execPath, args, {
      env: { ...process.env, JIXIAO_P12_PASSWORD: PASSWORD },
      encoding: 'utf8',
    });
    expect(child.status).toBe(0);
    expect(`${child.stdout}${child.stderr}`).not.toContain(PASSWORD);
    expect(readFileSync(out).includes(Buffer.from(PASSWORD))).toBe(false);

    const wrong = spawnSync(process.execPath, args, {
      env: { ...process.env, JIXIAO_P12_PASSWORD: `${PASSWORD}x` },
      encoding: 'utf8',
    });
    expect(wrong.status).toBe(1);
    expect(`${wrong.stdout}${wrong.stderr}`).not.toContain(PASSWORD);

    // with no variable and no terminal, it says how to give one instead of hanging or taking argv
    const env = { ...process.env };
    delete env.JIXIAO_P12_PASSWORD;
    const none = spawnSync(process.execPath, args, { env, encoding: 'utf8', input: '' });
    expect(none.status).toBe(1);
    expect(none.stderr).toContain('PASSWORD_REQUIRED');
  });

  it('has no command-line option for it', async () => {
    const help = await runCli('sign', '--help');
    expect(help.out).not.toMatch(/--pass|--password/);
  });
});

describe('seal images and embedded inputs', () => {
  it('render leaves the seal box empty; the 单位盖章 signature draws the seal the actuals name; --seal draws one in any signature', async () => {
    const images = (file: string): number =>
      (execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).match(/\n\s+\d+\s+\d+\s+image/g) ?? []).length;
    const [form] = await renderForms(['examples/water-2023/project.actuals.yaml'], { explain: false });
    writeFileSync(at('water.pdf'), form!.pdf!);
    // the actuals name ./seal.png: carried in the embedded data, not printed before anyone signed
    expect(images(at('water.pdf'))).toBe(0);
    expect((detached(at('water.pdf')) as { sealImage: { type: string; base64: string } }).sealImage).toEqual({
      type: 'png',
      base64: readFileSync(path.join(ROOT, 'examples/water-2023/seal.png')).toString('base64'),
    });
    writeFileSync(
      at('water.preparer.pdf'),
      (await signFile(at('water.pdf'), { p12: at('preparer.p12'), password: PASSWORD, role: 'preparer' })).pdf,
    );
    writeFileSync(
      at('water.head.pdf'),
      (
        await signFile(at('water.preparer.pdf'), {
          p12: at('head.p12'),
          password: PASSWORD,
          role: 'head',
          seal: path.join(ROOT, 'examples/water-2023/seal.png'),
        })
      ).pdf,
    );
    expect(images(at('water.head.pdf'))).toBe(1);
    writeFileSync(
      at('water-unit.p12'),
      keygen({ commonName: '示例市水利局', password: PASSWORD, issuer: { file: at('ca.p12'), password: CA_PASSWORD } })
        .p12,
    );
    writeFileSync(
      at('water.sealed.pdf'),
      (await signFile(at('water.head.pdf'), { p12: at('water-unit.p12'), password: PASSWORD, role: 'seal' })).pdf,
    );
    expect(images(at('water.sealed.pdf'))).toBe(2);
    // the water form prints no 审核人 name, so its stage check names the three roles that signed
    const report = await verifyPdf(at('water.sealed.pdf'), {
      trust: [at('ca.pem')],
      requiredRoles: ['preparer', 'head', 'seal'],
    });
    expect(report.signatures.map((s) => [s.role, s.signer])).toEqual([
      ['preparer', '测试填表人甲'],
      ['head', '测试负责人丙'],
      ['seal', '示例市水利局'],
    ]);
    expect(report.ok).toBe(true);
  });

  it('the embedded inputs read back byte for byte', () => {
    const data = detached(at('signed-head.pdf')) as { inputs: Record<string, { name: string; text: string }> };
    expect(data.inputs.definitions!.text).toBe(
      readFileSync(path.join(ROOT, 'examples/zhuzhou-2020/project.indicators.yaml'), 'utf8'),
    );
    expect(data.inputs.actuals!.text).toBe(readFileSync(path.join(ROOT, PROJECT), 'utf8'));
    expect(data.inputs.ruleSet!.text).toBe(
      readFileSync(path.join(ROOT, 'indicators/rulesets/caiyu-2020-10.yaml'), 'utf8'),
    );
    const list = execFileSync('pdfdetach', ['-list', at('signed-head.pdf')], { encoding: 'utf8' });
    expect(list).toContain('jixiao-data.json');
  });
});

describe('signatures are found through the document structure', () => {
  it('a /ByteRange written in a comment is not a signature; a real one still is', async () => {
    const unsigned = readFileSync(at('unsigned.pdf'));
    const fake = Buffer.concat([
      unsigned,
      Buffer.from(`\n% /ByteRange [0 100 200 ${unsigned.length - 200}] /Contents <3082>\n`, 'latin1'),
    ]);
    writeFileSync(at('comment-byterange.pdf'), fake);
    const report = await verifyPdf(at('comment-byterange.pdf'), { trust: [at('ca.pem')] });
    expect(report.signatures).toHaveLength(0);
    expect(report.intact).toBe(false);
    // the same comment after a real signature: the signature is found (once), the comment is not
    const signed = readFileSync(at('signed-preparer.pdf'));
    writeFileSync(
      at('signed-comment.pdf'),
      Buffer.concat([signed, Buffer.from(`\n% /ByteRange [0 100 200 300]\n`, 'latin1')]),
    );
    const after = await verifyPdf(at('signed-comment.pdf'), { trust: [at('ca.pem')] });
    expect(after.signatures).toHaveLength(1);
    expect(after.signatures[0]!.role).toBe('preparer');
    expect(after.unsignedBytesAfterLast).toBeGreaterThan(0);
    expect(after.intact).toBe(false);
  });
});
