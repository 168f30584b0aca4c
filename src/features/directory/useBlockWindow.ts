import Taro, { useDidShow, usePageScroll } from '@tarojs/taro';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useSettings } from '@/lib/stores/settings';
import { blocksToRender, withEstimates, type BlockRange } from './blocksToRender';
import { measureRects } from './measureRects';

/** Scroll events arrive every few ms; deciding the window ten times a second is enough and keeps renders rare. */
const SCROLL_THROTTLE_MS = 100;
/** Blocks rendered beyond the screen on each side (a block of 20 cards is several screens tall). */
const OVERSCAN_BLOCKS = 1;

/** A block's height as measured while rendered in full, valid while the block holds the same items. */
interface MeasuredBlock {
  key: string;
  height: number;
}

export interface BlockWindow extends BlockRange {
  /** Height in px of each block: measured, or estimated while it never was. */
  heights: number[];
}

function screenHeight(): number {
  const info = typeof Taro.getWindowInfo === 'function' ? Taro.getWindowInfo() : Taro.getSystemInfoSync();
  return info.windowHeight;
}

/**
 * Which blocks of a long list on a scrolling page to render in full (see blocksToRender), on weapp and h5 alike.
 * Follows the page's scroll (usePageScroll, throttled), and measures the blocks it renders in full with a selector
 * query once they are on the page. `blockKeys` says what each block holds (a block's height is kept while its key
 * is unchanged); `listId` is the element holding the blocks, `blockId(n)` the id of block n. 长辈版 resizes the
 * cards: switching it forgets every height. It is switched on another tab, where this page cannot be measured, so
 * the page measures again each time it is shown.
 */
export function useBlockWindow(blockKeys: readonly string[], listId: string, blockId: (index: number) => string): BlockWindow {
  const elderMode = useSettings((s) => s.elderMode);
  const [viewport] = useState(screenHeight);
  const [measured, setMeasured] = useState<ReadonlyMap<number, MeasuredBlock>>(() => new Map());
  /** The page's scroll relative to the list's top, as of the last change of window (not every scroll event). */
  const [listScrollTop, setListScrollTop] = useState(0);
  const [shownTimes, setShownTimes] = useState(0);
  const page = useRef({ scrollTop: 0, listTop: 0, timer: undefined as ReturnType<typeof setTimeout> | undefined });

  const known = useMemo(
    () => blockKeys.map((key, index) => (measured.get(index)?.key === key ? measured.get(index)?.height : undefined)),
    [blockKeys, measured],
  );
  const range = blocksToRender(known, listScrollTop, viewport, OVERSCAN_BLOCKS);
  const latest = useRef({ known, range });
  latest.current = { known, range };

  usePageScroll(({ scrollTop }) => {
    page.current.scrollTop = scrollTop;
    if (page.current.timer !== undefined) return;
    page.current.timer = setTimeout(() => {
      page.current.timer = undefined;
      const top = page.current.scrollTop - page.current.listTop;
      const next = blocksToRender(latest.current.known, top, viewport, OVERSCAN_BLOCKS);
      // Re-render only when the window moves to other blocks.
      if (next.first !== latest.current.range.first || next.last !== latest.current.range.last) setListScrollTop(top);
    }, SCROLL_THROTTLE_MS);
  });
  useEffect(() => () => clearTimeout(page.current.timer), []);

  useEffect(() => setMeasured((previous) => (previous.size > 0 ? new Map() : previous)), [elderMode]);
  useDidShow(() => setShownTimes((times) => times + 1));

  // Measure the blocks rendered in full once the page shows them (Taro.nextTick: after the weapp's setData).
  const { first, last } = range;
  useEffect(() => {
    let stale = false;
    Taro.nextTick(() => {
      if (stale) return;
      const indexes = Array.from({ length: last - first + 1 }, (_, i) => first + i);
      measureRects([listId, ...indexes.map(blockId)], (rects) => {
        if (stale) return;
        const list = rects.get(listId);
        // A hidden page (h5 keeps it, display: none) answers zeros: not a position.
        if (list && list.height > 0) page.current.listTop = list.top + page.current.scrollTop;
        const heights = new Map<number, MeasuredBlock>();
        for (const index of indexes) {
          const rect = rects.get(blockId(index));
          if (rect && rect.height > 0) heights.set(index, { key: blockKeys[index], height: rect.height });
        }
        setListScrollTop(page.current.scrollTop - page.current.listTop);
        setMeasured((previous) => {
          const changed = [...heights].filter(([index, block]) => {
            const before = previous.get(index);
            return before?.key !== block.key || Math.abs(before.height - block.height) > 0.5;
          });
          return changed.length === 0 ? previous : new Map([...previous, ...changed]);
        });
      });
    });
    return () => {
      stale = true;
    };
  }, [first, last, blockKeys, elderMode, shownTimes, listId, blockId]);

  return { first, last, heights: withEstimates(known) };
}
