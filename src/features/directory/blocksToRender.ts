/**
 * Which blocks of a long list to render in full, from the page's scroll position: the blocks on screen plus
 * `overscan` blocks on each side. Every other block is drawn as an empty box of its height, so the page keeps its
 * length and the scroll position never jumps. Pure, so it is tested without a page.
 */

/** A guess for a block nobody has measured yet and no other block to go by (20 cards of about 150 px). */
export const DEFAULT_BLOCK_HEIGHT = 3000;

/** First and last block to render in full (inclusive); `last < first` when there are no blocks. */
export interface BlockRange {
  first: number;
  last: number;
}

/** Heights with the unmeasured ones (undefined) replaced by the mean of the measured ones, or the default guess. */
export function withEstimates(heights: ReadonlyArray<number | undefined>): number[] {
  const known = heights.filter((height): height is number => height !== undefined);
  const estimate = known.length > 0 ? known.reduce((sum, height) => sum + height, 0) / known.length : DEFAULT_BLOCK_HEIGHT;
  return heights.map((height) => height ?? estimate);
}

/**
 * @param heights each block's height in px, undefined when not measured yet
 * @param scrollTop how far the top of the screen is below the top of the list, px (negative: the list starts lower)
 * @param viewportHeight the screen's height, px
 * @param overscan blocks to render beyond the screen on each side
 */
export function blocksToRender(
  heights: ReadonlyArray<number | undefined>,
  scrollTop: number,
  viewportHeight: number,
  overscan: number,
): BlockRange {
  const count = heights.length;
  if (count === 0) return { first: 0, last: -1 };
  const sizes = withEstimates(heights);
  const screenBottom = scrollTop + viewportHeight;
  let firstVisible = -1;
  let lastVisible = count - 1;
  let top = 0;
  for (let index = 0; index < count; index += 1) {
    const bottom = top + sizes[index];
    if (firstVisible < 0 && bottom > scrollTop) firstVisible = index;
    if (top >= screenBottom) {
      lastVisible = index - 1;
      break;
    }
    top = bottom;
  }
  // Scrolled past the end (the footer is on screen): the last block is the nearest one.
  if (firstVisible < 0) firstVisible = count - 1;
  // The list starts below the screen: its first block is the nearest one.
  lastVisible = Math.max(lastVisible, firstVisible);
  return { first: Math.max(0, firstVisible - overscan), last: Math.min(count - 1, lastVisible + overscan) };
}
