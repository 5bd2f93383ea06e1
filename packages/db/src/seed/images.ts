// Demo logos and signatures drawn here, as PNG, for the seed and the tests: no image is
// downloaded, and none imitates a real emblem (simple geometric marks in the organization's colour).
import { crc32, deflateSync } from 'node:zlib';

type Rgba = [number, number, number, number];

/** Encodes RGBA pixels (row by row, 8 bits a channel) as a PNG. */
export function encodePng(width: number, height: number, pixels: Uint8Array): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const rows = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    rows[y * (width * 4 + 1)] = 0; // filter: none
    rows.set(pixels.subarray(y * width * 4, (y + 1) * width * 4), y * (width * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function hex(color: string): Rgba {
  const value = Number.parseInt(color.replace('#', ''), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255, 255];
}

/** Draws with 4×4 supersampling: `paint` gives the colour at a point (or null, transparent). */
function draw(width: number, height: number, paint: (x: number, y: number) => Rgba | null): Buffer {
  const pixels = new Uint8Array(width * height * 4);
  const samples = 4;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const color = paint(x + (sx + 0.5) / samples, y + (sy + 0.5) / samples);
          if (!color) continue;
          const alpha = color[3] / 255;
          sum[0] = (sum[0] ?? 0) + color[0] * alpha;
          sum[1] = (sum[1] ?? 0) + color[1] * alpha;
          sum[2] = (sum[2] ?? 0) + color[2] * alpha;
          sum[3] = (sum[3] ?? 0) + alpha;
        }
      }
      const coverage = sum[3] ?? 0;
      const offset = (y * width + x) * 4;
      if (coverage === 0) continue;
      pixels[offset] = Math.round((sum[0] ?? 0) / coverage);
      pixels[offset + 1] = Math.round((sum[1] ?? 0) / coverage);
      pixels[offset + 2] = Math.round((sum[2] ?? 0) / coverage);
      pixels[offset + 3] = Math.round((coverage / samples ** 2) * 255);
    }
  }
  return encodePng(width, height, pixels);
}

/**
 * A round mark: a disc in `color`, a white ring, and `points` rays in the middle (a star for a
 * ministry, a gear-like wheel for a provider). 160 px square, transparent outside.
 */
export function demoLogoPng({ color, points = 8 }: { color: string; points?: number }): Buffer {
  const size = 160;
  const fill = hex(color);
  const white: Rgba = [255, 255, 255, 255];
  const centre = size / 2;
  return draw(size, size, (x, y) => {
    const dx = x - centre;
    const dy = y - centre;
    const r = Math.hypot(dx, dy);
    if (r > 78) return null;
    if (r > 64) return fill;
    if (r > 58) return white;
    const angle = Math.atan2(dy, dx);
    // Rays: the radius of the shape swings between 22 and 44 px, `points` times around.
    const edge = 33 + 11 * Math.cos(points * angle);
    if (r < 12) return fill;
    return r < edge ? white : fill;
  });
}

/** A handwritten-looking stroke in dark blue ink, 300×90, transparent around it. */
export function demoSignaturePng({ seed = 1 }: { seed?: number } = {}): Buffer {
  const width = 300;
  const height = 90;
  const ink: Rgba = [20, 40, 110, 255];
  // A looping curve: x runs across, y swings with two waves, with loops where the phase folds back.
  const path: Array<[number, number]> = [];
  for (let t = 0; t <= 1; t += 0.0015) {
    const x = 20 + 260 * t + 14 * Math.sin(t * Math.PI * 10 + seed);
    const y =
      48 + 22 * Math.sin(t * Math.PI * 6 + seed) * (1 - t * 0.5) + 8 * Math.cos(t * Math.PI * 10 + seed);
    path.push([x, y]);
  }
  // The stroke is stamped into a grid four times finer than the pixels, then averaged down.
  const scale = 4;
  const inked = new Uint8Array(width * scale * height * scale);
  const radius = 1.6 * scale;
  for (const [px, py] of path) {
    const cx = px * scale;
    const cy = py * scale;
    for (let y = Math.floor(cy - radius); y <= Math.ceil(cy + radius); y++) {
      for (let x = Math.floor(cx - radius); x <= Math.ceil(cx + radius); x++) {
        if (x < 0 || y < 0 || x >= width * scale || y >= height * scale) continue;
        if (Math.hypot(x + 0.5 - cx, y + 0.5 - cy) < radius) inked[y * width * scale + x] = 1;
      }
    }
  }
  return draw(width, height, (x, y) =>
    inked[Math.floor(y * scale) * width * scale + Math.floor(x * scale)] ? ink : null,
  );
}
