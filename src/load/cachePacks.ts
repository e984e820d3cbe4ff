import { createHash, randomBytes } from 'node:crypto';
import {
  closeSync,
  fstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { hostname } from 'node:os';
import * as path from 'node:path';
import { threadId } from 'node:worker_threads';
import { crc32 } from 'node:zlib';
import { processRunning } from '../domain/processes';

// The form cache's store: pack files, each written whole by one run (one per thread) and never changed after.
// Creating a file is the slow part of a small write on most disks (half a millisecond each here, more than
// reading the form): a hundred thousand forms make a few packs, not a hundred thousand files. A pack is
//   entry*  index  trailer
// entry:   crc32 (u32, seeded with the jixiao version) · payload
// index:   per entry: key (32 bytes) · offset (u32) · length (u32), sorted by key
// trailer: "JXPK" · index length (u32) · crc32 of the index (u32)
// A pack is written under a temporary name and renamed when whole, so a reader sees whole packs only.

const MAGIC = Buffer.from('JXPK');
const TRAILER = MAGIC.length + 8;
const INDEX_ROW = 32 + 8;
/** More packs than this and a run rewrites what it used into its own pack and removes the older ones. */
const MAX_PACKS = 8;
/** Offsets are 32-bit. */
const MAX_PACK_BYTES = 0xffffffff;
/** A temporary pack this old was left by a run that was killed (on whatever machine wrote it). */
const STALE_MS = 24 * 3600 * 1000;
/**
 * This machine, in a temporary pack's name: its writer's pid is asked about only here (a home folder, where the
 * cache lives by default, may be shared by several machines).
 */
const HOST = createHash('sha256').update(hostname()).digest('hex').slice(0, 8);
/** A temporary pack's name: time written (base 36), host, pid, thread, random. */
const TEMPORARY = /^[0-9a-z]{10}-([0-9a-f]{8})-(\d+)-\d+-[0-9a-f]{8}\.tmp$/;

/** One pack as a reader holds it: its file and its index (rows sorted by key, searched in place). */
interface OpenPack {
  fd: number;
  index: Buffer;
}

/**
 * The packs of a cache folder as found when a run starts. Each pack's index is kept as it was read (rows sorted by
 * key) and searched by halving: a hundred thousand forms make a few hundred thousand entries, and building a map
 * of them cost each thread half a second and a hundred megabytes.
 */
export class PackReader {
  /** Newest first: a key written again by a later run (its form's definitions changed) is found in the later pack. */
  private readonly open: OpenPack[] = [];
  readonly packs: string[] = [];

  constructor(folder: string) {
    let names: string[];
    try {
      names = readdirSync(folder);
    } catch {
      return;
    }
    // names begin with the time they were written
    for (const name of names.sort().reverse()) {
      const file = path.join(folder, name);
      if (name.endsWith('.pack')) this.openPack(file);
      else if (name.endsWith('.tmp')) removeIfAbandoned(file);
    }
  }

  /** Reads a pack's index; a pack that is not whole (truncated, foreign, removed meanwhile) is left out. */
  private openPack(file: string): void {
    let fd: number;
    try {
      fd = openSync(file, 'r');
    } catch {
      return;
    }
    const index = wholeIndex(fd);
    if (!index) {
      closeSync(fd);
      return;
    }
    this.open.push({ fd, index });
    this.packs.push(file);
  }

  /** The entry's payload when its checksum (seeded with the version) holds; else null. */
  read(key: string, version: string): Buffer | null {
    const wanted = Buffer.from(key, 'hex');
    for (const pack of this.open) {
      const row = findRow(pack.index, wanted);
      if (row >= 0)
        return readEntry(pack.fd, pack.index.readUInt32BE(row + 32), pack.index.readUInt32BE(row + 36), version);
    }
    return null;
  }

  get crowded(): boolean {
    return this.packs.length > MAX_PACKS;
  }

  close(): void {
    for (const pack of this.open.splice(0)) closeSync(pack.fd);
  }
}

/**
 * Where the row of `key` begins in a sorted index, or -1. Rows are told apart by their first six bytes (read in
 * JavaScript), the whole key compared only when those agree: a native compare at every step of every search was a
 * tenth of a second run.
 */
function findRow(index: Buffer, key: Buffer): number {
  const head = key.readUIntBE(0, 6);
  let low = 0;
  let high = index.length / INDEX_ROW - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const at = mid * INDEX_ROW;
    const order = index.readUIntBE(at, 6) - head || index.compare(key, 0, 32, at, at + 32);
    if (order === 0) return at;
    if (order < 0) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}

/** An entry's payload when it can be read whole and its checksum (seeded with the version) holds; else null. */
function readEntry(fd: number, offset: number, length: number, version: string): Buffer | null {
  if (length < 4) return null;
  const bytes = Buffer.allocUnsafe(length);
  try {
    if (readSync(fd, bytes, 0, length, offset) !== length) return null;
  } catch {
    return null;
  }
  const payload = bytes.subarray(4);
  return bytes.readUInt32BE(0) === crc32(payload, crc32(version)) ? payload : null;
}

/** The index of a whole pack: the trailer's magic, length and checksum agree. */
function wholeIndex(fd: number): Buffer | null {
  try {
    const size = fstatSync(fd).size;
    if (size < TRAILER) return null;
    const trailer = Buffer.alloc(TRAILER);
    readSync(fd, trailer, 0, TRAILER, size - TRAILER);
    if (!trailer.subarray(0, MAGIC.length).equals(MAGIC)) return null;
    const length = trailer.readUInt32BE(MAGIC.length);
    if (length % INDEX_ROW !== 0 || length > size - TRAILER) return null;
    const index = Buffer.alloc(length);
    readSync(fd, index, 0, length, size - TRAILER - length);
    return crc32(index) === trailer.readUInt32BE(MAGIC.length + 4) ? index : null;
  } catch {
    return null;
  }
}

/**
 * A temporary pack is left by a run that was interrupted (Ctrl-C, a kill): removed at once when its writer ran on
 * this machine and has gone (an interrupted first compare of 100,000 forms leaves most of a gigabyte), else after a day.
 */
function removeIfAbandoned(file: string): void {
  const writer = TEMPORARY.exec(path.basename(file));
  const gone = writer !== null && writer[1] === HOST && !processRunning(Number(writer[2]));
  try {
    if (gone || Date.now() - statSync(file).mtimeMs > STALE_MS) rmSync(file, { force: true });
  } catch {
    // another run removed it, or it is not ours to remove
  }
}

/** Bytes of entries gathered before they are written: one write a few hundred forms, not two a form. */
const WRITE_CHUNK = 1 << 20;

/** One run's new pack, written entry by entry (a run's entries are never all held) and renamed when closed. */
export class PackWriter {
  private fd: number | null = null;
  private readonly temporary: string;
  private offset = 0;
  /**
   * The index rows so far, in the order written, in one buffer: a hundred thousand forms write three hundred
   * thousand rows, and a small buffer each (each with its own allocation outside V8's heap) left the first compare
   * of them some 300 MB higher at its peak.
   */
  private rows = Buffer.allocUnsafe(INDEX_ROW * 1024);
  private rowCount = 0;
  private readonly written = new Set<string>();
  /** Entries not yet written, and how many of its bytes they fill. */
  private pending = Buffer.allocUnsafe(WRITE_CHUNK);
  private filled = 0;

  constructor(private readonly folder: string) {
    const time = Date.now().toString(36).padStart(10, '0');
    const name = `${time}-${HOST}-${process.pid}-${threadId}-${randomBytes(4).toString('hex')}`;
    this.temporary = path.join(folder, `${name}.tmp`);
  }

  /**
   * Appends an entry (once per key); false when the pack is full (offsets are 32-bit: the caller starts another).
   * Throws what the disk says (the caller stops writing then).
   */
  add(key: string, payload: Buffer, version: string): boolean {
    if (this.written.has(key)) return true;
    if (this.offset + payload.length + 4 > MAX_PACK_BYTES) return false;
    if (this.fd === null) {
      mkdirSync(this.folder, { recursive: true });
      this.fd = openSync(this.temporary, 'w');
    }
    if (this.filled + payload.length + 4 > this.pending.length) this.flush();
    if (payload.length + 4 > this.pending.length) this.pending = Buffer.allocUnsafe(payload.length + 4);
    this.pending.writeUInt32BE(crc32(payload, crc32(version)), this.filled);
    payload.copy(this.pending, this.filled + 4);
    this.filled += payload.length + 4;
    this.addRow(key, payload.length + 4);
    this.written.add(key);
    this.offset += payload.length + 4;
    return true;
  }

  /** An index row: the entry's key, where it begins, its length. */
  private addRow(key: string, length: number): void {
    if ((this.rowCount + 1) * INDEX_ROW > this.rows.length) {
      const grown = Buffer.allocUnsafe(this.rows.length * 2);
      this.rows.copy(grown, 0, 0, this.rowCount * INDEX_ROW);
      this.rows = grown;
    }
    const at = this.rowCount++ * INDEX_ROW;
    this.rows.fill(0, at, at + 32);
    this.rows.write(key, at, 32, 'hex');
    this.rows.writeUInt32BE(this.offset, at + 32);
    this.rows.writeUInt32BE(length, at + 36);
  }

  /** The index rows sorted by key (readers search the index where it lies). */
  private sortedIndex(): Buffer {
    const rows = this.rows;
    const order = Array.from({ length: this.rowCount }, (_, i) => i * INDEX_ROW);
    // by the first six bytes read in JavaScript, the whole key only when those agree
    order.sort((x, y) => rows.readUIntBE(x, 6) - rows.readUIntBE(y, 6) || rows.compare(rows, y, y + 32, x, x + 32));
    const index = Buffer.allocUnsafe(order.length * INDEX_ROW);
    order.forEach((at, i) => rows.copy(index, i * INDEX_ROW, at, at + INDEX_ROW));
    return index;
  }

  /** Writes the entries gathered so far. */
  private flush(): void {
    const fd = this.fd;
    if (fd !== null) for (let at = 0; at < this.filled;) at += writeSync(fd, this.pending, at, this.filled - at);
    this.filled = 0;
  }

  /** Writes the index and trailer and gives the pack its name; true when a pack was written. */
  finish(): boolean {
    if (this.fd === null) return false;
    const index = this.sortedIndex();
    const trailer = Buffer.alloc(TRAILER);
    MAGIC.copy(trailer);
    trailer.writeUInt32BE(index.length, MAGIC.length);
    trailer.writeUInt32BE(crc32(index), MAGIC.length + 4);
    this.flush();
    writeSync(this.fd, index);
    writeSync(this.fd, trailer);
    closeSync(this.fd);
    this.fd = null;
    renameSync(this.temporary, this.temporary.replace(/\.tmp$/, '.pack'));
    return true;
  }

  /** Leaves nothing behind (a run that failed, or a disk that refused). */
  abandon(): void {
    try {
      if (this.fd !== null) closeSync(this.fd);
      rmSync(this.temporary, { force: true });
    } catch {
      // never made: its folder could not be (a cache path that is a file)
    }
    this.fd = null;
  }
}

/** Removes packs another run may still be reading: an open pack stays readable to it; one not yet opened is a miss. */
export function removePacks(files: readonly string[]): void {
  for (const file of files) rmSync(file, { force: true });
}
