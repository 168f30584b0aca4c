import { View } from '@tarojs/components';
import { memo, useMemo, type ReactNode } from 'react';
import { useBlockWindow } from '../useBlockWindow';

export const LIST_BLOCKS_ID = 'list-blocks';
export const listBlockId = (index: number) => `list-block-${index}`;

interface WindowedBlocksProps<T> {
  items: readonly T[];
  /** Items per block (the list's page size: a loaded page becomes one block). */
  blockSize: number;
  itemKey: (item: T) => string;
  renderItem: (item: T) => ReactNode;
}

interface BlockProps<T> {
  index: number;
  items: readonly T[];
  /** Render the items; otherwise an empty box of `height` stands in for them. */
  full: boolean;
  height: number;
  renderItem: (item: T) => ReactNode;
}

/**
 * A full block is a flex column so that its last item's bottom margin stays inside it (no margin collapsing through
 * the block): the measured height is then exactly the room the block takes, and its empty box takes the same.
 */
const FULL_BLOCK_STYLE = { display: 'flex', flexDirection: 'column' } as const;

/** Memoised: a scroll that moves the window re-renders only the blocks that open or close. */
const Block = memo(function Block<T>({ index, items, full, height, renderItem }: BlockProps<T>) {
  return full ? (
    <View id={listBlockId(index)} style={FULL_BLOCK_STYLE}>
      {items.map(renderItem)}
    </View>
  ) : (
    <View id={listBlockId(index)} style={{ height: `${height}px` }} />
  );
}) as <T>(props: BlockProps<T>) => ReactNode;

/**
 * A long list on a scrolling page that stays light after thousands of items (weapp and h5): items are grouped in
 * blocks, only the blocks near the screen are rendered, every other block is one empty box of its measured height.
 * The page itself scrolls, so pull-to-refresh and reach-bottom keep working.
 */
export function WindowedBlocks<T>({ items, blockSize, itemKey, renderItem }: WindowedBlocksProps<T>) {
  const blocks = useMemo(
    () => Array.from({ length: Math.ceil(items.length / blockSize) }, (_, index) => items.slice(index * blockSize, (index + 1) * blockSize)),
    [items, blockSize],
  );
  // What a block holds: its first and last item and how many (a height stays valid while this is unchanged).
  const blockKeys = useMemo(() => blocks.map((block) => `${itemKey(block[0])}…${itemKey(block[block.length - 1])}#${block.length}`), [blocks, itemKey]);
  const shown = useBlockWindow(blockKeys, LIST_BLOCKS_ID, listBlockId);
  return (
    <View id={LIST_BLOCKS_ID}>
      {blocks.map((block, index) => {
        const full = index >= shown.first && index <= shown.last;
        // A full block's height is its content's: passing 0 keeps it from re-rendering when a measure arrives.
        return <Block key={index} index={index} items={block} full={full} height={full ? 0 : shown.heights[index]} renderItem={renderItem} />;
      })}
    </View>
  );
}
