import { View } from '@tarojs/components';
import { accessibleName } from '@/lib/ui/a11y';
import { ToggleChip } from '@/lib/ui/ToggleChip';
import { fieldError, type PointDraft } from '../draft';
import { TextField } from './TextField';

interface PauseEditorProps {
  on: boolean;
  pause: PointDraft['pause'];
  onChange: (on: boolean, pause: PointDraft['pause']) => void;
  fields?: Record<string, string>;
}

/** 暂停营业 from a date to a date with the reason residents will read (装修, 设备检修 …). */
export function PauseEditor({ on, pause, onChange, fields }: PauseEditorProps) {
  return (
    <View className='field' id='edit-pause'>
      <View className='field__label'>暂停营业</View>
      <View className='chip-row' role='radiogroup' {...accessibleName('是否暂停营业')}>
        <ToggleChip id='pause-off' radio on={!on} label='正常营业' onTap={() => onChange(false, pause)} />
        <ToggleChip id='pause-on' radio on={on} label='暂停营业一段时间' onTap={() => onChange(true, pause)} />
      </View>
      {on ? (
        <>
          <TextField id='pause-from' label='从哪天起（如 2026-12-10）' value={pause.from} maxlength={10} error={fieldError(fields, 'pause.from') ?? fieldError(fields, 'pause')} onChange={(from) => onChange(true, { ...pause, from })} />
          <TextField id='pause-to' label='到哪天为止（含这天）' value={pause.to} maxlength={10} error={fieldError(fields, 'pause.to')} onChange={(to) => onChange(true, { ...pause, to })} />
          <TextField id='pause-reason' label='暂停原因（居民会看到）' value={pause.reason} maxlength={40} error={fieldError(fields, 'pause.reason')} onChange={(reason) => onChange(true, { ...pause, reason })} />
        </>
      ) : null}
    </View>
  );
}
