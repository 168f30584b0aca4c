import { Input, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { WorkOrderActionBody, WorkOrderDetail } from '@contract/ratings';
import { resolutionWords, resolutions, type Resolution } from '@contract/rules/rating';
import { type ApiFailure, toApiFailure } from '@/lib/api/failure';
import { accessibleName } from '@/lib/ui/a11y';
import { ToggleChip } from '@/lib/ui/ToggleChip';
import { actOnWorkOrder, appealRating } from '../api';

type Action = WorkOrderDetail['allowedActions'][number];

const BUTTON: Record<Action, string> = {
  take: '接单处理',
  callback: '记录回访',
  decide: '确定处理方式',
  feedback: '把整改结果反馈给居民',
  close: '办结',
  appeal: '提交申诉',
};

/** Steps that cannot be undone are confirmed first. */
const CONFIRM: Partial<Record<Action, string>> = {
  feedback: '反馈会以消息发给居民，居民随后可以追评一次。确定反馈吗？',
  close: '办结后这张工单不再处理。确定办结吗？',
  appeal: '每条评价只能申诉一次，由街道工作人员复核。确定提交吗？',
};

/** The one next step of an order for this viewer, with what it needs (notes, the 处理方式, a date, an appeal reason). */
export function ActionForm({ order, action, onDone }: { order: WorkOrderDetail; action: Action; onDone: (order: WorkOrderDetail | null) => void }) {
  const [note, setNote] = useState('');
  const [resolution, setResolution] = useState<Resolution>();
  const [rectifyBy, setRectifyBy] = useState('');
  const [appealKind, setAppealKind] = useState<'mistaken' | 'malicious'>();
  const [failure, setFailure] = useState<ApiFailure>();
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);

  const body = (): WorkOrderActionBody | null => {
    switch (action) {
      case 'take':
        return { action: 'take' };
      case 'callback':
        return { action: 'callback', note };
      case 'decide':
        if (!resolution) return null;
        return { action: 'decide', resolution, note, ...(resolution === 'deadline' ? { rectifyBy: rectifyBy.trim() } : {}) };
      case 'feedback':
        return { action: 'feedback', note };
      default:
        return { action: 'close', note: note.trim() || undefined };
    }
  };

  const submit = async () => {
    if ((action === 'decide' && !resolution) || (action === 'appeal' && !appealKind)) return setProblem('请先选择一项');
    setProblem(undefined);
    const question = CONFIRM[action];
    if (question) {
      const { confirm } = await Taro.showModal({ title: BUTTON[action], content: question, confirmText: '确定', cancelText: '取消' });
      if (!confirm) return;
    }
    setBusy(true);
    setFailure(undefined);
    try {
      if (action === 'appeal') {
        await appealRating(order.ratingId, { appealKind: appealKind!, reason: note });
        void Taro.showToast({ title: '申诉已提交', icon: 'none' });
        onDone(null);
      } else {
        onDone(await actOnWorkOrder(order.id, body()!));
        void Taro.showToast({ title: '已记录', icon: 'none' });
      }
    } catch (error) {
      setFailure(toApiFailure(error)); // what was typed stays
    } finally {
      setBusy(false);
    }
  };

  const noteLabel: Partial<Record<Action, string>> = {
    callback: '回访记录（只有工作人员能看到）',
    decide: '处理说明（会告诉居民）',
    feedback: '整改结果（会发给居民）',
    close: '办结说明（可不填）',
    appeal: '申诉理由',
  };
  return (
    <View className='card' id='order-action'>
      {action === 'decide' ? (
        <>
          <View className='field__label'>处理方式</View>
          <View className='chip-row' role='radiogroup' {...accessibleName('处理方式')}>
            {resolutions.map((r) => (
              <ToggleChip key={r} id={`resolution-${r}`} radio on={resolution === r} label={resolutionWords[r]} onTap={() => setResolution(r)} />
            ))}
          </View>
          {resolution === 'deadline' ? (
            <View className='field'>
              <View className='field__label'>整改期限（不晚于反馈期限 {order.feedbackDue}）</View>
              <Input id='order-rectify-by' className='field__input' value={rectifyBy} placeholder='整改期限，如 2026-12-10' {...accessibleName('整改期限')} onInput={(e) => setRectifyBy(e.detail.value)} />
              {failure?.fields?.rectifyBy ? <View className='field__error'>{failure.fields.rectifyBy}</View> : null}
            </View>
          ) : null}
        </>
      ) : null}
      {action === 'appeal' ? (
        <>
          <View className='field__label'>申诉类型</View>
          <View className='chip-row' role='radiogroup' {...accessibleName('申诉类型')}>
            <ToggleChip id='appeal-mistaken' radio on={appealKind === 'mistaken'} label='误评' onTap={() => setAppealKind('mistaken')} />
            <ToggleChip id='appeal-malicious' radio on={appealKind === 'malicious'} label='恶意评价' onTap={() => setAppealKind('malicious')} />
          </View>
        </>
      ) : null}
      {noteLabel[action] ? (
        <View className='field'>
          <View className='field__label'>{noteLabel[action]}</View>
          <Textarea
            id='order-note'
            className='field__input field__input--multiline'
            value={note}
            maxlength={500}
            placeholder={noteLabel[action]}
            {...accessibleName(noteLabel[action]!)}
            onInput={(e) => setNote(e.detail.value)}
          />
          {failure?.fields?.note || failure?.fields?.reason ? <View className='field__error'>{failure.fields.note ?? failure.fields.reason}</View> : null}
        </View>
      ) : null}
      {problem || failure ? (
        <View className='field__error' role='alert' id='order-failure'>
          {problem ?? failure?.message}
        </View>
      ) : null}
      <Button id={`order-${action}`} className='big-button field' type='primary' size='large' block loading={busy} disabled={busy} onClick={() => void submit()}>
        {BUTTON[action]}
      </Button>
    </View>
  );
}
