import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { ElderDetail, ElderRelative } from '@contract/care';
import { toApiFailure } from '@/lib/api/failure';
import { formatDay } from '@/lib/date';
import { approveBinding } from '../api';

const HOW_CONFIRMED = { code: '老人的绑定码', elder: '老人本人同意', worker: '社区审核' } as const;

function statusText(r: ElderRelative): string {
  if (r.status === 'pending') return `${formatDay(r.requestedAt)}申请，等待批准`;
  return `已绑定${r.confirmedBy ? `（${HOW_CONFIRMED[r.confirmedBy]}）` : ''}`;
}

/**
 * The elder's relatives as the 社区 sees them. A pending request is approved only after a question that names the
 * relative, the relation and the elder: approving lets that person book for the elder and see the bookings.
 */
export function RelativesCard({ elder, onChanged }: { elder: ElderDetail; onChanged: () => void }) {
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState<number>();
  const approve = async (r: ElderRelative) => {
    const { confirm } = await Taro.showModal({
      title: '批准家属绑定',
      content: `批准${r.name}（${r.relation}）绑定${elder.name}吗？批准后TA可以为老人预约服务、查看老人的预约。`,
      confirmText: '批准',
      cancelText: '再看看',
    });
    if (!confirm) return;
    setFailure(undefined);
    setBusy(r.bindingId);
    try {
      await approveBinding(elder.id, r.bindingId);
      void Taro.showToast({ title: '已批准', icon: 'none' });
      onChanged();
    } catch (error) {
      setFailure(toApiFailure(error).message);
    } finally {
      setBusy(undefined);
    }
  };
  return (
    <View id='staff-relatives' className='card'>
      <View className='text-title'>家属</View>
      {elder.relatives.length === 0 ? <View className='text-secondary'>还没有家属绑定这位老人。</View> : null}
      {elder.relatives.map((r) => (
        <View key={r.bindingId} id={`staff-relative-${r.bindingId}`} className='staff-booking'>
          <View className='staff-booking__head'>
            <View className='text-title'>
              {r.name}（{r.relation}）
            </View>
            <View className={`status-word status-word--${r.status === 'pending' ? 'active' : 'done'}`}>{r.status === 'pending' ? '待批准' : '已绑定'}</View>
          </View>
          <View className='text-secondary'>{statusText(r)}</View>
          {r.status === 'pending' ? (
            <Button
              id={`staff-approve-${r.bindingId}`}
              className='big-button field'
              type='primary'
              block
              loading={busy === r.bindingId}
              disabled={busy !== undefined}
              onClick={() => void approve(r)}
            >
              批准
            </Button>
          ) : null}
        </View>
      ))}
      {failure ? (
        <View id='staff-relatives-failure' className='field__error' role='alert'>
          {failure}
        </View>
      ) : null}
    </View>
  );
}
