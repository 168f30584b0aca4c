import { cleanup, act, render, waitFor } from '@testing-library/react';
import type { ServicePointSummary } from '@contract/directory';
import { taroMock } from '../../../../tests-client/taroMock';
import { initialSettings, useSettings } from '@/lib/stores/settings';
import { summary } from '../testFixtures';
import { NO_FILTERS, type ServiceList } from '../useServiceList';
import { ServiceResults } from './ServiceResults';

// Every test renders afresh: the previous test's tree must be gone (ids are looked up in the whole document).
afterEach(cleanup);

// The cards' 好评率 come from the API: none here (this test is about which cards render, not what they say).
jest.mock('../api', () => ({ fetchRatingSummaries: jest.fn(async () => []) }));

/** The page's scroll listener, as Taro's usePageScroll would call it. */
let mockScrollListener: ((event: { scrollTop: number }) => void) | undefined;
jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  ...jest.requireActual('@tarojs/taro'),
  usePageScroll: (listener: (event: { scrollTop: number }) => void) => {
    mockScrollListener = listener;
  },
}));

/**
 * A stand-in page layout for the selector query (jsdom lays nothing out): the list starts 600 px down the page, a
 * card is 120 px tall (160 px in 长辈版), an empty block is as tall as its style says. The screen is 844 px (taroMock).
 */
const LIST_TOP = 600;
const cardHeight = () => (useSettings.getState().elderMode ? 160 : 120);
let pageScrollTop = 0;

function layoutRect(selector: string) {
  const element = document.querySelector<HTMLElement>(selector);
  if (!element) return null;
  if (selector === '#list-blocks') return { top: LIST_TOP - pageScrollTop, height: 50 * 2400 };
  const cards = element.querySelectorAll('[id^="service-card-"]').length;
  return { top: 0, height: cards > 0 ? cards * cardHeight() : parseFloat(element.style.height) };
}

function fakeSelectorQuery() {
  const asked: Array<{ selector: string; callback?: (rect: unknown) => void }> = [];
  const query = {
    select: (selector: string) => ({
      boundingClientRect: (callback?: (rect: unknown) => void) => {
        asked.push({ selector, callback });
        return query;
      },
    }),
    exec: (callback?: (rects: unknown[]) => void) => {
      const rects = asked.map(({ selector, callback: each }) => {
        const rect = layoutRect(selector);
        each?.(rect);
        return rect;
      });
      callback?.(rects);
    },
  };
  return query;
}

const POINTS = Array.from({ length: 990 }, (_, n) => summary({ id: `sp-${n}`, name: `服务点${n}` }));
const cardIds = () => [...document.querySelectorAll('[id^="service-card-"]')].map((card) => card.id);
const idsOf = (from: number, to: number) => POINTS.slice(from, to).map((point) => `service-card-${point.id}`);
const blockHeight = (n: number) => document.getElementById(`list-block-${n}`)!.style.height;

function listOf(items: ServicePointSummary[]): ServiceList {
  const noop = jest.fn();
  return { items, beyond: [], loading: false, loadingMore: false, failure: undefined, moreFailure: undefined, hasMore: true, keptAt: null, refresh: noop, loadMore: noop };
}

function renderList(items: ServicePointSummary[]) {
  const props = { filters: NO_FILTERS, hasOrigin: true, origin: null, onChange: jest.fn(), onClear: jest.fn(), onOpen: jest.fn() };
  const view = render(<ServiceResults list={listOf(items)} {...props} />);
  return { rerender: (next: ServicePointSummary[]) => view.rerender(<ServiceResults list={listOf(next)} {...props} />) };
}

function scrollPageTo(top: number) {
  pageScrollTop = top;
  act(() => mockScrollListener!({ scrollTop: top }));
}

beforeEach(() => {
  pageScrollTop = 0;
  useSettings.setState({ ...initialSettings(), elderMode: false });
  jest.spyOn(taroMock, 'createSelectorQuery').mockImplementation(fakeSelectorQuery as unknown as typeof taroMock.createSelectorQuery);
});
afterEach(() => jest.restoreAllMocks());

describe('the 服务 list with 990 points loaded (50 blocks of 20, the last of 10)', () => {
  it('renders only the cards near the screen; each other block is one empty box of its measured height', async () => {
    renderList(POINTS);
    // At the top: the first block and one more below.
    expect(cardIds()).toEqual(idsOf(0, 40));
    expect(document.querySelectorAll('[id^="list-block-"]')).toHaveLength(50);
    // Once the first blocks are measured (2,400 px), the unmeasured ones are estimated at that height.
    await waitFor(() => expect(blockHeight(2)).toBe('2400px'));

    // The middle: the screen (60,700–61,544 on the page) shows block 25 (page 60,600–63,000): blocks 24–26 render.
    scrollPageTo(LIST_TOP + 25 * 2400 + 100);
    await waitFor(() => expect(cardIds()).toEqual(idsOf(480, 540)));
    expect(document.getElementById('service-card-sp-0')).toBeNull();
    expect(blockHeight(0)).toBe('2400px');
    expect(document.getElementById('list-block-0')!.childElementCount).toBe(0);

    // The bottom: the last, short block renders and is measured at its own height (10 cards, 1,200 px).
    scrollPageTo(LIST_TOP + 49 * 2400 + 300);
    await waitFor(() => expect(cardIds()).toEqual(idsOf(960, 990)));

    // Back to the top: the first cards again, and the blocks seen on the way keep their measured heights.
    scrollPageTo(0);
    await waitFor(() => expect(cardIds()).toEqual(idsOf(0, 40)));
    expect(blockHeight(49)).toBe('1200px');
    expect(blockHeight(25)).toBe('2400px');
    // The footer stays below the blocks.
    expect(document.getElementById('list-more')).not.toBeNull();
  });

  it('measures again when 长辈版 makes the cards taller, and starts over when the list is replaced', async () => {
    const { rerender } = renderList(POINTS);
    await waitFor(() => expect(blockHeight(49)).toBe('2400px'));
    act(() => useSettings.setState({ elderMode: true }));
    // Blocks 0–1 are re-measured at 20 × 160 px; every other block is estimated from them.
    await waitFor(() => expect(blockHeight(49)).toBe('3200px'));
    expect(blockHeight(2)).toBe('3200px');

    rerender(POINTS.slice(500, 520));
    expect(cardIds()).toEqual(idsOf(500, 520));
    expect(document.querySelectorAll('[id^="list-block-"]')).toHaveLength(1);
  });
});
