/**
 * Independent readers for the icon formats `scripts/make-icons.ts` writes (PNG, ICO, ICNS), so the
 * tests check the files against the formats themselves rather than against the generator's code.
 * CRCs are checked with node:zlib's own `crc32`.
 */
import { crc32, inflateSync } from 'node:zlib';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A decoded PNG: IHDR fields and, for 8-bit RGBA, the unfiltered pixels (RGBA8, row-major). */
export interface PngImage {
  readonly width: number;
  readonly height: number;
  readonly bitDepth: number;
  readonly colourType: number;
  readonly chunkTypes: readonly string[];
  readonly pixels: Uint8Array;
}

/** True when `bytes` starts with the PNG signature. */
export function isPng(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(0, 8)).equals(PNG_SIGNATURE);
}

/** Parses a PNG: checks the signature and every chunk's CRC, reads IHDR, inflates and unfilters IDAT. */
export function readPng(bytes: Uint8Array): PngImage {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (!isPng(buffer)) throw new Error('not a PNG: bad signature');
  const chunkTypes: string[] = [];
  const idat: Buffer[] = [];
  let header: Buffer | undefined;
  let offset = 8;
  while (offset < buffer.length) {
    const length = buffer.readUInt32BE(offset);
    const type = buffer.toString('latin1', offset + 4, offset + 8);
    const data = buffer.subarray(offset + 8, offset + 8 + length);
    const stored = buffer.readUInt32BE(offset + 8 + length);
    if (crc32(buffer.subarray(offset + 4, offset + 8 + length)) !== stored) throw new Error(`bad CRC in ${type} chunk`);
    chunkTypes.push(type);
    if (type === 'IHDR') header = data;
    if (type === 'IDAT') idat.push(data);
    offset += 12 + length;
  }
  if (header === undefined || chunkTypes[0] !== 'IHDR') throw new Error('IHDR is not the first chunk');
  if (chunkTypes.at(-1) !== 'IEND') throw new Error('IEND is not the last chunk');
  const width = header.readUInt32BE(0);
  const height = header.readUInt32BE(4);
  const bitDepth = header.readUInt8(8);
  const colourType = header.readUInt8(9);
  const interlace = header.readUInt8(12);
  const pixels = bitDepth === 8 && colourType === 6 && interlace === 0 ? unfilter(inflateSync(Buffer.concat(idat)), width, height) : new Uint8Array(0);
  return { width, height, bitDepth, colourType, chunkTypes, pixels };
}

function unfilter(filtered: Buffer, width: number, height: number): Uint8Array {
  const stride = width * 4;
  if (filtered.length !== height * (stride + 1)) throw new Error('IDAT has the wrong size for IHDR');
  const out = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const type = filtered[y * (stride + 1)];
    for (let i = 0; i < stride; i++) {
      const raw = filtered[y * (stride + 1) + 1 + i] ?? 0;
      const left = i >= 4 ? (out[y * stride + i - 4] ?? 0) : 0;
      const up = y > 0 ? (out[(y - 1) * stride + i] ?? 0) : 0;
      const upLeft = i >= 4 && y > 0 ? (out[(y - 1) * stride + i - 4] ?? 0) : 0;
      let predictor: number;
      switch (type) {
        case 0:
          predictor = 0;
          break;
        case 1:
          predictor = left;
          break;
        case 2:
          predictor = up;
          break;
        case 3:
          predictor = (left + up) >> 1;
          break;
        case 4: {
          const p = left + up - upLeft;
          const pa = Math.abs(p - left);
          const pb = Math.abs(p - up);
          const pc = Math.abs(p - upLeft);
          predictor = pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
          break;
        }
        default:
          throw new Error(`unknown PNG filter type ${String(type)}`);
      }
      out[y * stride + i] = (raw + predictor) & 255;
    }
  }
  return out;
}

/** One image in an ICO file: the directory's fields (0 read as 256) and the embedded bytes. */
export interface IcoEntry {
  readonly width: number;
  readonly height: number;
  readonly planes: number;
  readonly bitCount: number;
  readonly data: Buffer;
}

/** Parses an ICO file's header and directory; checks each image lies inside the file. */
export function readIco(bytes: Uint8Array): IcoEntry[] {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.readUInt16LE(0) !== 0 || buffer.readUInt16LE(2) !== 1) throw new Error('not an ICO: bad header');
  const count = buffer.readUInt16LE(4);
  const entries: IcoEntry[] = [];
  for (let index = 0; index < count; index++) {
    const entry = 6 + 16 * index;
    const size = buffer.readUInt32LE(entry + 8);
    const offset = buffer.readUInt32LE(entry + 12);
    if (offset + size > buffer.length) throw new Error(`ICO image ${index} lies outside the file`);
    entries.push({
      width: buffer.readUInt8(entry) || 256,
      height: buffer.readUInt8(entry + 1) || 256,
      planes: buffer.readUInt16LE(entry + 4),
      bitCount: buffer.readUInt16LE(entry + 6),
      data: buffer.subarray(offset, offset + size),
    });
  }
  return entries;
}

/** One ICNS element: its OSType and data. */
export interface IcnsEntry {
  readonly type: string;
  readonly data: Buffer;
}

/** Parses an ICNS file: magic, total length, then type + length elements. */
export function readIcns(bytes: Uint8Array): IcnsEntry[] {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.toString('latin1', 0, 4) !== 'icns') throw new Error('not an ICNS: bad magic');
  if (buffer.readUInt32BE(4) !== buffer.length) throw new Error('ICNS length does not match the file');
  const entries: IcnsEntry[] = [];
  let offset = 8;
  while (offset < buffer.length) {
    const length = buffer.readUInt32BE(offset + 4);
    if (length < 8 || offset + length > buffer.length) throw new Error('ICNS element runs past the file');
    entries.push({ type: buffer.toString('latin1', offset, offset + 4), data: buffer.subarray(offset + 8, offset + length) });
    offset += length;
  }
  return entries;
}
