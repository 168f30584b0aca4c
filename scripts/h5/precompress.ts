/**
 * After `taro build --type h5`: writes a brotli (`.br`) and a gzip (`.gz`) twin beside every text file of
 * dist-h5/, so the server sends each asset compressed without compressing on every request
 * (server/lib/static-app.ts, `preCompressed`). A twin that would not be smaller is not written (the server
 * then sends the plain file). Run again on the same folder, it rewrites the twins from the current files.
 *
 *   tsx scripts/h5/precompress.ts [folder]     (default dist-h5)
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** Text formats worth compressing; images and fonts of the build are compressed formats already. */
const COMPRESSIBLE = /\.(js|mjs|css|html|json|svg|txt|map|xml|ico|wasm)$/;
const TWIN = /\.(br|gz)$/;

export interface Compressed {
  /** Path inside the folder, with forward slashes, e.g. `js/app.0123abcd.js`. */
  file: string;
  raw: number;
  /** Bytes of the .gz twin, or of the plain file when no twin was written. */
  gzip: number;
  br: number;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}

async function compressOne(dir: string, file: string): Promise<Compressed> {
  const full = path.join(dir, file);
  const raw = readFileSync(full);
  const [br, gz] = await Promise.all([
    brotli(raw, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
        [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
      },
    }),
    gzip(raw, { level: zlib.constants.Z_BEST_COMPRESSION }),
  ]);
  const keep = (twin: Buffer, extension: string) => {
    if (twin.length >= raw.length) return raw.length;
    writeFileSync(`${full}${extension}`, twin);
    return twin.length;
  };
  return { file, raw: raw.length, br: keep(br, '.br'), gzip: keep(gz, '.gz') };
}

/** Compresses every text file under `dir` (old twins are removed first, so none outlives its file). */
export async function precompressFolder(dir: string): Promise<Compressed[]> {
  for (const file of filesUnder(dir).filter((f) => TWIN.test(f))) rmSync(path.join(dir, file));
  const files = filesUnder(dir).filter((f) => COMPRESSIBLE.test(f));
  return Promise.all(files.map((file) => compressOne(dir, file)));
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

async function main(): Promise<void> {
  const dir = path.resolve(process.argv[2] ?? 'dist-h5');
  const results = await precompressFolder(dir);
  const sum = (key: 'raw' | 'gzip' | 'br') => results.reduce((total, r) => total + r[key], 0);
  console.log(`precompressed ${results.length} files in ${path.relative(process.cwd(), dir) || '.'}: ${kb(sum('raw'))} → gzip ${kb(sum('gzip'))}, brotli ${kb(sum('br'))}`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
