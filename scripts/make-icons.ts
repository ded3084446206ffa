/**
 * Draws every icon the app ships — tray icons per platform and token state, and the app icon — and
 * writes them under `resources/`. No image library: shapes are signed-distance functions, rendered
 * into a small RGBA raster with supersampling (anti-aliasing), then encoded as PNG (node:zlib +
 * CRC32), ICO (PNG entries) and ICNS (PNG entries). The output is deterministic: same input, same
 * bytes, so the files are committed and `test/unit/icons.test.ts` checks they are up to date.
 *
 *   node scripts/make-icons.ts                   write resources/tray/* and resources/icons/*
 *   node scripts/make-icons.ts --out DIR         write under DIR instead of resources/
 *   node scripts/make-icons.ts --preview DIR     also write enlarged contact sheets (for eyes only)
 *
 * The drawings use a 16-unit design grid (one unit = one pixel of a 16 px icon).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { deflateSync } from 'node:zlib';

/** The token states the tray can show. */
export type TrayState = 'empty' | 'valid' | 'expiring' | 'expired';

/** Every tray state, in a stable order. */
export const trayStates: readonly TrayState[] = ['empty', 'valid', 'expiring', 'expired'];

/** Image sizes inside each Windows tray `.ico`. */
export const trayIcoSizes: readonly number[] = [16, 20, 24, 32];

/** Image sizes inside the Windows app icon `.ico`. */
export const appIcoSizes: readonly number[] = [16, 24, 32, 48, 64, 128, 256];

/** ICNS entries of the macOS app icon: OSType and pixel size (all PNG-encoded). */
export const appIcnsEntries: readonly (readonly [type: string, size: number])[] = [
  ['ic11', 32],
  ['ic12', 64],
  ['ic07', 128],
  ['ic13', 256],
  ['ic08', 256],
  ['ic14', 512],
  ['ic09', 512],
  ['ic10', 1024],
];

/** One generated file: its path relative to `resources/` (POSIX separators) and its bytes. */
export interface IconFile {
  readonly path: string;
  readonly bytes: Buffer;
}

// ---------------------------------------------------------------------------------------------
// Geometry: signed distance functions (negative inside), in design units.

type Sdf = (x: number, y: number) => number;
/** Straight (not premultiplied) colour, each channel 0..1. */
type Rgba = readonly [r: number, g: number, b: number, a: number];

const length = (x: number, y: number): number => Math.sqrt(x * x + y * y);
const circle = (cx: number, cy: number, r: number): Sdf => (x, y) => length(x - cx, y - cy) - r;

/** A rounded line from (ax, ay) to (bx, by), `r` = half its width. */
function capsule(ax: number, ay: number, bx: number, by: number, r: number): Sdf {
  const dx = bx - ax;
  const dy = by - ay;
  const lengthSquared = dx * dx + dy * dy;
  return (x, y) => {
    const t = Math.min(1, Math.max(0, ((x - ax) * dx + (y - ay) * dy) / lengthSquared));
    return length(x - ax - t * dx, y - ay - t * dy) - r;
  };
}

/** An axis-aligned box in a local frame (t, s), with corner radius `r`. */
function localBox(t0: number, t1: number, s0: number, s1: number, r = 0): (t: number, s: number) => number {
  const ct = (t0 + t1) / 2;
  const cs = (s0 + s1) / 2;
  const ht = (t1 - t0) / 2 - r;
  const hs = (s1 - s0) / 2 - r;
  return (t, s) => {
    const qt = Math.abs(t - ct) - ht;
    const qs = Math.abs(s - cs) - hs;
    return length(Math.max(qt, 0), Math.max(qs, 0)) + Math.min(Math.max(qt, qs), 0) - r;
  };
}

