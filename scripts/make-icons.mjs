#!/usr/bin/env node
/**
 * Draws the toolbar icons (public/icons/*.png) without any image library: a rounded
 * square with three lines of "text", one of them underlined in the accent colour.
 * States: icon-* (on), icon-off-* (grey, off everywhere), icon-site-off-* (off for this site).
 * Run once after changing the design; the PNGs are committed.
 */
import { deflateSync } from 'node:zlib';
import { writeFileSync, mkdirSync } from 'node:fs';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
};

function png(size, pixel) {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel((x + 0.5) / size, (y + 0.5) / size, size);
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = r;
      raw[o + 1] = g;
      raw[o + 2] = b;
      raw[o + 3] = a;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  ihdr[10] = 0;
  ihdr[11] = 0;
  ihdr[12] = 0;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

function painter(bg, ink, accent) {
  return (u, v, size) => {
    const r = 0.2,
      inset = 0.04;
    const dx = Math.max(Math.abs(u - 0.5) - (0.5 - inset - r), 0);
    const dy = Math.max(Math.abs(v - 0.5) - (0.5 - inset - r), 0);
    if (Math.hypot(dx, dy) > r) return [0, 0, 0, 0];
    const line = (y0, x1) => v > y0 && v < y0 + Math.max(0.09, 1.5 / size) && u > 0.22 && u < x1;
    if (line(0.58, 0.72) && v > 0.58 + Math.max(0.09, 1.5 / size) - Math.max(0.05, 1 / size)) return accent;
    if (line(0.26, 0.78) || line(0.42, 0.62) || line(0.58, 0.72)) return ink;
    if (v > 0.7 && v < 0.7 + Math.max(0.07, 1.2 / size) && u > 0.22 && u < 0.72) return accent;
    return bg;
  };
}

const variants = {
  icon: painter([22, 78, 99, 255], [255, 255, 255, 255], [250, 204, 21, 255]),
  'icon-off': painter([148, 163, 184, 255], [241, 245, 249, 255], [203, 213, 225, 255]),
  'icon-site-off': painter([22, 78, 99, 255], [148, 163, 184, 255], [100, 116, 139, 255]),
};
mkdirSync('public/icons', { recursive: true });
for (const [name, paint] of Object.entries(variants)) {
  for (const size of [16, 32, 48, 128]) writeFileSync(`public/icons/${name}-${size}.png`, png(size, paint));
}
console.log('icons written to public/icons');
