import { View } from '@tarojs/components';
import type { ReactNode } from 'react';

/** One form row: the label above, the control, and the error under it in words. */
export function Field({ id, label, error, children, hint }: { id: string; label: string; error?: string; hint?: string; children: ReactNode }) {
  return (
    <View className='field' id={`${id}-field`}>
      <View className='field__label'>{label}</View>
      {hint ? <View className='text-secondary'>{hint}</View> : null}
      {children}
      {error ? (
        <View className='field__error' id={`${id}-error`} role='alert'>
          {error}
        </View>
      ) : null}
    </View>
  );
}