const union = (...shapes: Sdf[]): Sdf => (x, y) => {
  let d = Infinity;
  for (const shape of shapes) d = Math.min(d, shape(x, y));
  return d;
};
const subtract = (shape: Sdf, cut: Sdf): Sdf => (x, y) => Math.max(shape(x, y), -cut(x, y));
const dilate = (shape: Sdf, by: number): Sdf => (x, y) => shape(x, y) - by;
const translate = (shape: Sdf, dx: number, dy: number): Sdf => (x, y) => shape(x - dx, y - dy);
const scaleAbout = (shape: Sdf, factor: number, cx: number, cy: number): Sdf => (x, y) =>
  shape(cx + (x - cx) / factor, cy + (y - cy) / factor) * factor;

/** A rounded rectangle, corner radius `r`. */
function roundRect(x0: number, y0: number, x1: number, y1: number, r: number): Sdf {
  return localBox(x0, x1, y0, y1, r);
}

// The key: a bow (ring) at the left, the shaft rising gently to the right, two teeth hanging below
// its tip. The lower-right corner stays free for the state badge.
const BOW_X = 4.4;
const BOW_Y = 9.9;
const BOW_R = 3.55;
const DIRECTION_LENGTH = Math.sqrt(10 * 10 + 7 * 7);
const ALONG_X = 10 / DIRECTION_LENGTH; // the shaft runs along (ALONG_X, -ALONG_Y) …
const ALONG_Y = 7 / DIRECTION_LENGTH; // … and its teeth hang along the normal (ALONG_Y, ALONG_X)
const SHAFT_END = 11.3;

/** Positions a shape drawn in the shaft's frame (t along the shaft from the bow's centre, s across). */
const inShaftFrame = (shape: (t: number, s: number) => number): Sdf => (x, y) =>
  shape((x - BOW_X) * ALONG_X - (y - BOW_Y) * ALONG_Y, (x - BOW_X) * ALONG_Y + (y - BOW_Y) * ALONG_X);

/**
 * The key glyph. `solid`: a bold ring with a small hole and a 2-unit shaft (the normal look).
 * `line`: the same key drawn with thin strokes, hollow — the "nothing stored" look.
 */
function keyGlyph(style: 'solid' | 'line'): Sdf {
  const solid = style === 'solid';
  const half = solid ? 1.05 : 0.58; // half the shaft's width
  const hole = solid ? 1.35 : BOW_R - 2 * half;
  const bow = subtract(circle(BOW_X, BOW_Y, BOW_R), circle(BOW_X, BOW_Y, hole));
  const shaft = localBox(BOW_R - 0.5, SHAFT_END, -half, half, solid ? 0.35 : half);
  const tipTooth = localBox(SHAFT_END - (solid ? 1.8 : 2 * half), SHAFT_END, 0, 3.0, solid ? 0.3 : half);
  const innerTooth = localBox(SHAFT_END - (solid ? 4.3 : 3.4), SHAFT_END - (solid ? 2.8 : 3.4 - 2 * half), 0, 2.4, solid ? 0.3 : half);
  return union(bow, inShaftFrame((t, s) => Math.min(shaft(t, s), tipTooth(t, s), innerTooth(t, s))));
}

const key = keyGlyph('solid');
const keyOutline = keyGlyph('line');

// Badges, lower right.
const CLOCK_X = 12.2;
const CLOCK_Y = 12.2;
const CLOCK_R = 3.6;
const BADGE_GAP = 1.0;
const clockFace = circle(CLOCK_X, CLOCK_Y, CLOCK_R);
const clockHands = union(
  capsule(CLOCK_X, CLOCK_Y, CLOCK_X, CLOCK_Y - 2.35, 0.55),
  capsule(CLOCK_X, CLOCK_Y, CLOCK_X + 1.75, CLOCK_Y, 0.55),
);
const SLASH_HALF = 0.95;
const slash = capsule(2.4, 2.4, 13.6, 13.6, SLASH_HALF);

// ---------------------------------------------------------------------------------------------
// Raster: layers composited per sample ("over", or "erase" to punch a transparent gap).

interface Layer {
  readonly shape: Sdf;
  readonly paint: Rgba | ((x: number, y: number) => Rgba);
  readonly erase?: boolean;
}

