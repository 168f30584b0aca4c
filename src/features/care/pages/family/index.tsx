import { Input, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import type { ElderRelative, ElderSummary } from '@contract/care';
import { toApiFailure } from '@/lib/api/failure';
import { careBookingUrl } from '@/lib/carePaths';
import { openPath } from '@/lib/navigation';
import { useRefreshOnReturn } from '@/lib/usePageRefresh';
import { useRequest } from '@/lib/useRequest';
import { BackLink } from '@/lib/ui/BackLink';
import { ErrorState } from '@/lib/ui/ErrorState';
import { LoadingState } from '@/lib/ui/LoadingState';
import { PageRoot } from '@/lib/ui/PageRoot';
import { confirmBinding, fetchElder, fetchElders, unbindElder } from '../../api';
import { BindForm } from '../../components/BindForm';
import { PROFILE_PATH } from '../../paths';
import '../../care.scss';

async function askFirst(title: string, content: string, confirmText: string): Promise<boolean> {
  const { confirm } = await Taro.showModal({ title, content, confirmText, cancelText: '不了' });
  return confirm;
}

async function act(run: () => Promise<unknown>, done: string, after: () => void): Promise<void> {
  try {
    await run();
    void Taro.showToast({ title: done, icon: 'none' });
    after();
  } catch (error) {
    void Taro.showModal({ title: '没有成功', content: toApiFailure(error).message, showCancel: false, confirmText: '知道了' });
  }
}

/** A pending binding: the relative types the 6-digit code the elder received in 消息. */
function CodeEntry({ elder, onDone }: { elder: ElderSummary; onDone: () => void }) {
  const [code, setCode] = useState('');
  const [error, setError] = useState<string>();
  const submit = async () => {
    setError(undefined);
    try {
      await confirmBinding(elder.id, { bindingCode: code.trim() });
      void Taro.showToast({ title: '绑定成功', icon: 'none' });
      onDone();
    } catch (e) {
      const failure = toApiFailure(e);
      setError(failure.fields?.bindingCode ?? failure.message);
    }
  };
  return (
    <View className='field'>
      <View className='field__label'>输入长辈收到的 6 位绑定码</View>
      <Input id={`bind-code-${elder.id}`} className='field__input' type='number' maxlength={6} value={code} onInput={(e) => setCode(e.detail.value)} />
      {error ? <View className='field__error' role='alert'>{error}</View> : null}
      <View className='text-secondary'>长辈没有用手机？也可以请社区工作人员帮您确认。</View>
      <Button id={`bind-code-submit-${elder.id}`} className='big-button field' type='primary' block onClick={() => void submit()}>
        确认绑定
      </Button>
    </View>
  );
}

function ElderCard({ elder, reload }: { elder: ElderSummary; reload: () => void }) {
  const unbind = async () => {
    if (!(await askFirst('解除绑定', `解除后您将不能再为${elder.name}预约，也看不到TA的预约。`, '解除绑定'))) return;
    await act(() => unbindElder(elder.id), '已解除绑定', reload);
  };
  return (
    <View id={`family-elder-${elder.id}`} className='card'>
      <View className='booking-card__head'>
        <View className='text-title'>
          {elder.name}（{elder.relation ?? '家人'}）
        </View>
        <View className={`status-word status-word--${elder.access === 'active' ? 'done' : 'off'}`}>{elder.access === 'active' ? '已绑定' : '等待确认'}</View>
      </View>
      <View className='text-secondary'>
        {elder.age} 岁 · {elder.communityName} · {elder.maskedIdNumber}
      </View>
      {elder.access === 'pending' ? <CodeEntry elder={elder} onDone={reload} /> : null}
      {elder.canBook ? (
        <Button id={`family-book-${elder.id}`} className='big-button field' type='primary' block onClick={() => void openPath(careBookingUrl({ group: 'meal', elder: elder.id }))}>
          为TA预约助餐
        </Button>
      ) : null}
      <View id={`family-unbind-${elder.id}`} className='text-link' role='button' onClick={() => void unbind()}>
        {elder.access === 'pending' ? '撤回申请' : '解除绑定'}
      </View>
    </View>
  );
}

/** The elder's own view: who may book for them, approving a request or removing a relative. */
function MyRelatives({ self }: { self: ElderSummary }) {
  const load = useCallback(() => fetchElder(self.id), [self.id]);
  const { data, failure, reload } = useRequest(load);
  if (failure) return <ErrorState message={failure.message} onRetry={reload} />;
  if (!data || data.relatives.length === 0) return null;
  const approve = (r: ElderRelative) => act(() => confirmBinding(self.id, { bindingId: r.bindingId }), '已同意', reload);
  const remove = async (r: ElderRelative) => {
    if (!(await askFirst('解除绑定', `解除后${r.name}将不能再为您预约。`, '解除绑定'))) return;
    await act(() => unbindElder(self.id, r.userId), '已解除绑定', reload);
  };
  return (
    <View id='family-relatives' className='card'>
      <View className='text-title'>可以为我预约的家人</View>
      {data.relatives.map((r) => (
        <View key={r.bindingId} id={`relative-${r.userId}`} className='summary-row'>
          <View className='summary-row__value'>
            {r.name}（{r.relation}）{r.status === 'pending' ? ' · 等待您同意' : ''}
          </View>
          {r.status === 'pending' ? (
            <View id={`relative-approve-${r.userId}`} className='text-link' role='button' onClick={() => void approve(r)}>
              同意
            </View>
          ) : null}
          <View id={`relative-remove-${r.userId}`} className='text-link' role='button' onClick={() => void remove(r)}>
            解除
          </View>
        </View>
      ))}
    </View>
  );
}

/** 家人: the elders the user books for (bind with a code, unbind), and for an elder, the relatives bound to them. */
export default function FamilyPage() {
  const load = useCallback(async () => (await fetchElders()).items, []);
  const { data, failure, loading, reload } = useRequest(load);
  usePullDownRefresh(() => {
    reload();
    void Taro.stopPullDownRefresh();
  });
  // Back from 建立档案: the new profile shows.
  useRefreshOnReturn(reload);
  const self = data?.find((e) => e.access === 'self');
  const cared = data?.filter((e) => e.access === 'active' || e.access === 'pending') ?? [];
  let body;
  if (loading && !data) body = <LoadingState rows={2} />;
  else if (failure && !data) body = <ErrorState message={failure.message} onRetry={reload} />;
  else
    body = (
      <>
        {self ? <MyRelatives self={self} /> : null}
        <View className='text-title book__heading'>我照顾的长辈</View>
        {cared.length === 0 ? <View className='card text-secondary'>还没有绑定长辈。绑定后可以为TA预约助餐、助浴和上门服务。</View> : null}
        {cared.map((elder) => (
          <ElderCard key={elder.id} elder={elder} reload={reload} />
        ))}
        <BindForm onBound={reload} />
        <View className='card'>
          {self ? null : (
            <View id='family-create-self' className='text-link' role='button' onClick={() => void openPath(`${PROFILE_PATH}?for=self`)}>
              建立我自己的档案（为自己预约）
            </View>
          )}
          <View id='family-create-relative' className='text-link' role='button' onClick={() => void openPath(`${PROFILE_PATH}?for=relative`)}>
            长辈不用手机？为TA建档
          </View>
        </View>
      </>
    );
  return (
    <PageRoot className='family'>
      <BackLink id='family-back' />
      <View className='text-heading book__heading'>家人</View>
      {body}
    </PageRoot>
  );
}
