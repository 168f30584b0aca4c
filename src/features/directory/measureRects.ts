import Taro from '@tarojs/taro';

/** Where an element is on screen: its top (px from the viewport's top) and height. */
export interface Rect {
  top: number;
  height: number;
}

type RectResult = Taro.NodesRef.BoundingClientRectCallbackResult;

/** `select()` answers one rect (typed as one or many), or null on weapp when the element is not on the page. */
function singleRect(result: RectResult | RectResult[] | null): Rect | undefined {
  return result && !Array.isArray(result) ? { top: result.top, height: result.height } : undefined;
}

/**
 * The rects of the elements with these ids, in one selector query (mini-programs lay out in another thread: one
 * round trip for all). An id that is not on the page is left out. The browser build measures the DOM at once
 * (measureRects.h5.ts).
 */
export function measureRects(ids: string[], done: (rects: Map<string, Rect>) => void): void {
  const query = Taro.createSelectorQuery();
  const rects = new Map<string, Rect>();
  for (const id of ids) {
    query.select(`#${id}`).boundingClientRect((result) => {
      const rect = singleRect(result);
      if (rect) rects.set(id, rect);
    });
  }
  query.exec(() => done(rects));
}
