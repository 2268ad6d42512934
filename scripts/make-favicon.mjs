// Draws Talon's icon (a white "Т" on the kiosk's blue, rounded) into ui/favicon.ico at 16, 32
// and 48 px: 32-bit BMP images in an ICO, supersampled 4×4 for smooth edges. Run once by hand
// (`node scripts/make-favicon.mjs`) when the icon changes; the server serves the file.
import { writeFileSync } from 'node:fs';

const BLUE = [0x0b, 0x4f, 0x9c];

/** Colour and coverage of the point (x, y) in a unit square. */
function shade(x, y) {
  const r = 0.2;
  const cx = Math.min(Math.max(x, r), 1 - r), cy = Math.min(Math.max(y, r), 1 - r);
  if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) return null;
  const bar = y >= 0.22 && y < 0.36 && x >= 0.24 && x < 0.76;
  const stem = y >= 0.22 && y < 0.8 && x >= 0.43 && x < 0.57;
  return bar || stem ? [255, 255, 255] : BLUE;
}

function bmp(size) {
  const s = 4;
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, n = 0;
      for (let i = 0; i < s; i++) for (let j = 0; j < s; j++) {
        const c = shade((px + (i + 0.5) / s) / size, (py + (j + 0.5) / s) / size);
        if (c) { r += c[0]; g += c[1]; b += c[2]; n++; }
      }
      const o = ((size - 1 - py) * size + px) * 4; // rows bottom-up
      if (n) pixels.set([Math.round(b / n), Math.round(g / n), Math.round(r / n), Math.round((255 * n) / (s * s))], o);
    }
  }
  const header = Buffer.alloc(40);
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(size, 4);
  header.writeInt32LE(size * 2, 8); // image and mask
  header.writeUInt16LE(1, 12);
  header.writeUInt16LE(32, 14);
  const mask = Buffer.alloc(Math.ceil(size / 32) * 4 * size); // transparency comes from alpha
  return Buffer.concat([header, pixels, mask]);
}

const sizes = [16, 32, 48];
const images = sizes.map(bmp);
const dir = Buffer.alloc(6 + 16 * sizes.length);
dir.writeUInt16LE(1, 2);
dir.writeUInt16LE(sizes.length, 4);
let offset = dir.length;
sizes.forEach((size, i) => {
  const e = 6 + 16 * i;
  dir.writeUInt8(size, e);
  dir.writeUInt8(size, e + 1);
  dir.writeUInt16LE(1, e + 4);
  dir.writeUInt16LE(32, e + 6);
  dir.writeUInt32LE(images[i].length, e + 8);
  dir.writeUInt32LE(offset, e + 12);
  offset += images[i].length;
});
writeFileSync(new URL('../ui/favicon.ico', import.meta.url), Buffer.concat([dir, ...images]));
