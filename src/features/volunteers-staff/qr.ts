/**
 * A QR code (ISO/IEC 18004) for the check-in text the volunteer scans on weapp, version 2 (25×25), error
 * correction level M, byte mode: up to 26 bytes, enough for "ljvol:<activity>:<code>". Small on purpose: the
 * app needs one fixed size, so no version or mask search (any mask decodes; mask 0 is used).
 */

const SIZE = 25;
const DATA_CODEWORDS = 28;
const EC_CODEWORDS = 16;
/** Level M in the format information, and the mask used. */
const FORMAT_LEVEL_M = 0;
const MASK = 0;

/** Multiplication in GF(2^8) with the QR polynomial x^8 + x^4 + x^3 + x^2 + 1. */
function gfMultiply(x: number, y: number): number {
  let z = 0;
  for (let i = 7; i >= 0; i -= 1) {
    z = (z << 1) ^ ((z >>> 7) * 0x11d);
    z ^= ((y >>> i) & 1) * x;
  }
  return z;
}

function reedSolomon(data: number[], degree: number): number[] {
  const divisor = new Array<number>(degree).fill(0);
  divisor[degree - 1] = 1;
  let root = 1;
  for (let i = 0; i < degree; i += 1) {
    for (let j = 0; j < degree; j += 1) {
      divisor[j] = gfMultiply(divisor[j], root);
      if (j + 1 < degree) divisor[j] ^= divisor[j + 1];
    }
    root = gfMultiply(root, 0x02);
  }
  const remainder = new Array<number>(degree).fill(0);
  for (const byte of data) {
    const factor = byte ^ (remainder.shift() as number);
    remainder.push(0);
    divisor.forEach((coefficient, i) => {
      remainder[i] ^= gfMultiply(coefficient, factor);
    });
  }
  return remainder;
}

/** Mode, length, the bytes, terminator and padding, then the error correction codewords. */
function codewords(text: string): number[] {
  // ASCII only (WeChat's older base libraries have no TextEncoder; the check-in text is ASCII).
  const bytes = Array.from(text, (c) => c.charCodeAt(0));
  if (bytes.some((b) => b > 0x7f)) throw new Error('QR text must be ASCII');
  if (bytes.length > DATA_CODEWORDS - 2) throw new Error('text too long for a version 2-M QR code');
  const bits: number[] = [];
  const put = (value: number, length: number) => {
    for (let i = length - 1; i >= 0; i -= 1) bits.push((value >>> i) & 1);
  };
  put(0b0100, 4);
  put(bytes.length, 8);
  for (const b of bytes) put(b, 8);
  put(0, Math.min(4, DATA_CODEWORDS * 8 - bits.length));
  while (bits.length % 8 !== 0) bits.push(0);
  const data: number[] = [];
  for (let i = 0; i < bits.length; i += 8) data.push(bits.slice(i, i + 8).reduce((n, bit) => (n << 1) | bit, 0));
  for (let pad = 0xec; data.length < DATA_CODEWORDS; pad ^= 0xec ^ 0x11) data.push(pad);
  return [...data, ...reedSolomon(data, EC_CODEWORDS)];
}

/** The modules, row by row: true = dark. */
export function qrModules(text: string): boolean[][] {
  const modules = Array.from({ length: SIZE }, () => new Array<boolean>(SIZE).fill(false));
  const isFunction = Array.from({ length: SIZE }, () => new Array<boolean>(SIZE).fill(false));
  const setFunction = (x: number, y: number, dark: boolean) => {
    modules[y][x] = dark;
    isFunction[y][x] = true;
  };

  for (let i = 0; i < SIZE; i += 1) {
    setFunction(6, i, i % 2 === 0);
    setFunction(i, 6, i % 2 === 0);
  }
  for (const [cx, cy] of [[3, 3], [SIZE - 4, 3], [3, SIZE - 4]]) {
    for (let dy = -4; dy <= 4; dy += 1) {
      for (let dx = -4; dx <= 4; dx += 1) {
        const x = cx + dx;
        const y = cy + dy;
        const distance = Math.max(Math.abs(dx), Math.abs(dy));
        if (x >= 0 && x < SIZE && y >= 0 && y < SIZE) setFunction(x, y, distance !== 2 && distance !== 4);
      }
    }
  }
  for (let dy = -2; dy <= 2; dy += 1) {
    for (let dx = -2; dx <= 2; dx += 1) setFunction(18 + dx, 18 + dy, Math.max(Math.abs(dx), Math.abs(dy)) !== 1);
  }

  // Format information: level and mask with their BCH bits, in both copies; then the dark module.
  const format = (FORMAT_LEVEL_M << 3) | MASK;
  let remainder = format;
  for (let i = 0; i < 10; i += 1) remainder = (remainder << 1) ^ ((remainder >>> 9) * 0x537);
  const bits = ((format << 10) | remainder) ^ 0x5412;
  const bit = (i: number) => ((bits >>> i) & 1) === 1;
  for (let i = 0; i <= 5; i += 1) setFunction(8, i, bit(i));
  setFunction(8, 7, bit(6));
  setFunction(8, 8, bit(7));
  setFunction(7, 8, bit(8));
  for (let i = 9; i < 15; i += 1) setFunction(14 - i, 8, bit(i));
  for (let i = 0; i < 8; i += 1) setFunction(SIZE - 1 - i, 8, bit(i));
  for (let i = 8; i < 15; i += 1) setFunction(8, SIZE - 15 + i, bit(i));
  setFunction(8, SIZE - 8, true);

  // Data in two-column zigzags from the bottom right, skipping the vertical timing column; mask 0 on data only.
  const data = codewords(text);
  let index = 0;
  for (let right = SIZE - 1; right >= 1; right -= 2) {
    if (right === 6) right = 5;
    for (let vertical = 0; vertical < SIZE; vertical += 1) {
      for (let j = 0; j < 2; j += 1) {
        const x = right - j;
        const upward = ((right + 1) & 2) === 0;
        const y = upward ? SIZE - 1 - vertical : vertical;
        if (isFunction[y][x]) continue;
        const dark = index < data.length * 8 && ((data[index >>> 3] >>> (7 - (index & 7))) & 1) === 1;
        index += 1;
        modules[y][x] = dark !== ((x + y) % 2 === 0);
      }
    }
  }
  return modules;
}
