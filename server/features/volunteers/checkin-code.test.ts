import { createHmac } from 'node:crypto';
import volunteersConfig from '../../../config/domain/volunteers.json';
import { issueCheckInCode, verifyCheckInCode } from './checkin-code';

const sign = (value: string) => createHmac('sha256', 'test key').update(value).digest('hex');
const otherKey = (value: string) => createHmac('sha256', 'another key').update(value).digest('hex');
const WINDOW_MS = volunteersConfig.checkIn.codeWindowMinutes * 60_000;
const now = new Date('2026-12-02T00:40:00.000Z');

describe('check-in codes', () => {
  it('are six digits that check in to their own activity, typed or scanned', () => {
    const issued = issueCheckInCode(sign, 7, now);
    expect(issued.code).toMatch(/^\d{6}$/);
    expect(issued.scanText).toBe(`ljvol:7:${issued.code}`);
    expect(verifyCheckInCode(sign, 7, issued.code, now)).toBe('ok');
    expect(verifyCheckInCode(sign, 7, issued.scanText, now)).toBe('ok');
  });

  it('never check in to another activity', () => {
    const issued = issueCheckInCode(sign, 7, now);
    expect(verifyCheckInCode(sign, 8, issued.scanText, now)).toBe('otherActivity');
    expect(verifyCheckInCode(sign, 8, issued.code, now)).toBe('invalid');
  });

  it('expire after the next window, and are not made without the key', () => {
    const issued = issueCheckInCode(sign, 7, now);
    expect(verifyCheckInCode(sign, 7, issued.code, new Date(Date.parse(issued.expiresAt) - 1))).toBe('ok');
    expect(verifyCheckInCode(sign, 7, issued.code, new Date(Date.parse(issued.expiresAt)))).toBe('invalid');
    expect(Date.parse(issued.expiresAt) - now.getTime()).toBeLessThanOrEqual(2 * WINDOW_MS);
    expect(verifyCheckInCode(otherKey, 7, issued.code, now)).toBe('invalid');
  });

  it('refuse anything but six digits', () => {
    expect(verifyCheckInCode(sign, 7, '12345', now)).toBe('invalid');
    expect(verifyCheckInCode(sign, 7, 'ljvol:7:', now)).toBe('invalid');
  });
});
