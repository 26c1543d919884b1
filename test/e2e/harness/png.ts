/**
 * A small PNG decoder for screenshot pixel checks (no dependency): 8-bit greyscale, grey +
 * alpha, RGB and RGBA, not interlaced — what Chromium and Firefox write for screenshots.
 * `decodePng` returns RGBA bytes; `rectDiff` compares the same rectangle of two images.
 */
import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';

/** A decoded image: `data` holds width × height RGBA pixels, row by row. */
export interface PngImage {
  width: number;
  height: number;
  data: Uint8Array;
}

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Channels per pixel for each supported colour type. */
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 4: 2, 6: 4 };

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Decodes a PNG (a file path or its bytes) to RGBA; throws on what it does not support. */
export function decodePng(input: string | Uint8Array): PngImage {
  const buf = Buffer.from(typeof input === 'string' ? readFileSync(input) : input);
  if (!SIGNATURE.every((b, i) => buf[i] === b)) throw new Error('not a PNG (bad signature)');
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  for (let at = 8; at + 8 <= buf.length;) {
    const len = buf.readUInt32BE(at);
    const type = buf.toString('latin1', at + 4, at + 8);
    const body = buf.subarray(at + 8, at + 8 + len);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const [depth, colour, , , interlace] = [body[8]!, body[9]!, body[10]!, body[11]!, body[12]!];
      channels = CHANNELS[colour] ?? 0;
      if (depth !== 8 || !channels) throw new Error(`unsupported PNG: bit depth ${depth}, colour type ${colour}`);
      if (interlace !== 0) throw new Error('unsupported PNG: interlaced');
    } else if (type === 'IDAT') idat.push(body);
    else if (type === 'IEND') break;
    at += 12 + len;
  }
  if (!width || !height) throw new Error('PNG without IHDR');
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  if (raw.length < height * (stride + 1)) throw new Error('PNG data too short');
  // Undo the per-row filters in place, into `px` (channels per pixel, no filter bytes).
  const px = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const src = y * (stride + 1) + 1;
    const row = y * stride;
    const prev = row - stride;
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? px[row + x - channels]! : 0;
      const b = y > 0 ? px[prev + x]! : 0;
      const c = x >= channels && y > 0 ? px[prev + x - channels]! : 0;
      const v = raw[src + x]!;
      let out: number;
      switch (filter) {
        case 0:
          out = v;
          break;
        case 1:
          out = v + a;
          break;
        case 2:
          out = v + b;
          break;
        case 3:
          out = v + ((a + b) >> 1);
          break;
        case 4:
          out = v + paeth(a, b, c);
          break;
        default:
          throw new Error(`bad PNG filter ${filter} on row ${y}`);
      }
      px[row + x] = out & 0xff;
    }
  }
  if (channels === 4) return { width, height, data: px };
  const data = new Uint8Array(width * height * 4);
  for (let i = 0, j = 0; i < px.length; i += channels, j += 4) {
    const grey = channels <= 2;
    data[j] = px[i]!;
    data[j + 1] = grey ? px[i]! : px[i + 1]!;
    data[j + 2] = grey ? px[i]! : px[i + 2]!;
    data[j + 3] = channels === 2 ? px[i + 1]! : channels === 4 ? px[i + 3]! : 255;
  }
  return { width, height, data };
}

/** The RGBA of one pixel. */
export function pixelAt(img: PngImage, x: number, y: number): [number, number, number, number] {
  const i = (y * img.width + x) * 4;
  return [img.data[i]!, img.data[i + 1]!, img.data[i + 2]!, img.data[i + 3]!];
}

/** A rectangle in image pixels. */
export interface PixelRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * How many pixels of a rectangle differ between two images of the same size, by more than
 * `tolerance` in some channel; `share` is that count over the rectangle's pixels.
 */
export function rectDiff(a: PngImage, b: PngImage, rect: PixelRect, tolerance = 8): { differing: number; total: number; share: number } {
  if (a.width !== b.width || a.height !== b.height) throw new Error(`image sizes differ: ${a.width}×${a.height} vs ${b.width}×${b.height}`);
  const x0 = Math.max(0, Math.floor(rect.x));
  const y0 = Math.max(0, Math.floor(rect.y));
  const x1 = Math.min(a.width, Math.ceil(rect.x + rect.width));
  const y1 = Math.min(a.height, Math.ceil(rect.y + rect.height));
  let differing = 0;
  let total = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      total++;
      const i = (y * a.width + x) * 4;
      for (let k = 0; k < 4; k++) {
        if (Math.abs(a.data[i + k]! - b.data[i + k]!) > tolerance) {
          differing++;
          break;
        }
      }
    }
  }
  return { differing, total, share: total ? differing / total : 0 };
}
