import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, renameSync } from 'node:fs';
import * as path from 'node:path';
import { PackReader, PackWriter } from '../src/load/cachePacks';
import { ROOT, tempDir } from './helpers';

// The form cache's store: packs whose index is searched where it lies (sorted by key), newest pack first.

const keyOf = (text: string): string => createHash('sha256').update(text).digest('hex');

describe('cache packs', () => {
  test('every key written is found with its payload, in a pack of thousands; a key never written is not', () => {
    const folder = tempDir('jixiao-packs-');
    const writer = new PackWriter(folder);
    const count = 3000;
    for (let i = 0; i < count; i++) writer.add(keyOf(`form ${i}`), Buffer.from(`payload ${i}`), 'v1');
    expect(writer.finish()).toBe(true);
    const reader = new PackReader(folder);
    for (let i = 0; i < count; i++) expect(reader.read(keyOf(`form ${i}`), 'v1')?.toString()).toBe(`payload ${i}`);
    for (let i = count; i < count + 200; i++) expect(reader.read(keyOf(`form ${i}`), 'v1')).toBeNull();
    // the smallest and largest keys there can be, at the ends of the search
    expect(reader.read('0'.repeat(64), 'v1')).toBeNull();
    expect(reader.read('f'.repeat(64), 'v1')).toBeNull();
    // another version's reader finds the rows but refuses every payload
    expect(reader.read(keyOf('form 7'), 'v2')).toBeNull();
    reader.close();
  });

  test('keys that share their first six bytes are ordered by the rest, and each is found', () => {
    const folder = tempDir('jixiao-packs-');
    const writer = new PackWriter(folder);
    // the index is sorted by the first six bytes read as a number, then by the whole key
    const keys = Array.from({ length: 400 }, (_, i) => `${'ab'.repeat(6)}${keyOf(`row ${i}`).slice(12)}`);
    keys.push(
      '0'.repeat(64),
      'f'.repeat(64),
      `${'ab'.repeat(6)}${'0'.repeat(52)}`,
      `${'ab'.repeat(6)}${'f'.repeat(52)}`,
    );
    for (const [i, key] of keys.entries()) writer.add(key, Buffer.from(`payload ${i}`), 'v1');
    expect(writer.finish()).toBe(true);
    const reader = new PackReader(folder);
    for (const [i, key] of keys.entries()) expect(reader.read(key, 'v1')?.toString()).toBe(`payload ${i}`);
    expect(reader.read(`${'ab'.repeat(6)}${'1'.repeat(52)}`, 'v1')).toBeNull();
    reader.close();
  });

  test('a key written again by a later run is read from the later pack; the others from wherever they are', async () => {
    const folder = tempDir('jixiao-packs-');
    const first = new PackWriter(folder);
    for (const k of ['a', 'b', 'c']) first.add(keyOf(k), Buffer.from(`${k} old`), 'v1');
    first.finish();
    // pack names begin with the time they were written, to the millisecond
    const written = Date.now();
    while (Date.now() === written) await new Promise((resolve) => setImmediate(resolve));
    const second = new PackWriter(folder);
    second.add(keyOf('b'), Buffer.from('b new'), 'v1');
    second.finish();
    expect(readdirSync(folder)).toHaveLength(2);
    const reader = new PackReader(folder);
    expect(['a', 'b', 'c'].map((k) => reader.read(keyOf(k), 'v1')?.toString())).toEqual(['a old', 'b new', 'c old']);
    reader.close();
  });
  test('a temporary pack left by a killed run of this machine is removed by the next; a live or foreign one stays', () => {
    const folder = tempDir('jixiao-packs-');
    // a run that wrote part of its pack (more than one write's worth) and was killed before finishing it
    const killed = spawnSync(
      process.execPath,
      [
        '-e',
        `const { PackWriter } = require(${JSON.stringify(path.join(ROOT, 'dist/load/cachePacks.js'))});
         const writer = new PackWriter(process.argv[1]);
         for (let i = 0; i < 3; i++) writer.add(String(i).repeat(64), Buffer.alloc(600000, i), 'v1');
         process.kill(process.pid, 'SIGKILL');`,
        folder,
      ],
      { encoding: 'utf8' },
    );
    expect(killed.signal).toBe('SIGKILL');
    const [left] = readdirSync(folder);
    expect(left).toMatch(/\.tmp$/);
    // the same, as if written on another machine sharing the folder: its pid means nothing here
    const foreign = (left ?? '').replace(/^([0-9a-z]{10})-[0-9a-f]{8}-/, '$1-00000000-');
    renameSync(path.join(folder, left ?? ''), path.join(folder, foreign));
    const again = spawnSync(
      process.execPath,
      [
        '-e',
        `const { PackWriter } = require(${JSON.stringify(path.join(ROOT, 'dist/load/cachePacks.js'))});
         const writer = new PackWriter(process.argv[1]);
         writer.add('a'.repeat(64), Buffer.alloc(1100000, 1), 'v1');
         process.kill(process.pid, 'SIGKILL');`,
        folder,
      ],
      { encoding: 'utf8' },
    );
    expect(again.signal).toBe('SIGKILL');
    // a run of this process still writing
    const live = new PackWriter(folder);
    live.add('b'.repeat(64), Buffer.alloc(1100000, 2), 'v1');
    const before = readdirSync(folder).sort();
    expect(before).toHaveLength(3);
    new PackReader(folder).close();
    const after = readdirSync(folder).sort();
    // the killed run's temporary is gone; the foreign one (younger than a day) and the live one stay
    expect(after).toHaveLength(2);
    expect(after).toContain(foreign);
    expect(after.filter((n) => n.includes(`-${process.pid}-`))).toHaveLength(1);
    expect(live.finish()).toBe(true);
  });
});