/** A straight-alpha RGBA8 image. */
export interface Raster {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

function hex(value: string, alpha = 1): Rgba {
  const n = Number.parseInt(value.slice(1), 16);
  return [((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255, alpha];
}

/** Composites `layers` at one point; returns premultiplied [r, g, b, a]. */
function shade(layers: readonly Layer[], x: number, y: number, out: number[]): void {
  let r = 0;
  let g = 0;
  let b = 0;
  let a = 0;
  for (const layer of layers) {
    if (layer.shape(x, y) > 0) continue;
    if (layer.erase === true) {
      r = g = b = a = 0;
      continue;
    }
    const [cr, cg, cb, ca] = typeof layer.paint === 'function' ? layer.paint(x, y) : layer.paint;
    r = cr * ca + r * (1 - ca);
    g = cg * ca + g * (1 - ca);
    b = cb * ca + b * (1 - ca);
    a = ca + a * (1 - ca);
  }
  out[0] = r;
  out[1] = g;
  out[2] = b;
  out[3] = a;
}

/**
 * Renders `layers` drawn on a `units`-wide design grid into a `size` px square. Pixels that an edge
 * may cross are supersampled on a regular grid; a pixel whose centre is farther than its half
 * diagonal (plus margin) from every edge is uniform and takes one sample. (min/max-composed distance
 * functions never overestimate the distance to an edge, so the test is safe.)
 */
function render(size: number, units: number, layers: readonly Layer[]): Raster {
  const grid = size >= 512 ? 4 : 8; // samples per pixel per axis
  const unitsPerPixel = units / size;
  const clearance = unitsPerPixel * Math.SQRT2;
  const data = new Uint8Array(size * size * 4);
  const sample = [0, 0, 0, 0];
  const sum = [0, 0, 0, 0];
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const cx = (px + 0.5) * unitsPerPixel;
      const cy = (py + 0.5) * unitsPerPixel;
      const nearEdge = layers.some((layer) => Math.abs(layer.shape(cx, cy)) <= clearance);
      sum.fill(0);
      if (nearEdge) {
        for (let sy = 0; sy < grid; sy++) {
          for (let sx = 0; sx < grid; sx++) {
            shade(layers, (px + (sx + 0.5) / grid) * unitsPerPixel, (py + (sy + 0.5) / grid) * unitsPerPixel, sample);
            for (let c = 0; c < 4; c++) sum[c] = (sum[c] ?? 0) + (sample[c] ?? 0);
          }
        }
        for (let c = 0; c < 4; c++) sum[c] = (sum[c] ?? 0) / (grid * grid);
      } else {
        shade(layers, cx, cy, sum);
      }
      const [r = 0, g = 0, b = 0, alpha = 0] = sum;
      const offset = (py * size + px) * 4;
      data[offset + 3] = Math.round(alpha * 255);
      if (data[offset + 3] !== 0) {
        data[offset] = Math.round(Math.min(1, r / alpha) * 255);
        data[offset + 1] = Math.round(Math.min(1, g / alpha) * 255);
        data[offset + 2] = Math.round(Math.min(1, b / alpha) * 255);
      }
    }
  }
  return { width: size, height: size, data };
}

// ---------------------------------------------------------------------------------------------
// The drawings.

const BLACK = hex('#000000');
const RIM = hex('#1f2328'); // dark rim: keeps coloured icons visible on light panels
const RIM_WIDTH = 0.85;
const STATE_FILL: Readonly<Record<TrayState, Rgba>> = {
  empty: hex('#d0d7de'),
  valid: hex('#3fb950'),
  expiring: hex('#f2b325'),
  expired: hex('#9aa4ae'),
};
const SLASH_FILL = hex('#f0524b');
const CLOCK_FILL = hex('#fff4d1');

/** A shape with a dark rim around it, filled with `fill`. */
const rimmed = (shape: Sdf, fill: Rgba): Layer[] => [
  { shape: dilate(shape, RIM_WIDTH), paint: RIM },
  { shape, paint: fill },
];

/** Tray icon layers; `template` = black + alpha for macOS, otherwise coloured with a dark rim. */
function trayLayers(state: TrayState, template: boolean): Layer[] {
  // Shrink the drawing a little in coloured icons so the rim fits inside the canvas.
  const fit = (shape: Sdf): Sdf => (template ? shape : scaleAbout(shape, 0.9, 8, 8));
  const rim = template ? 0 : RIM_WIDTH;
  const glyph = state === 'empty' ? keyOutline : key;
  const layers: Layer[] = template ? [{ shape: fit(glyph), paint: BLACK }] : rimmed(fit(glyph), STATE_FILL[state]);
  if (state === 'expiring') {
    // The gap around the badge: in coloured icons the badge's own rim separates it, so a thin one.
    layers.push({ shape: fit(dilate(clockFace, template ? BADGE_GAP : rim + 0.35)), paint: BLACK, erase: true });
    if (template) {
      layers.push({ shape: fit(subtract(clockFace, clockHands)), paint: BLACK });
    } else {
      layers.push(...rimmed(fit(clockFace), CLOCK_FILL), { shape: fit(clockHands), paint: RIM });
    }
  }
  if (state === 'expired') {
    layers.push({ shape: fit(dilate(slash, template ? BADGE_GAP * 0.8 : rim + 0.35)), paint: BLACK, erase: true });
    layers.push(...(template ? [{ shape: fit(slash), paint: BLACK }] : rimmed(fit(slash), SLASH_FILL)));
  }
  return layers;
}

/** App icon layers: a blue rounded square with a white key (a faint shadow under it). */
function appLayers(): Layer[] {
  const top = hex('#4c6ef5');
  const bottom = hex('#1d3b9a');
  const gradient = (_x: number, y: number): Rgba => {
    const t = Math.min(1, Math.max(0, (y - 1.6) / 12.8));
    return [top[0] + (bottom[0] - top[0]) * t, top[1] + (bottom[1] - top[1]) * t, top[2] + (bottom[2] - top[2]) * t, 1];
  };
  // 16 units = the whole canvas; the body leaves Apple's ~10% margin on each side.
  const body = roundRect(1.6, 1.6, 14.4, 14.4, 2.9);
  const glyph = translate(scaleAbout(key, 0.66, 8, 8), 0.3, -0.1);
  return [
    { shape: body, paint: gradient },
    { shape: translate(dilate(glyph, 0.12), 0.1, 0.28), paint: hex('#0b1a4a', 0.35) },
    { shape: glyph, paint: hex('#ffffff') },
  ];
}

/** Renders the tray icon for `state` at `size` px. */
export function renderTray(state: TrayState, size: number, template: boolean): Raster {
  return render(size, 16, trayLayers(state, template));
}

/** Renders the app icon at `size` px. */
export function renderApp(size: number): Raster {
  return render(size, 16, appLayers());
}

// ---------------------------------------------------------------------------------------------
// Encoders.

const crcTable = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (ISO-HDLC), as PNG chunks use it. */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = (crcTable[(c ^ byte) & 255] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Uint8Array): Buffer {
  const chunk = Buffer.alloc(12 + data.length);
  chunk.writeUInt32BE(data.length, 0);
  chunk.write(type, 4, 'latin1');
  chunk.set(data, 8);
  chunk.writeUInt32BE(crc32(chunk.subarray(4, 8 + data.length)), 8 + data.length);
  return chunk;
}

/** Filters every scanline with the PNG filter that minimises the sum of absolute values. */
function filterScanlines({ width, height, data }: Raster): Buffer {
  const stride = width * 4;
  const out = Buffer.alloc(height * (stride + 1));
  const candidate = Buffer.alloc(stride);
  const best = Buffer.alloc(stride);
  for (let y = 0; y < height; y++) {
    const row = data.subarray(y * stride, (y + 1) * stride);
    const above = y > 0 ? data.subarray((y - 1) * stride, y * stride) : new Uint8Array(stride);
    let bestType = 0;
    let bestScore = Infinity;
    for (let type = 0; type <= 4; type++) {
      let score = 0;
      for (let i = 0; i < stride; i++) {
        const left = i >= 4 ? (row[i - 4] ?? 0) : 0;
        const up = above[i] ?? 0;
        const upLeft = i >= 4 ? (above[i - 4] ?? 0) : 0;
        let predictor = 0;
        if (type === 1) predictor = left;
        else if (type === 2) predictor = up;
        else if (type === 3) predictor = (left + up) >> 1;
        else if (type === 4) {
          const p = left + up - upLeft;
          const pa = Math.abs(p - left);
          const pb = Math.abs(p - up);
          const pc = Math.abs(p - upLeft);
          predictor = pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
        }
        const value = ((row[i] ?? 0) - predictor) & 255;
        candidate[i] = value;
        score += value < 128 ? value : 256 - value;
      }
      if (score < bestScore) {
        bestScore = score;
        bestType = type;
        candidate.copy(best);
      }
    }
    out[y * (stride + 1)] = bestType;
    best.copy(out, y * (stride + 1) + 1);
  }
  return out;
}

/** Encodes an RGBA8 raster as PNG (colour type 6, no ancillary chunks, so no timestamps). */
export function encodePng(raster: Raster): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(raster.width, 0);
  header.writeUInt32BE(raster.height, 4);
  header.set([8, 6, 0, 0, 0], 8); // bit depth 8, RGBA, deflate, adaptive filtering, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(filterScanlines(raster), { level: 9 })),
    pngChunk('IEND', new Uint8Array(0)),
  ]);
}

