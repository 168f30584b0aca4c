import { blocksToRender, DEFAULT_BLOCK_HEIGHT, withEstimates } from './blocksToRender';

const SCREEN = 800;
/** Ten blocks of 1,000 px: block n spans [1000 n, 1000 n + 1000). */
const TEN = Array.from({ length: 10 }, () => 1000);

describe('blocksToRender', () => {
  it('at the top renders the first block and the overscan below it', () => {
    expect(blocksToRender(TEN, 0, SCREEN, 1)).toEqual({ first: 0, last: 1 });
    expect(blocksToRender(TEN, 0, SCREEN, 2)).toEqual({ first: 0, last: 2 });
  });

  it('while the list starts below the screen top (header above it) still renders from the first block', () => {
    expect(blocksToRender(TEN, -600, SCREEN, 1)).toEqual({ first: 0, last: 1 });
    expect(blocksToRender(TEN, -5000, SCREEN, 1)).toEqual({ first: 0, last: 1 });
  });

  it('in the middle renders the blocks on screen and overscan on each side', () => {
    // Screen 4,100–4,900: only block 4.
    expect(blocksToRender(TEN, 4100, SCREEN, 1)).toEqual({ first: 3, last: 5 });
    expect(blocksToRender(TEN, 4100, SCREEN, 2)).toEqual({ first: 2, last: 6 });
    expect(blocksToRender(TEN, 4100, SCREEN, 0)).toEqual({ first: 4, last: 4 });
    // Screen 4,700–5,500 straddles blocks 4 and 5.
    expect(blocksToRender(TEN, 4700, SCREEN, 1)).toEqual({ first: 3, last: 6 });
  });

  it('treats a block edge exactly at the screen edge as off screen', () => {
    // Screen 4,000–4,800: block 3 ends at 4,000 and block 5 starts at 5,000.
    expect(blocksToRender(TEN, 4000, SCREEN, 0)).toEqual({ first: 4, last: 4 });
    // Screen 3,200–4,000: block 4 starts at 4,000.
    expect(blocksToRender(TEN, 3200, SCREEN, 0)).toEqual({ first: 3, last: 3 });
  });

  it('at the bottom, and scrolled past the end onto the footer, renders the last blocks', () => {
    expect(blocksToRender(TEN, 9500, SCREEN, 1)).toEqual({ first: 8, last: 9 });
    expect(blocksToRender(TEN, 12000, SCREEN, 1)).toEqual({ first: 8, last: 9 });
  });

  it('uses each block’s own measured height', () => {
    // Blocks of 500, 3,000, 500, 500 px: the screen 3,550–4,350 shows blocks 2 and 3.
    expect(blocksToRender([500, 3000, 500, 500, 500], 3550, SCREEN, 0)).toEqual({ first: 2, last: 3 });
  });

  it('estimates unmeasured blocks as the mean of the measured ones', () => {
    // Measured 1,000 and 2,000 → the rest count 1,500 each: 4,600 falls in block 3 (4,500–6,000).
    const heights = [1000, 2000, undefined, undefined, undefined, undefined];
    expect(blocksToRender(heights, 4600, SCREEN, 0)).toEqual({ first: 3, last: 3 });
    // With nothing measured every block counts the default guess.
    const unknown = Array.from({ length: 6 }, () => undefined);
    expect(blocksToRender(unknown, DEFAULT_BLOCK_HEIGHT * 2 + 10, SCREEN, 0)).toEqual({ first: 2, last: 2 });
  });

  it('renders nothing for an empty list', () => {
    expect(blocksToRender([], 0, SCREEN, 1)).toEqual({ first: 0, last: -1 });
  });
});

describe('withEstimates', () => {
  it('keeps measured heights and fills the others with their mean, or the default guess', () => {
    expect(withEstimates([100, undefined, 300])).toEqual([100, 200, 300]);
    expect(withEstimates([undefined, undefined])).toEqual([DEFAULT_BLOCK_HEIGHT, DEFAULT_BLOCK_HEIGHT]);
  });
});
