import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { appIcnsEntries, appIcoSizes, renderIconFiles, trayIcoSizes, trayStates, type IconFile } from '../../scripts/make-icons.ts';
import { isPng, readIcns, readIco, readPng, type PngImage } from '../support/packaging/icon-files.ts';

const RESOURCES = fileURLToPath(new URL('../../resources', import.meta.url));
const GENERATOR = fileURLToPath(new URL('../../scripts/make-icons.ts', import.meta.url));

/** Every file the generator owns, relative to resources/, with the PNG size where it is a PNG. */
const expectedPngSizes = new Map<string, number>([
  ...trayStates.flatMap((state) => [
    [`tray/tray-${state}Template.png`, 16] as const,
    [`tray/tray-${state}Template@2x.png`, 32] as const,
    [`tray/tray-${state}.png`, 22] as const,
    [`tray/tray-${state}@2x.png`, 44] as const,
  ]),
  ['icons/icon.png', 512],
]);
const expectedFiles = [
  ...expectedPngSizes.keys(),
  ...trayStates.map((state) => `tray/tray-${state}.ico`),
  'icons/icon.ico',
  'icons/icon.icns',
].sort();

const committed = new Map<string, Buffer>();

async function readCommitted(path: string): Promise<Buffer> {
  const cached = committed.get(path);
  if (cached !== undefined) return cached;
  const bytes = await readFile(join(RESOURCES, path));
  committed.set(path, bytes);
  return bytes;
}

function png(path: string): PngImage {
  const bytes = committed.get(path);
  assert.ok(bytes, `${path} was not read`);
  return readPng(bytes);
}

