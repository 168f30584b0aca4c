import { randomBytes } from 'node:crypto';
import { createPrivacy } from './crypto';

describe('privacy helpers', () => {
  const privacy = createPrivacy(randomBytes(32));

  it('encrypts and decrypts back, with a fresh IV every time', () => {
    const id = '220681199001011234';
    const a = privacy.encrypt(id);
    const b = privacy.encrypt(id);
    expect(a).toMatch(/^v1\./);
    expect(a).not.toContain(id);
    expect(a).not.toBe(b);
    expect(privacy.decrypt(a)).toBe(id);
    expect(privacy.decrypt(b)).toBe(id);
    expect(privacy.decrypt(privacy.encrypt('王秀兰'))).toBe('王秀兰');
  });

  it('detects tampering', () => {
    const sealed = privacy.encrypt('13904391234');
    const raw = Buffer.from(sealed.slice(3), 'base64url');
    raw[raw.length - 1] ^= 0x01;
    expect(() => privacy.decrypt('v1.' + raw.toString('base64url'))).toThrow();
  });

  it('refuses ciphertext made with another key or in an unknown format', () => {
    const other = createPrivacy(randomBytes(32));
    expect(() => other.decrypt(privacy.encrypt('13904391234'))).toThrow();
    expect(() => privacy.decrypt('v0.abc')).toThrow('Unknown ciphertext format');
  });

  it('hashes with a key: stable for one key, different for another, never the plain value', () => {
    const hash = privacy.keyedHash('13904391234');
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(privacy.keyedHash('13904391234')).toBe(hash);
    expect(privacy.keyedHash('13904391235')).not.toBe(hash);
    expect(createPrivacy(randomBytes(32)).keyedHash('13904391234')).not.toBe(hash);
  });

  it('rejects a key of the wrong length', () => {
    expect(() => createPrivacy(randomBytes(16))).toThrow('32 bytes');
  });
});
