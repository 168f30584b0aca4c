import { Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { Appeal } from '@contract/ratings';
import { toApiFailure } from '@/lib/api/failure';
import { formatDay } from '@/lib/date';
import { accessibleName } from '@/lib/ui/a11y';
import { ToggleChip } from '@/lib/ui/ToggleChip';
import { decideAppeal } from '../api';

/** An appeal and, for a 街道 worker while it is pending, the decision: 申诉成立 (out of the figures) or not. */
export function AppealCard({ appeal, canDecide, onChange }: { appeal: Appeal; canDecide: boolean; onChange: (appeal: Appeal) => void }) {
  const [decision, setDecision] = useState<'upheld' | 'rejected'>();
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const decide = async () => {
    if (!decision) return setProblem('请先选择复核结论');
    const { confirm } = await Taro.showModal({
      title: '复核结论',
      content: decision === 'upheld' ? '申诉成立：这条评价不再计入统计（记录保留）。确定吗？' : '申诉不成立：评价照常计入。确定吗？',
      confirmText: '确定',
      cancelText: '取消',
    });
    if (!confirm) return;
    setBusy(true);
    setProblem(undefined);
    try {
      onChange(await decideAppeal(appeal.id, { decision, note }));
    } catch (error) {
      setProblem(toApiFailure(error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className='card' id={`appeal-${appeal.id}`}>
      <View className='order-card__head'>
        <View className='text-title'>{appeal.servicePointName}</View>
        <View>{appeal.statusWord}</View>
      </View>
      <View className='order-card__row'>
        评价：{appeal.levelWord}
        {appeal.tags.length ? `（${appeal.tags.join('、')}）` : ''}
        {appeal.comment ? `“${appeal.comment}”` : ''}
      </View>
      <View className='order-card__row'>
        申诉（{appeal.kindWord}，{formatDay(appeal.createdAt)}）：{appeal.reason}
      </View>
      {appeal.decisionNote ? <View className='order-card__row'>复核意见：{appeal.decisionNote}</View> : null}
      {canDecide && appeal.status === 'pending' ? (
        <View className='field'>
          <View className='chip-row' role='radiogroup' {...accessibleName('复核结论')}>
            <ToggleChip id={`appeal-${appeal.id}-upheld`} radio on={decision === 'upheld'} label='申诉成立' onTap={() => setDecision('upheld')} />
            <ToggleChip id={`appeal-${appeal.id}-rejected`} radio on={decision === 'rejected'} label='申诉不成立' onTap={() => setDecision('rejected')} />
          </View>
          <View className='field__label'>复核意见（双方都能看到）</View>
          <Textarea
            id={`appeal-${appeal.id}-note`}
            className='field__input field__input--multiline'
            value={note}
            maxlength={500}
            placeholder='复核意见'
            {...accessibleName('复核意见')}
            onInput={(e) => setNote(e.detail.value)}
          />
          {problem ? (
            <View className='field__error' role='alert'>
              {problem}
            </View>
          ) : null}
          <Button id={`appeal-${appeal.id}-decide`} className='big-button field' type='primary' size='large' block loading={busy} disabled={busy} onClick={() => void decide()}>
            提交复核结论
          </Button>
        </View>
      ) : null}
    </View>
  );
}
