import { formatAgo } from './ago';

const now = '2026-11-28T01:00:00Z';

describe('formatAgo', () => {
  it('says how long ago in Chinese', () => {
    expect(formatAgo('2026-11-25T01:00:00Z', now)).toBe('3 天前');
    expect(formatAgo('2026-11-28T00:55:00Z', now)).toBe('5 分钟前');
    expect(formatAgo('2026-11-27T22:00:00Z', now)).toBe('3 小时前');
  });
});
