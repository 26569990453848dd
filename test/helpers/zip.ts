import { inflateRawSync } from 'node:zlib';

/** One file of a zip archive, as its central directory describes it. */
interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  localHeaderOffset: number;
}

// Signatures and fixed sizes from the zip format (APPNOTE.TXT, sections 4.3.7 to 4.3.16).
const endOfDirectorySignature = 0x06054b50;
const directoryEntrySignature = 0x02014b50;
const localHeaderLength = 30;
const directoryEntryLength = 46;

/**
 * Reads the central directory of a zip archive (a .nupkg is one). Enough for the tests'
 * packages: no zip64, no encryption, stored or deflated entries.
 */
export function listZip(archive: Buffer): ZipEntry[] {
  const end = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0 || archive.readUInt32LE(end) !== endOfDirectorySignature) {
    throw new Error('not a zip archive: no end of central directory record');
  }

  const count = archive.readUInt16LE(end + 10);
  let offset = archive.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let index = 0; index < count; index++) {
    if (archive.readUInt32LE(offset) !== directoryEntrySignature) {
      throw new Error(`zip central directory entry ${index} is damaged`);
    }

    const nameLength = archive.readUInt16LE(offset + 28);
    const extraLength = archive.readUInt16LE(offset + 30);
    const commentLength = archive.readUInt16LE(offset + 32);
    entries.push({
      name: archive.toString('utf8', offset + directoryEntryLength, offset + directoryEntryLength + nameLength),
      method: archive.readUInt16LE(offset + 10),
      compressedSize: archive.readUInt32LE(offset + 20),
      localHeaderOffset: archive.readUInt32LE(offset + 42),
    });
    offset += directoryEntryLength + nameLength + extraLength + commentLength;
  }

  return entries;
}

/** Returns the contents of the named entry. */
export function readZipEntry(archive: Buffer, name: string): Buffer {
  const entry = listZip(archive).find((candidate) => candidate.name === name);
  if (!entry) {
    throw new Error(`the archive has no entry ${name}`);
  }

  const header = entry.localHeaderOffset;
  const start = header + localHeaderLength + archive.readUInt16LE(header + 26) + archive.readUInt16LE(header + 28);
  const data = archive.subarray(start, start + entry.compressedSize);
  return entry.method === 0 ? Buffer.from(data) : inflateRawSync(data);
}
