import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { accessibleName, focusable } from './a11y';

interface BigEntryProps {
  id: string;
  icon: ReactNode;
  label: string;
  description?: string;
  tone?: 'primary' | 'care';
  onTap: () => void;
}

/** A big tappable tile: icon and words always together. Two per row normally, one per row in 长辈版. */
export function BigEntry({ id, icon, label, description, tone = 'primary', onTap }: BigEntryProps) {
  return (
    <View id={id} className={`big-entry big-entry--${tone}`} role='button' {...accessibleName(label)} {...focusable()} onClick={onTap}>
      <View className='big-entry__icon'>{icon}</View>
      <View className='big-entry__text'>
        <View className='big-entry__label'>{label}</View>
        {description ? <View className='big-entry__description'>{description}</View> : null}
      </View>
    </View>
  );
}

export function BigEntryGrid({ children }: { children: ReactNode }) {
  return <View className='big-entry-grid'>{children}</View>;
}