/** An ICO file whose images are PNG-encoded (supported by Windows since Vista). */
export function encodeIco(images: readonly Raster[]): Buffer {
  const pngs = images.map(encodePng);
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach((image, index) => {
    const entry = 6 + 16 * index;
    const png = pngs[index] ?? Buffer.alloc(0);
    header.writeUInt8(image.width >= 256 ? 0 : image.width, entry); // 0 means 256
    header.writeUInt8(image.height >= 256 ? 0 : image.height, entry + 1);
    header.writeUInt8(0, entry + 2); // no palette
    header.writeUInt8(0, entry + 3); // reserved
    header.writeUInt16LE(1, entry + 4); // colour planes
    header.writeUInt16LE(32, entry + 6); // bits per pixel
    header.writeUInt32LE(png.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...pngs]);
}

/** An ICNS file with PNG-encoded entries (`ic07`…`ic14`). */
export function encodeIcns(entries: readonly (readonly [type: string, image: Raster])[]): Buffer {
  const parts = entries.map(([type, image]) => {
    const png = encodePng(image);
    const head = Buffer.alloc(8);
    head.write(type, 0, 'latin1');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'latin1');
  head.writeUInt32BE(8 + parts.reduce((sum, part) => sum + part.length, 0), 4);
  return Buffer.concat([head, ...parts]);
}

// ---------------------------------------------------------------------------------------------
// The file set.

/** Renders every icon file in memory; paths are relative to `resources/`. */
export function renderIconFiles(): IconFile[] {
  const files: IconFile[] = [];
  for (const state of trayStates) {
    files.push(
      { path: `tray/tray-${state}Template.png`, bytes: encodePng(renderTray(state, 16, true)) },
      { path: `tray/tray-${state}Template@2x.png`, bytes: encodePng(renderTray(state, 32, true)) },
      { path: `tray/tray-${state}.png`, bytes: encodePng(renderTray(state, 22, false)) },
      { path: `tray/tray-${state}@2x.png`, bytes: encodePng(renderTray(state, 44, false)) },
      { path: `tray/tray-${state}.ico`, bytes: encodeIco(trayIcoSizes.map((size) => renderTray(state, size, false))) },
    );
  }
  const appBySize = new Map<number, Raster>();
  const app = (size: number): Raster => {
    const cached = appBySize.get(size);
    if (cached !== undefined) return cached;
    const raster = renderApp(size);
    appBySize.set(size, raster);
    return raster;
  };
  files.push(
    { path: 'icons/icon.png', bytes: encodePng(app(512)) },
    { path: 'icons/icon.ico', bytes: encodeIco(appIcoSizes.map(app)) },
    { path: 'icons/icon.icns', bytes: encodeIcns(appIcnsEntries.map(([type, size]) => [type, app(size)] as const)) },
  );
  return files;
}

/** Writes every icon file under `resourcesDir`; returns the paths written. */
export async function writeIconFiles(resourcesDir: string): Promise<string[]> {
  const written: string[] = [];
  for (const file of renderIconFiles()) {
    const target = join(resourcesDir, file.path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, file.bytes);
    written.push(target);
  }
  return written;
}

// ---------------------------------------------------------------------------------------------
// Preview (for looking at the drawings, never shipped): enlarged, nearest-neighbour, on a light
// and a dark background side by side.

/** Nearest-neighbour upscale of `raster` by `factor`, composited onto `background`. */
function enlargeOnto(raster: Raster, factor: number, background: Rgba): Raster {
  const width = raster.width * factor;
  const height = raster.height * factor;
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const source = (Math.floor(y / factor) * raster.width + Math.floor(x / factor)) * 4;
      const target = (y * width + x) * 4;
      const alpha = (raster.data[source + 3] ?? 0) / 255;
      for (let c = 0; c < 3; c++) {
        data[target + c] = Math.round((raster.data[source + c] ?? 0) * alpha + (background[c] ?? 0) * 255 * (1 - alpha));
      }
      data[target + 3] = 255;
    }
  }
  return { width, height, data };
}

