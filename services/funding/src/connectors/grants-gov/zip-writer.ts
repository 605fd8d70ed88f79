import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { crc32, createDeflateRaw } from 'node:zlib';

/**
 * Writes a zip of one deflated entry from a stream of text chunks, without
 * holding the entry in memory: sizes and CRC follow the data in a data
 * descriptor (general purpose flag bit 3), as streaming zip writers do. Enough
 * for a generated Grants.gov extract (one XML file, well under 4 GiB, so no
 * ZIP64); readers such as yauzl and unzip read it.
 */
export async function writeSingleEntryZip(path: string, entryName: string, chunks: AsyncIterable<string> | Iterable<string>, modified: Date): Promise<{ uncompressed: number; compressed: number }> {
  const out = createWriteStream(path);
  let offset = 0;
  const write = async (data: Buffer): Promise<void> => {
    offset += data.length;
    if (!out.write(data)) await once(out, 'drain');
  };
  const name = Buffer.from(entryName, 'utf8');
  const { time, date } = dosDateTime(modified);

  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4); // version needed
  local.writeUInt16LE(0x0808, 6); // data descriptor follows; UTF-8 name
  local.writeUInt16LE(8, 8); // deflate
  local.writeUInt16LE(time, 10);
  local.writeUInt16LE(date, 12);
  local.writeUInt16LE(name.length, 26);
  await write(local);
  await write(name);

  const dataStart = offset;
  let crc = 0;
  let uncompressed = 0;
  const deflate = createDeflateRaw({ level: 6 });
  const drained = (async () => {
    for await (const piece of deflate) await write(piece as Buffer);
  })();
  for await (const chunk of chunks) {
    const bytes = Buffer.from(chunk, 'utf8');
    crc = crc32(bytes, crc);
    uncompressed += bytes.length;
    if (!deflate.write(bytes)) await once(deflate, 'drain');
  }
  deflate.end();
  await drained;
  const compressed = offset - dataStart;
  if (uncompressed >= 0xffffffff || compressed >= 0xffffffff) throw new Error('the entry needs ZIP64, which this writer does not do');

  const descriptor = Buffer.alloc(16);
  descriptor.writeUInt32LE(0x08074b50, 0);
  descriptor.writeUInt32LE(crc >>> 0, 4);
  descriptor.writeUInt32LE(compressed, 8);
  descriptor.writeUInt32LE(uncompressed, 12);
  await write(descriptor);

  const directoryStart = offset;
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4); // made by
  central.writeUInt16LE(20, 6); // needed
  central.writeUInt16LE(0x0808, 8);
  central.writeUInt16LE(8, 10);
  central.writeUInt16LE(time, 12);
  central.writeUInt16LE(date, 14);
  central.writeUInt32LE(crc >>> 0, 16);
  central.writeUInt32LE(compressed, 20);
  central.writeUInt32LE(uncompressed, 24);
  central.writeUInt16LE(name.length, 28);
  central.writeUInt32LE(0, 42); // local header at the start
  await write(central);
  await write(name);

  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(offset - directoryStart, 12);
  end.writeUInt32LE(directoryStart, 16);
  await write(end);
  out.end();
  await once(out, 'finish');
  return { uncompressed, compressed };
}

function dosDateTime(at: Date): { time: number; date: number } {
  return {
    time: (at.getUTCHours() << 11) | (at.getUTCMinutes() << 5) | Math.floor(at.getUTCSeconds() / 2),
    date: ((Math.max(1980, at.getUTCFullYear()) - 1980) << 9) | ((at.getUTCMonth() + 1) << 5) | at.getUTCDate(),
  };
}
