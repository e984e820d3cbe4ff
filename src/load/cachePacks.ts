import { randomBytes } from 'node:crypto';
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
import * as path from 'node:path';
import { threadId } from 'node:worker_threads';
import { crc32 } from 'node:zlib';

// The form cache's store: pack files, each written whole by one run (one per thread) and never changed after.
// Creating a file is the slow part of a small write on most disks (half a millisecond each here, more than
// reading the form): a hundred thousand forms make a few packs, not a hundred thousand files. A pack is
//   entry*  index  trailer
// entry:   crc32 (u32, seeded with the jixiao version) · payload
// index:   per entry: key (32 bytes) · offset (u32) · length (u32)
// trailer: "JXPK" · index length (u32) · crc32 of the index (u32)
// A pack is written under a temporary name and renamed when whole, so a reader sees whole packs only.

const MAGIC = Buffer.from('JXPK');
const TRAILER = MAGIC.length + 8;
const INDEX_ROW = 32 + 8;
/** More packs than this and a run rewrites what it used into its own pack and removes the older ones. */
const MAX_PACKS = 8;
/** Offsets are 32-bit. */
const MAX_PACK_BYTES = 0xffffffff;
/** A temporary pack this old was left by a run that was killed. */
const STALE_MS = 24 * 3600 * 1000;

interface Located {
  fd: number;
  offset: number;
  length: number;
}

/** The packs of a cache folder as found when a run starts: every entry's place, by key. */
export class PackReader {
  private readonly entries = new Map<string, Located>();
  private readonly fds: number[] = [];
  readonly packs: string[] = [];

  constructor(folder: string) {
    let names: string[];
    try {
      names = readdirSync(folder);
    } catch {
      return;
    }
    // in the order they were written (names begin with the time): a key written again by a later run (its form's
    // definitions changed) is read from the later pack
    for (const name of names.sort()) {
      const file = path.join(folder, name);
      if (name.endsWith('.pack')) this.open(file);
      else if (name.endsWith('.tmp')) removeIfStale(file);
    }
  }

  /** Reads a pack's index; a pack that is not whole (truncated, foreign, removed meanwhile) is left out. */
  private open(file: string): void {
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
    this.fds.push(fd);
    this.packs.push(file);
    for (let at = 0; at + INDEX_ROW <= index.length; at += INDEX_ROW) {
      const key = index.toString('hex', at, at + 32);
      this.entries.set(key, { fd, offset: index.readUInt32BE(at + 32), length: index.readUInt32BE(at + 36) });
    }
  }

  /** The entry's payload when its checksum (seeded with the version) holds; else null. */
  read(key: string, version: string): Buffer | null {
    const found = this.entries.get(key);
    if (!found || found.length < 4) return null;
    const bytes = Buffer.allocUnsafe(found.length);
    try {
      if (readSync(found.fd, bytes, 0, found.length, found.offset) !== found.length) return null;
    } catch {
      return null;
    }
    const payload = bytes.subarray(4);
    return bytes.readUInt32BE(0) === crc32(payload, crc32(version)) ? payload : null;
  }

  get crowded(): boolean {
    return this.packs.length > MAX_PACKS;
  }

  close(): void {
    for (const fd of this.fds.splice(0)) closeSync(fd);
  }
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

function removeIfStale(file: string): void {
  try {
    if (Date.now() - statSync(file).mtimeMs > STALE_MS) rmSync(file, { force: true });
  } catch {
    // another run removed it, or it is not ours to remove
  }
}

/** One run's new pack, written entry by entry (a run's entries are never all held) and renamed when closed. */
export class PackWriter {
  private fd: number | null = null;
  private readonly temporary: string;
  private offset = 0;
  private readonly index: Buffer[] = [];
  private readonly written = new Set<string>();

  constructor(private readonly folder: string) {
    const name = `${Date.now().toString(36).padStart(10, '0')}-${process.pid}-${threadId}-${randomBytes(4).toString('hex')}`;
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
    const head = Buffer.alloc(4);
    head.writeUInt32BE(crc32(payload, crc32(version)));
    writeSync(this.fd, head);
    writeSync(this.fd, payload);
    const row = Buffer.alloc(INDEX_ROW);
    Buffer.from(key, 'hex').copy(row);
    row.writeUInt32BE(this.offset, 32);
    row.writeUInt32BE(payload.length + 4, 36);
    this.index.push(row);
    this.written.add(key);
    this.offset += payload.length + 4;
    return true;
  }

  /** Writes the index and trailer and gives the pack its name; true when a pack was written. */
  finish(): boolean {
    if (this.fd === null) return false;
    const index = Buffer.concat(this.index);
    const trailer = Buffer.alloc(TRAILER);
    MAGIC.copy(trailer);
    trailer.writeUInt32BE(index.length, MAGIC.length);
    trailer.writeUInt32BE(crc32(index), MAGIC.length + 4);
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
