import { taroTestControl } from '../../../tests-client/taroMock';
import { keepLastAnswer, lastAnswerKey, openStateHolds, readLastAnswer } from './lastAnswer';
import type { Origin } from './origin';
import { NO_FILTERS } from './useServiceList';
import { page, summary } from './testFixtures';

const XINSHI: Origin = { lat: 41.811, lng: 126.925, kind: 'community', label: '新市社区', communityId: 'xinshi' };
const HERE: Origin = { lat: 41.8, lng: 126.91, kind: 'location', label: '您的位置', communityId: null };
const DAY_MS = 24 * 3_600_000;

beforeEach(() => taroTestControl.reset());

describe('the last answer kept on the phone', () => {
  it('is kept only for the opening view around a picked 社区: never from the position, never a search or a filter', () => {
    expect(lastAnswerKey(NO_FILTERS, XINSHI)).not.toBeNull();
    expect(lastAnswerKey({ ...NO_FILTERS, nearby: false }, XINSHI)).not.toBe(lastAnswerKey(NO_FILTERS, XINSHI));
    expect(lastAnswerKey(NO_FILTERS, HERE)).toBeNull();
    expect(lastAnswerKey(NO_FILTERS, null)).toBeNull();
    expect(lastAnswerKey({ ...NO_FILTERS, q: '药店' }, XINSHI)).toBeNull();
    expect(lastAnswerKey({ ...NO_FILTERS, category: 'health' }, XINSHI)).toBeNull();
    expect(lastAnswerKey({ ...NO_FILTERS, openNow: true }, XINSHI)).toBeNull();
  });

  it('is read back for the same view only, and not once it is a week old', () => {
    const key = lastAnswerKey(NO_FILTERS, XINSHI)!;
    const fetchedAt = new Date('2026-11-30T02:00:00Z');
    keepLastAnswer(key, page([summary()]), fetchedAt);
    expect(readLastAnswer(key, fetchedAt.getTime() + DAY_MS)?.page.items.map((p) => p.id)).toEqual(['sp-xinshi-elder-canteen']);
    expect(readLastAnswer(key, fetchedAt.getTime() + DAY_MS)?.fetchedAt).toBe('2026-11-30T02:00:00.000Z');
    expect(readLastAnswer(lastAnswerKey({ ...NO_FILTERS, nearby: false }, XINSHI)!, fetchedAt.getTime())).toBeNull();
    expect(readLastAnswer(key, fetchedAt.getTime() + 7 * DAY_MS)).toBeNull();
    keepLastAnswer(key, page([], null, [summary()]), fetchedAt); // nothing within 15 minutes: forgets the old one
    expect(readLastAnswer(key, fetchedAt.getTime())).toBeNull();
    taroTestControl.storage.set('lj-directory-last-answer-v1', '{not json');
    expect(readLastAnswer(key, fetchedAt.getTime())).toBeNull();
  });

  it('tells whether a kept 营业中/已打烊 is still true: until the change the answer announced', () => {
    const now = new Date('2026-11-26T05:00:00Z');
    expect(openStateHolds({ openNow: true, closesAt: '2026-11-26T10:30:00Z', nextOpenAt: null }, now)).toBe(true);
    expect(openStateHolds({ openNow: true, closesAt: '2026-11-26T04:59:00Z', nextOpenAt: null }, now)).toBe(false);
    expect(openStateHolds({ openNow: true, closesAt: null, nextOpenAt: null }, now)).toBe(true); // 24 小时营业
    expect(openStateHolds({ openNow: false, closesAt: null, nextOpenAt: '2026-11-26T22:30:00Z' }, now)).toBe(true);
    expect(openStateHolds({ openNow: false, closesAt: null, nextOpenAt: '2026-11-26T04:00:00Z' }, now)).toBe(false);
  });
});
