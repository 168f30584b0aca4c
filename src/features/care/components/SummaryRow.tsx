import { View } from '@tarojs/components';

/** A label and its value on one row (the confirmation step, a booking's details). */
export function SummaryRow({ id, label, children }: { id: string; label: string; children: string }) {
  return (
    <View id={id} className='summary-row'>
      <View className='summary-row__label'>{label}</View>
      <View className='summary-row__value'>{children}</View>
    </View>
  );
}
