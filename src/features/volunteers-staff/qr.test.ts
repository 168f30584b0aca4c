/**
 * The QR code decodes to its text: read back with qrcode-reader (installed with WeChat's miniprogram-ci in
 * tools/, not an app dependency), from a rendered image with a quiet zone.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { qrModules } from './qr';

const READER = join(__dirname, '../../../tools/miniprogram-ci/node_modules/qrcode-reader');

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

function decode(modules: boolean[][]): Promise<string> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const QrCode = require(READER);
  return new Promise((resolve, reject) => {
    const reader = new QrCode();
    reader.callback = (error: unknown, value: { result: string }) => (error ? reject(error) : resolve(value.result));
    reader.decode(image(modules));
  });
}

const maybe = existsSync(READER) ? it : it.skip;

describe('qrModules', () => {
  it('is 25 × 25 with the three finder patterns', () => {
    const modules = qrModules('ljvol:12:345678');
    expect(modules).toHaveLength(25);
    expect(modules[0].slice(0, 7).every(Boolean)).toBe(true);
    expect(modules[0].slice(18).every(Boolean)).toBe(true);
    expect(modules[24].slice(0, 7).every(Boolean)).toBe(true);
  });

  maybe('decodes to the check-in text', async () => {
    for (const text of ['ljvol:12:345678', 'ljvol:100234:000001', 'ljvol:7:999999']) {
      expect(await decode(qrModules(text))).toBe(text);
    }
  });

  it('refuses text that does not fit', () => {
    expect(() => qrModules('x'.repeat(27))).toThrow('too long');
  });
});
