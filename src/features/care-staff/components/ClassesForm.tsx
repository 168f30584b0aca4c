import { Input, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { ElderClass, ElderDetail } from '@contract/care';
import { type ApiFailure, toApiFailure } from '@/lib/api/failure';
import { chinaDate } from '@/lib/date';
import { accessibleName } from '@/lib/ui/a11y';
import { ToggleChip } from '@/lib/ui/ToggleChip';
import { saveElderClasses } from '../api';
import { elderClasses } from '@contract/care-words';

/**
 * What only a worker of the 社区 sets: the eight classes (特困 among them), 低保, and the date of the bath
 * assessment (without it the elder cannot book a first bath). Saved together; a refusal keeps the choices.
 */
export function ClassesForm({ elder, onSaved }: { elder: ElderDetail; onSaved: (saved: ElderDetail) => void }) {
  const [classes, setClasses] = useState<string[]>(elder.classes);
  const [dibao, setDibao] = useState(elder.dibao);
  const [assessedOn, setAssessedOn] = useState(elder.bathAssessedOn ?? '');
  const [failure, setFailure] = useState<ApiFailure>();
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  // Any change after a save takes the 已保存 line away: it must describe what the server holds.
  const change = (apply: () => void) => {
    setSaved(false);
    apply();
  };
  const toggle = (id: string) => change(() => setClasses((previous) => (previous.includes(id) ? previous.filter((c) => c !== id) : [...previous, id])));
  const save = async () => {
    setSaving(true);
    setSaved(false);
    setFailure(undefined);
    try {
      const result = await saveElderClasses(elder.id, { classes: classes as ElderClass[], dibao, bathAssessedOn: assessedOn.trim() || null });
      setSaved(true);
      void Taro.showToast({ title: '已保存', icon: 'none' });
      onSaved(result);
    } catch (error) {
      setFailure(toApiFailure(error));
    } finally {
      setSaving(false);
    }
  };
  return (
    <View id='staff-classes' className='card'>
      <View className='text-title'>类别与补贴资格</View>
      <View className='field__label field'>老人类别（可多选）</View>
      <View className='day-strip' role='group' {...accessibleName('老人类别')}>
        {elderClasses.map((c) => (
          <ToggleChip key={c.id} id={`staff-class-${c.id}`} on={classes.includes(c.id)} label={c.name} onTap={() => toggle(c.id)} />
        ))}
      </View>
      {failure?.fields?.classes ? <View className='field__error'>{failure.fields.classes}</View> : null}
      <View className='field__label field'>低保</View>
      <View className='day-strip'>
        <ToggleChip id='staff-dibao' on={dibao} label='享受低保' onTap={() => change(() => setDibao(!dibao))} />
      </View>
      <View className='field'>
        <View className='field__label'>助浴评估日期（未评估请留空）</View>
        <Input
          id='staff-assessed-on'
          className='field__input'
          value={assessedOn}
          maxlength={10}
          placeholder='如 2026-11-30'
          {...accessibleName('助浴评估日期')}
          onInput={(e) => change(() => setAssessedOn(e.detail.value))}
        />
        {failure?.fields?.bathAssessedOn ? <View className='field__error'>{failure.fields.bathAssessedOn}</View> : null}
        <View className='staff-actions'>
          <Button id='staff-assessed-today' className='big-button' onClick={() => change(() => setAssessedOn(chinaDate()))}>
            今天已评估
          </Button>
          <Button id='staff-assessed-clear' className='big-button' onClick={() => change(() => setAssessedOn(''))}>
            清空（未评估）
          </Button>
        </View>
      </View>
      {failure ? (
        <View id='staff-classes-failure' className='field__error' role='alert'>
          {failure.message}
        </View>
      ) : null}
      {saved ? (
        <View id='staff-classes-saved' className='text-secondary' role='status'>
          已保存：{classes.length} 个类别{dibao ? '，享受低保' : ''}{assessedOn ? `，${assessedOn} 已评估助浴` : '，未评估助浴'}
        </View>
      ) : null}
      <Button id='staff-classes-save' className='big-button field' type='primary' size='large' block loading={saving} disabled={saving} onClick={() => void save()}>
        保存类别
      </Button>
    </View>
  );
}
