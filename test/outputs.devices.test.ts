import { execFileSync } from 'node:child_process';
import { lstatSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { runCli, tempDir } from './helpers';
import { describeWith } from './outsidePrograms';

// Writing onto a device must never replace it (as root, renaming over /dev/null breaks the machine):
// a character device is written through, a FIFO is refused, and both are still what they were afterwards.
const dir = tempDir('jixiao-devices-');
const device = path.join(dir, 'null-device');
const fifo = path.join(dir, 'a-fifo');
const water = 'examples/water-2023/project.actuals.yaml';
const password = 'device-test';

function kinds(): { device: boolean; fifo: boolean } {
  return { device: lstatSync(device).isCharacterDevice(), fifo: lstatSync(fifo).isFIFO() };
}

async function run(env: Record<string, string>, ...argv: string[]) {
  Object.assign(process.env, env);
  try {
    return await runCli(...argv);
  } finally {
    for (const k of Object.keys(env)) delete process.env[k];
  }
}

let pdf: string;

// mknod needs root (CI runs as root); elsewhere these tests are skipped and say why
const root = process.getuid?.() === 0;

describeWith(
  {
    what: 'root (mknod makes the test devices)',
    present: root,
    install: 'run the tests as root, as CI does',
    ciMustHave: false,
  },
  'outputs onto a character device and a FIFO',
  () => {
    beforeAll(async () => {
      execFileSync('mknod', ['-m', '666', device, 'c', '1', '3']);
      execFileSync('mkfifo', [fifo]);
      pdf = path.join(dir, 'form.pdf');
      const rendered = await runCli('render', water, '-o', pdf);
      expect(rendered.code).toBe(0);
    }, 120_000);

    jest.setTimeout(120_000);

    test('render: PDF and HTML written through a device, refused on a FIFO before the browser starts', async () => {
      expect((await runCli('render', water, '-o', device)).code).toBe(0);
      expect((await runCli('render', water, '-o', path.join(dir, 'r.pdf'), '--html', device)).code).toBe(0);
      const refused = await runCli('render', water, '-o', fifo);
      expect(refused.code).toBe(1);
      expect(refused.err).toContain('OUTPUT_INVALID');
      expect((await runCli('render', water, '-o', path.join(dir, 'r2.pdf'), '--html', fifo)).code).toBe(1);
      expect(kinds()).toEqual({ device: true, fifo: true });
    });

    test('init, keygen, sign and compare: the same', async () => {
      const env = { JIXIAO_P12_PASSWORD: password, JIXIAO_CA_PASSWORD: password };
      /** Written through the device: exit 0 and the command says it wrote there. */
      const through = (r: { code: number; err: string }): void => {
        expect(r.code).toBe(0);
        expect(r.err).toContain(device);
      };
      /** Refused on the FIFO before anything is written: exit 1, OUTPUT_INVALID naming the pipe. */
      const refusedOnFifo = (r: { code: number; err: string }): void => {
        expect(r.code).toBe(1);
        expect(r.err).toMatch(new RegExp(`OUTPUT_INVALID: .*${fifo.replace(/[/.]/g, '\\$&')}.*管道`));
      };
      through(await runCli('init', 'examples/water-2023/project.indicators.yaml', '-o', device));
      refusedOnFifo(await runCli('init', 'examples/water-2023/project.indicators.yaml', '-o', fifo, '--force'));
      through(await run(env, 'keygen', '--cn', '设备测试', '-o', device));
      const key = path.join(dir, 'signer.p12');
      refusedOnFifo(await run(env, 'keygen', '--cn', '设备测试', '-o', key, '--cert-out', fifo));
      expect((await run(env, 'keygen', '--cn', '设备测试', '-o', key)).code).toBe(0);
      through(await run(env, 'sign', pdf, '--p12', key, '--role', '填表人', '-o', device));
      refusedOnFifo(await run(env, 'sign', pdf, '--p12', key, '--role', '填表人', '-o', fifo));
      const compared = await runCli(
        'compare',
        '--rules',
        'caiyu-2020-10',
        '--rules',
        'hubei',
        'examples/zhuzhou-2020',
        '--csv',
        device,
        '--html',
        device,
      );
      expect(compared.code).toBe(0);
      refusedOnFifo(
        await runCli('compare', '--rules', 'caiyu-2020-10', '--rules', 'hubei', 'examples/zhuzhou-2020', '--csv', fifo),
      );
      expect(kinds()).toEqual({ device: true, fifo: true });
      // the PDF signed "to" the device was not written back over the input
      expect(readFileSync(pdf).includes(Buffer.from('/ByteRange'))).toBe(false);
    });

    test('a symbolic link to a file: the file is replaced, the link stays a link', async () => {
      const real = path.join(dir, 'real.csv');
      const link = path.join(dir, 'link.csv');
      execFileSync('touch', [real]);
      execFileSync('ln', ['-s', real, link]);
      expect(
        (
          await runCli(
            'compare',
            '--rules',
            'caiyu-2020-10',
            '--rules',
            'hubei',
            'examples/zhuzhou-2020',
            '--csv',
            link,
          )
        ).code,
      ).toBe(0);
      expect(lstatSync(link).isSymbolicLink()).toBe(true);
      expect(statSync(real).size).toBeGreaterThan(0);
    });

    test('import onto a zero or a full device: written through, never read as an actuals file to merge into', async () => {
      // devices of our own, like /dev/zero (1,5) and /dev/full (1,7): reading either as "the existing file" never ends
      const zero = path.join(dir, 'zero-device');
      const full = path.join(dir, 'full-device');
      execFileSync('mknod', ['-m', '666', zero, 'c', '1', '5']);
      execFileSync('mknod', ['-m', '666', full, 'c', '1', '7']);
      const xlsx = path.join(dir, 'form.xlsx');
      expect((await runCli('export', 'examples/water-2023/project.indicators.yaml', '-o', xlsx)).code).toBe(0);
      const copied = path.join(path.dirname(xlsx), 'project.indicators.yaml');
      execFileSync('cp', ['examples/water-2023/project.indicators.yaml', copied]);
      const ontoZero = await runCli('import', xlsx, '-o', zero, '--json');
      expect(ontoZero.code).toBe(0);
      expect(JSON.parse(ontoZero.out)).toMatchObject({ ok: true, updated: false });
      const ontoFull = await runCli('import', xlsx, '-o', full);
      expect(ontoFull.code).toBe(1);
      expect(ontoFull.err).toMatch(/OUTPUT_INVALID: .*磁盘已满/);
      expect([lstatSync(zero).isCharacterDevice(), lstatSync(full).isCharacterDevice()]).toEqual([true, true]);
    });

    test('a folder that takes no new file (/proc) is said as such, not as a folder that does not exist', async () => {
      // creating a file in /proc fails before anything is written (ENOENT while the folder is there)
      const refused = await runCli(
        'init',
        'examples/water-2023/project.indicators.yaml',
        '-o',
        '/proc/jixiao-test.actuals.yaml',
      );
      expect(refused.code).toBe(1);
      expect(refused.err).toMatch(/OUTPUT_INVALID: .*此目录不允许新建文件/);
      const missing = await runCli(
        'init',
        'examples/water-2023/project.indicators.yaml',
        '-o',
        path.join(dir, 'no-such-folder', 'x.actuals.yaml'),
      );
      expect(missing.err).toMatch(/OUTPUT_INVALID: .*所在目录不存在/);
    });

    test('-o - writes the PDF to standard output', async () => {
      const run = await runCli('render', water, '-o', '-');
      expect(run.code).toBe(0);
      expect(run.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    });
  },
);