/** Lays rasters out left to right, top aligned, with a gap; rows top to bottom. */
function sheet(rows: readonly (readonly Raster[])[], gap = 8): Raster {
  const width = Math.max(...rows.map((row) => row.reduce((sum, r) => sum + r.width + gap, gap)));
  const height = rows.reduce((sum, row) => sum + Math.max(...row.map((r) => r.height)) + gap, gap);
  const data = new Uint8Array(width * height * 4).fill(255);
  let top = gap;
  for (const row of rows) {
    let left = gap;
    for (const raster of row) {
      for (let y = 0; y < raster.height; y++) {
        data.set(raster.data.subarray(y * raster.width * 4, (y + 1) * raster.width * 4), ((top + y) * width + left) * 4);
      }
      left += raster.width + gap;
    }
    top += Math.max(...row.map((r) => r.height)) + gap;
  }
  return { width, height, data };
}

async function writePreviews(previewDir: string): Promise<void> {
  await mkdir(previewDir, { recursive: true });
  const light = hex('#f6f8fa');
  const dark = hex('#24292f');
  const panel = hex('#3d3d3d');
  const both = (raster: Raster, factor: number): Raster[] => [enlargeOnto(raster, factor, light), enlargeOnto(raster, factor, dark)];
  const trayRows = trayStates.map((state) => [
    ...both(renderTray(state, 16, true), 8),
    ...both(renderTray(state, 32, true), 4),
    ...both(renderTray(state, 22, false), 6),
    ...both(renderTray(state, 44, false), 3),
    ...trayIcoSizes.map((size) => enlargeOnto(renderTray(state, size, false), 4, panel)),
  ]);
  await writeFile(join(previewDir, 'tray-sheet.png'), encodePng(sheet(trayRows)));
  const actualSize = trayStates.map((state) => [
    enlargeOnto(renderTray(state, 16, true), 1, light),
    enlargeOnto(renderTray(state, 22, false), 1, light),
    enlargeOnto(renderTray(state, 22, false), 1, dark),
    enlargeOnto(renderTray(state, 44, false), 1, dark),
  ]);
  await writeFile(join(previewDir, 'tray-actual-size.png'), encodePng(sheet(actualSize)));
  const appRow = [enlargeOnto(renderApp(512), 1, light), ...[16, 32, 48].map((size) => enlargeOnto(renderApp(size), 4, dark))];
  await writeFile(join(previewDir, 'app-sheet.png'), encodePng(sheet([appRow])));
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { out: { type: 'string' }, preview: { type: 'string' } } });
  const resourcesDir = resolve(values.out ?? fileURLToPath(new URL('../resources', import.meta.url)));
  const written = await writeIconFiles(resourcesDir);
  console.log(`wrote ${written.length} icon files under ${resourcesDir}`);
  if (values.preview !== undefined) {
    await writePreviews(resolve(values.preview));
    console.log(`wrote previews under ${resolve(values.preview)}`);
  }
}
