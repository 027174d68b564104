/**
 * A streaming reader of the tar archives `@actions/cache` writes (GNU tar,
 * `--posix`: ustar headers, pax extended headers for long paths), enough to
 * take the regular files out of a pack as they stream past. Anything else
 * in an archive (directories, links, global headers) is skipped.
 */

export interface TarFile {
  /** The path as archived (the pax `path` when there is one, else prefix/name). */
  path: string;
  size: number;
}

/** Where a file's bytes go; `end` is called once its last byte was written. */
export interface TarSink {
  write(chunk: Buffer): Promise<void> | void;
  end(): Promise<void> | void;
}

const BLOCK = 512;

type Entry = { kind: 'file'; sink: TarSink | undefined } | { kind: 'pax' | 'longname'; chunks: Buffer[] } | { kind: 'skip' };

/**
 * Reads `source` to its end, opening a sink for every regular file (undefined
 * skips the file's data). The file's writes are awaited, so a slow sink slows
 * the read instead of piling data up in memory.
 */
export async function readTar(source: AsyncIterable<Buffer>, open: (file: TarFile) => Promise<TarSink | undefined> | TarSink | undefined): Promise<void> {
  let header = Buffer.alloc(0);
  let entry: Entry | undefined;
  let remaining = 0; // data bytes of the current entry still to come
  let padding = 0; // bytes to skip after it, up to the block boundary
  let zeroBlocks = 0;
  let pax: Record<string, string> = {};
  let longName: string | undefined;

  const finish = async (): Promise<void> => {
    const done = entry!;
    entry = undefined;
    if (done.kind === 'file') await done.sink?.end();
    else if (done.kind === 'pax') pax = parsePax(Buffer.concat(done.chunks));
    else if (done.kind === 'longname') longName = Buffer.concat(done.chunks).toString('utf8').replace(/\0+$/, '');
  };

  for await (const chunk of source) {
    let offset = 0;
    while (offset < chunk.length) {
      if (zeroBlocks >= 2) break; // the end of the archive: the rest (the blocking factor's zeros) is drained unread
      if (entry && remaining > 0) {
        const piece = chunk.subarray(offset, offset + Math.min(remaining, chunk.length - offset));
        offset += piece.length;
        remaining -= piece.length;
        if (entry.kind === 'file') await entry.sink?.write(piece);
        else if (entry.kind !== 'skip') entry.chunks.push(Buffer.from(piece));
        if (remaining === 0) await finish();
        continue;
      }
      if (padding > 0) {
        const skipped = Math.min(padding, chunk.length - offset);
        offset += skipped;
        padding -= skipped;
        continue;
      }
      const take = Math.min(BLOCK - header.length, chunk.length - offset);
      header = Buffer.concat([header, chunk.subarray(offset, offset + take)]);
      offset += take;
      if (header.length < BLOCK) continue;
      const block = header;
      header = Buffer.alloc(0);
      if (block.every((byte) => byte === 0)) {
        zeroBlocks += 1;
        continue;
      }
      zeroBlocks = 0;
      const parsed = parseHeader(block);
      const size = parsed.type === 'x' || parsed.type === 'g' || parsed.type === 'L' ? parsed.size : Number(pax.size ?? parsed.size);
      const path = pax.path ?? longName ?? parsed.path;
      if (parsed.type === 'x') entry = { kind: 'pax', chunks: [] };
      else if (parsed.type === 'L') entry = { kind: 'longname', chunks: [] };
      else if (parsed.type === 'g') entry = { kind: 'skip' };
      else {
        if (parsed.type === '0' || parsed.type === '\0' || parsed.type === '7') entry = { kind: 'file', sink: await open({ path, size }) };
        else entry = { kind: 'skip' };
        pax = {};
        longName = undefined;
      }
      remaining = size;
      padding = (BLOCK - (size % BLOCK)) % BLOCK;
      if (size === 0) await finish();
    }
  }
  if (zeroBlocks < 2 && (entry || header.length > 0 || padding > 0)) throw new Error('the archive ends in the middle of an entry');
}

function parseHeader(block: Buffer): { path: string; size: number; type: string } {
  const stored = parseOctal(block.subarray(148, 156));
  let sum = 0;
  for (let index = 0; index < BLOCK; index += 1) sum += index >= 148 && index < 156 ? 0x20 : block[index]!;
  if (stored !== sum) throw new Error('a tar header does not match its checksum');
  const name = text(block.subarray(0, 100));
  const ustar = block.subarray(257, 262).toString('latin1') === 'ustar';
  const prefix = ustar ? text(block.subarray(345, 500)) : '';
  return { path: prefix ? `${prefix}/${name}` : name, size: parseSize(block.subarray(124, 136)), type: String.fromCharCode(block[156]!) };
}

function text(field: Buffer): string {
  const end = field.indexOf(0);
  return field.subarray(0, end === -1 ? field.length : end).toString('utf8');
}

function parseOctal(field: Buffer): number {
  const digits = field.toString('latin1').replace(/\0.*$/s, '').trim();
  return digits === '' ? 0 : parseInt(digits, 8);
}

/** Octal, or GNU's base-256 for sizes past 8 GiB (the high bit of the first byte set). */
function parseSize(field: Buffer): number {
  if ((field[0]! & 0x80) === 0) return parseOctal(field);
  let value = field[0]! & 0x7f;
  for (let index = 1; index < field.length; index += 1) value = value * 256 + field[index]!;
  return value;
}

/** `<length> <key>=<value>\n` records. */
export function parsePax(data: Buffer): Record<string, string> {
  const records: Record<string, string> = {};
  let offset = 0;
  while (offset < data.length) {
    const space = data.indexOf(0x20, offset);
    if (space === -1) break;
    const length = Number(data.subarray(offset, space).toString('latin1'));
    if (!Number.isInteger(length) || length <= 0) break;
    const record = data.subarray(space + 1, offset + length - 1).toString('utf8');
    const equals = record.indexOf('=');
    if (equals > 0) records[record.slice(0, equals)] = record.slice(equals + 1);
    offset += length;
  }
  return records;
}
