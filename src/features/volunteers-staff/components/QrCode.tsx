import { View } from '@tarojs/components';
import { useMemo } from 'react';
import { accessibleName } from '@/lib/ui/a11y';
import { qrModules } from '../qr';

/** The check-in QR code as plain views (no canvas: the same on weapp and in the browser), with a quiet zone. */
export function QrCode({ text, label }: { text: string; label: string }) {
  const modules = useMemo(() => qrModules(text), [text]);
  return (
    <View className='staff-qr' role='img' {...accessibleName(label)}>
      {modules.map((row, y) => (
        <View key={y} className='staff-qr__row'>
          {row.map((dark, x) => (
            <View key={x} className={dark ? 'staff-qr__module staff-qr__module--dark' : 'staff-qr__module'} />
          ))}
        </View>
      ))}
    </View>
  );
}
