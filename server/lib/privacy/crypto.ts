import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Personal data at rest. One 32-byte DATA_KEY; two sub-keys derived from it with HKDF so the
 * encryption key and the hashing key are never the same bytes.
 *
 * Ciphertext format (versioned so the scheme can change later): "v1." + base64url(iv[12] | tag[16] | data).
 */
export interface Privacy {
  encrypt(plain: string): string;
  /** Throws when the ciphertext was altered or made with another key. */
  decrypt(sealed: string): string;
  /** HMAC-SHA256 (hex) for uniqueness look-ups of phones, ID numbers, openids … without storing them. */
  keyedHash(value: string): string;
}

const FORMAT_V1 = 'v1.';
const IV_BYTES = 12;
const TAG_BYTES = 16;

function deriveKey(dataKey: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), `linjiang:${purpose}`, 32));
}

export function createPrivacy(dataKey: Buffer): Privacy {
  if (dataKey.length !== 32) throw new Error('DATA_KEY must be exactly 32 bytes');
  const encryptionKey = deriveKey(dataKey, 'aes-256-gcm:v1');
  const hashKey = deriveKey(dataKey, 'hmac-sha256:v1');

  return {
    encrypt(plain) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', encryptionKey, iv);
      const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return FORMAT_V1 + Buffer.concat([iv, cipher.getAuthTag(), data]).toString('base64url');
    },
    decrypt(sealed) {
      if (!sealed.startsWith(FORMAT_V1)) throw new Error('Unknown ciphertext format');
      const raw = Buffer.from(sealed.slice(FORMAT_V1.length), 'base64url');
      if (raw.length < IV_BYTES + TAG_BYTES) throw new Error('Ciphertext too short');
      const decipher = createDecipheriv('aes-256-gcm', encryptionKey, raw.subarray(0, IV_BYTES));
      decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    },
    keyedHash(value) {
      return createHmac('sha256', hashKey).update(value, 'utf8').digest('hex');
    },
  };
}
