import { cleanup, fireEvent, render } from '@testing-library/react';
import { summary } from '../testFixtures';
import { ratingLine, ServiceCard } from './ServiceCard';

// Every test renders afresh: the previous test's tree must be gone (ids are looked up in the whole document).
afterEach(cleanup);

/** Thursday 2026-11-26 20:00 in China. */
const EVENING = new Date('2026-11-26T12:00:00Z');

describe('ServiceCard', () => {
  it('shows distance and walking time in bold, 营业中 in words with the closing time, and the demo mark', () => {
    const { container, getByText } = render(<ServiceCard point={summary()} onOpen={jest.fn()} now={EVENING} />);
    const distance = container.querySelector('.service-card__distance');
    expect(distance?.textContent).toBe('约 130 米 · 步行约 2 分钟');
    expect(getByText('● 营业中')).toBeTruthy();
    expect(getByText('营业至 18:30')).toBeTruthy();
    expect(getByText('演示数据')).toBeTruthy();
    expect(container.querySelector('.service-card__state')?.className).toContain('is-open');
  });

  it('says 已打烊 and when it opens next, and writes a kilometre distance with one decimal', () => {
    const closed = summary({
      distanceMeters: 1234,
      walkingMinutes: 17,
      openNow: false,
      closesAt: null,
      nextOpenAt: '2026-11-26T22:30:00.000Z', // 06:30 on Friday, China time
      isDemo: false,
    });
    const { container, getByText, queryByText } = render(<ServiceCard point={closed} onOpen={jest.fn()} now={EVENING} />);
    expect(container.querySelector('.service-card__distance')?.textContent).toBe('1.2 公里 · 步行约 17 分钟');
    expect(getByText('○ 已打烊')).toBeTruthy();
    expect(getByText('明天 06:30 开门')).toBeTruthy();
    expect(container.querySelector('.service-card__state')?.className).toContain('is-closed');
    expect(queryByText('演示数据')).toBeNull();
  });

  it('has no distance line without an origin, says 24 小时营业 when it never closes, and opens on tap', () => {
    const onOpen = jest.fn();
    const point = summary({ distanceMeters: null, walkingMinutes: null, closesAt: null });
    const { container, getByText } = render(<ServiceCard point={point} onOpen={onOpen} now={EVENING} />);
    expect(container.querySelector('.service-card__distance')).toBeNull();
    expect(getByText('24 小时营业')).toBeTruthy();
    fireEvent.click(document.getElementById('service-card-sp-xinshi-elder-canteen')!);
    expect(onOpen).toHaveBeenCalledWith(point);
  });

  it('shows the 好评率 with the number of ratings once there are 5, only the number before, nothing without any', () => {
    const point = summary();
    const { container, rerender } = render(<ServiceCard point={point} onOpen={jest.fn()} now={EVENING} />);
    expect(container.querySelector('.service-card__rating')).toBeNull();
    rerender(<ServiceCard point={point} onOpen={jest.fn()} now={EVENING} rating={{ servicePointId: point.id, n: 32, goodRate: 0.96875, mean: 4.6 }} />);
    expect(container.querySelector('.service-card__rating')?.textContent).toBe('好评率 96.9% · 32 条评价');
    expect(ratingLine({ servicePointId: point.id, n: 3, goodRate: null, mean: null })).toBe('3 条评价');
    expect(ratingLine({ servicePointId: point.id, n: 0, goodRate: null, mean: null })).toBeNull();
  });
});