/** Relative luminance (sRGB, 0..1) of pixel `i`. */
function luminance(pixels: Uint8Array, i: number): number {
  const linear = (value: number): number => {
    const c = value / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(pixels[i] ?? 0) + 0.7152 * linear(pixels[i + 1] ?? 0) + 0.0722 * linear(pixels[i + 2] ?? 0);
}

/** Equal when the bytes are, or when both decode to the same images (zlib output may differ by build). */
function samePictures(path: string, a: Buffer, b: Buffer): boolean {
  if (a.equals(b)) return true;
  const samePng = (x: Buffer, y: Buffer): boolean => {
    const left = readPng(x);
    const right = readPng(y);
    return left.width === right.width && left.height === right.height && Buffer.from(left.pixels).equals(Buffer.from(right.pixels));
  };
  const sameList = (x: readonly Buffer[], y: readonly Buffer[]): boolean => x.length === y.length && x.every((item, i) => samePng(item, y[i] ?? Buffer.alloc(0)));
  if (path.endsWith('.png')) return samePng(a, b);
  if (path.endsWith('.ico')) return sameList(readIco(a).map((e) => e.data), readIco(b).map((e) => e.data));
  if (path.endsWith('.icns')) {
    const left = readIcns(a);
    const right = readIcns(b);
    return left.map((e) => e.type).join() === right.map((e) => e.type).join() && sameList(left.map((e) => e.data), right.map((e) => e.data));
  }
  return false;
}

before(async () => {
  for (const path of expectedFiles) {
    try {
      await readCommitted(path);
    } catch {
      // reported by the "every expected file exists" test
    }
  }
});

test('every expected icon file exists under resources/, and nothing else', async () => {
  const listed = [
    ...(await readdir(join(RESOURCES, 'tray'))).map((name) => `tray/${name}`),
    ...(await readdir(join(RESOURCES, 'icons'))).map((name) => `icons/${name}`),
  ].sort();
  assert.deepEqual(listed, expectedFiles);
});

test('every PNG has the PNG signature, valid chunks and the expected IHDR size (8-bit RGBA)', () => {
  for (const [path, size] of expectedPngSizes) {
    const image = png(path);
    assert.equal(image.width, size, `${path} width`);
    assert.equal(image.height, size, `${path} height`);
    assert.equal(image.bitDepth, 8, `${path} bit depth`);
    assert.equal(image.colourType, 6, `${path} colour type (RGBA)`);
    assert.deepEqual(image.chunkTypes, ['IHDR', 'IDAT', 'IEND'], `${path}: no ancillary chunks (no timestamps)`);
  }
});

test('macOS template images contain only black pixels (any alpha) and are not empty', () => {
  for (const state of trayStates) {
    for (const path of [`tray/tray-${state}Template.png`, `tray/tray-${state}Template@2x.png`]) {
      const { pixels } = png(path);
      let opaque = 0;
      for (let i = 0; i < pixels.length; i += 4) {
        assert.deepEqual([pixels[i], pixels[i + 1], pixels[i + 2]], [0, 0, 0], `${path}: pixel ${i / 4} is not black`);
        if ((pixels[i + 3] ?? 0) >= 128) opaque++;
      }
      assert.ok(opaque >= pixels.length / 4 / 10, `${path}: only ${opaque} visible pixels`);
    }
  }
});

test('the states differ in shape, not in colour alone (template alpha masks differ pairwise)', () => {
  const masks = trayStates.map((state) => png(`tray/tray-${state}Template@2x.png`).pixels);
  for (let a = 0; a < masks.length; a++) {
    for (let b = a + 1; b < masks.length; b++) {
      let differing = 0;
      const left = masks[a] ?? new Uint8Array(0);
      const right = masks[b] ?? new Uint8Array(0);
      for (let i = 3; i < left.length; i += 4) if (Math.abs((left[i] ?? 0) - (right[i] ?? 0)) >= 128) differing++;
      assert.ok(differing >= 20, `${String(trayStates[a])} and ${String(trayStates[b])} differ in only ${differing} pixels`);
    }
  }
});

test('coloured tray icons have a dark rim and a light or coloured body, so they show on light and dark panels', () => {
  for (const state of trayStates) {
    for (const path of [`tray/tray-${state}.png`, `tray/tray-${state}@2x.png`]) {
      const { pixels } = png(path);
      let dark = 0;
      let light = 0;
      for (let i = 0; i < pixels.length; i += 4) {
        if ((pixels[i + 3] ?? 0) < 200) continue;
        const y = luminance(pixels, i);
        if (y < 0.05) dark++;
        if (y > 0.3) light++;
      }
      assert.ok(dark >= 10, `${path}: ${dark} dark pixels (visible on light panels?)`);
      assert.ok(light >= 10, `${path}: ${light} light pixels (visible on dark panels?)`);
    }
  }
});

test('each tray .ico lists 16, 20, 24 and 32 px 32-bit images, each a PNG of that size', () => {
  for (const state of trayStates) {
    const path = `tray/tray-${state}.ico`;
    const bytes = committed.get(path);
    assert.ok(bytes, path);
    const entries = readIco(bytes);
    assert.deepEqual(entries.map((e) => e.width), [...trayIcoSizes], `${path} sizes`);
    for (const entry of entries) {
      assert.equal(entry.height, entry.width);
      assert.equal(entry.bitCount, 32);
      assert.equal(entry.planes, 1);
      assert.ok(isPng(entry.data), `${path} ${entry.width}px is a PNG`);
      const image = readPng(entry.data);
      assert.deepEqual([image.width, image.height], [entry.width, entry.height], `${path} ${entry.width}px IHDR`);
    }
  }
});

test('the app icon .ico lists 16 to 256 px images (256 written as 0 in the directory)', () => {
  const bytes = committed.get('icons/icon.ico');
  assert.ok(bytes);
  const entries = readIco(bytes);
  assert.deepEqual(entries.map((e) => e.width), [...appIcoSizes]);
  assert.equal(bytes.readUInt8(6 + 16 * (entries.length - 1)), 0, 'the 256 px entry stores 0 as its width');
  for (const entry of entries) {
    const image = readPng(entry.data);
    assert.deepEqual([image.width, image.height], [entry.width, entry.width]);
  }
});

test('the app icon .icns holds PNG elements ic07 to ic10 (128 to 1024 px) and the smaller retina ones', () => {
  const bytes = committed.get('icons/icon.icns');
  assert.ok(bytes);
  const entries = readIcns(bytes);
  assert.deepEqual(entries.map((e) => e.type), appIcnsEntries.map(([type]) => type));
  for (const type of ['ic07', 'ic08', 'ic09', 'ic10']) assert.ok(entries.some((e) => e.type === type), type);
  for (const [index, [type, size]] of appIcnsEntries.entries()) {
    const image = readPng(entries[index]?.data ?? Buffer.alloc(0));
    assert.deepEqual([image.width, image.height], [size, size], type);
  }
});

describe('the generator', () => {
  let outDir: string;
  let inProcess: IconFile[];

  before(async () => {
    outDir = await mkdtemp(join(tmpdir(), 'airisk-icons-'));
    // The CLI in a child process and the in-process renderer at the same time: two independent runs.
    const child = promisify(execFile)(process.execPath, [GENERATOR, '--out', outDir], { env: { PATH: process.env.PATH ?? '' } });
    inProcess = renderIconFiles();
    await child;
  });

  after(async () => {
    await rm(outDir, { recursive: true, force: true });
  });

  test('is deterministic: a second run writes byte-identical files', async () => {
    assert.deepEqual(inProcess.map((file) => file.path).sort(), expectedFiles);
    for (const file of inProcess) {
      const again = await readFile(join(outDir, file.path));
      assert.ok(again.equals(file.bytes), `${file.path} differs between two runs`);
    }
  });

  test('the committed icons are what the generator draws (run `node scripts/make-icons.ts` after changing it)', () => {
    for (const file of inProcess) {
      const bytes = committed.get(file.path);
      assert.ok(bytes, `${file.path} is missing`);
      assert.ok(samePictures(file.path, bytes, file.bytes), `resources/${file.path} is out of date`);
    }
  });
});
