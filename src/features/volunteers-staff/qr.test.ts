/**
 * The QR code decodes to its text: read back with jsQR (a dev dependency; a decoder written apart from the encoder)
 * from a rendered image with a quiet zone, the way a phone's camera sees the screen.
 */
import jsQR from 'jsqr';
import { qrModules } from './qr';

function image(modules: boolean[][], scale = 8, quiet = 4) {
  const size = (modules.length + quiet * 2) * scale;
  const data = new Uint8ClampedArray(size * size * 4).fill(255);
  modules.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (!dark) return;
      for (let dy = 0; dy < scale; dy += 1) {
        for (let dx = 0; dx < scale; dx += 1) {
          const offset = (((y + quiet) * scale + dy) * size + (x + quiet) * scale + dx) * 4;
          data[offset] = data[offset + 1] = data[offset + 2] = 0;
        }
      }
    }),
  );
  return { width: size, height: size, data };
}

function decode(modules: boolean[][]): string | undefined {
  const { data, width, height } = image(modules);
  return jsQR(data, width, height)?.data;
}

describe('qrModules', () => {
  it('draws the three finder patterns of a version 2 code (25 × 25) for a check-in text', () => {
    const modules = qrModules('ljvol:12:345678');
    expect(modules).toHaveLength(25);
    expect(modules.every((row) => row.length === 25)).toBe(true);
    expect(modules[0].slice(0, 7).every(Boolean)).toBe(true);
    expect(modules[0].slice(18).every(Boolean)).toBe(true);
    expect(modules[24].slice(0, 7).every(Boolean)).toBe(true);
  });

  it('decodes to the check-in text, short and long', () => {
    for (const text of ['ljvol:12:345678', 'ljvol:100234:000001', 'ljvol:7:999999', `ljvol:2147483647:${'9'.repeat(20)}`]) {
      expect(decode(qrModules(text))).toBe(text);
    }
  });
});
