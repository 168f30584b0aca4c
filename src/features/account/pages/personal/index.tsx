import { Input, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { MeResult, PersonalDataExport } from '@contract/auth';
import { api } from '@/lib/api/client';
import { toApiFailure } from '@/lib/api/failure';
import { HOME_PATH } from '@/lib/navigation';
import { useSession } from '@/lib/stores/session';
import { BackLink } from '@/lib/ui/BackLink';
import { PageRoot } from '@/lib/ui/PageRoot';
import '../account.scss';

const toast = (title: string) => void Taro.showToast({ title, icon: 'none' });

/** 导出: the whole export as JSON — a file download in the browser, the clipboard in WeChat. */
async function exportMyData(): Promise<void> {
  const { data } = await api.get<PersonalDataExport>('/api/me/data');
  const text = JSON.stringify(data, null, 2);
  if (process.env.TARO_ENV === 'h5') {
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    link.download = `我的信息-${data.exportedAt.slice(0, 10)}.json`;
    link.click();
    URL.revokeObjectURL(link.href);
    toast('已下载您的信息');
  } else {
    await Taro.setClipboardData({ data: text });
    toast('已复制您的全部信息，可粘贴保存');
  }
}

async function signOutEverywhere(): Promise<void> {
  const { confirm } = await Taro.showModal({
    title: '退出所有设备',
    content: '您在所有手机和电脑上的登录都会退出，包括这一台。',
    confirmText: '全部退出',
    cancelText: '取消',
  });
  if (!confirm) return;
  await api.post('/api/auth/logout-all');
  useSession.getState().clear();
  toast('已在所有设备上退出');
  await Taro.reLaunch({ url: HOME_PATH });
}

/** 注销账号: asked twice — once in words, once by typing 注销 — because nothing brings the data back. */
function DeleteAccount() {
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const remove = async () => {
    if (typed.trim() !== '注销') {
      toast('请先在上面输入“注销”两个字');
      return;
    }
    const { confirm } = await Taro.showModal({
      title: '注销账号',
      content: '您的姓名、手机号、身份证号、地址和留言都会删除，无法恢复。已有的预约记录、评价等级和志愿时长会匿名保留。',
      confirmText: '确认注销',
      cancelText: '再想想',
    });
    if (!confirm) return;
    setBusy(true);
    try {
      await api.delete('/api/me', { data: { confirm: typed.trim() } });
      useSession.getState().clear();
      toast('账号已注销');
      await Taro.reLaunch({ url: HOME_PATH });
    } catch (error) {
      toast(toApiFailure(error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className='card'>
      <View className='text-title'>注销账号</View>
      <View className='account__hint'>注销后不能恢复。确认要注销，请在下面输入“注销”两个字。</View>
      <Input id='personal-delete-confirm' className='field__input' value={typed} maxlength={4} placeholder='注销' onInput={(e) => setTyped(e.detail.value)} />
      <Button id='personal-delete' className='big-button account__choice' size='large' block disabled={busy} onClick={() => void remove()}>
        注销账号
      </Button>
    </View>
  );
}

export default function PersonalDataPage() {
  const user = useSession((s) => s.user);
  const [name, setName] = useState(user?.displayName ?? '');
  const [saving, setSaving] = useState(false);
  if (!user) {
    return (
      <PageRoot>
        <BackLink id='personal-back' />
        <View className='card'>请先登录，再查看您的个人信息。</View>
      </PageRoot>
    );
  }
  const saveName = async () => {
    if (name.trim() === '') {
      toast('请填写姓名');
      return;
    }
    setSaving(true);
    try {
      const { data } = await api.patch<MeResult>('/api/me', { displayName: name.trim() });
      useSession.getState().setUser(data.user);
      toast('已保存');
    } catch (error) {
      // What was typed stays in the box: only the message changes.
      toast(toApiFailure(error).message);
    } finally {
      setSaving(false);
    }
  };
  return (
    <PageRoot>
      <BackLink id='personal-back' />
      <View className='card'>
        <View className='text-title'>我们保存的您的信息</View>
        <View className='account__row'>手机号：{user.maskedPhone ?? '没有'}</View>
        <View className='account__row'>社区：{user.communityName ?? '没有选择'}</View>
        <View className='account__hint'>还包括您的预约、评价、志愿服务和消息。导出可看到全部内容。</View>
        <Button id='personal-export' className='big-button account__choice' size='large' block onClick={() => void exportMyData().catch((e: unknown) => toast(toApiFailure(e).message))}>
          导出我的全部信息
        </Button>
      </View>
      <View className='card'>
        <View className='text-title'>更正姓名</View>
        <Input id='personal-name' className='field__input' value={name} maxlength={20} placeholder='您的姓名' onInput={(e) => setName(e.detail.value)} />
        <Button id='personal-save-name' className='big-button account__choice' type='primary' size='large' block disabled={saving} onClick={() => void saveName()}>
          保存
        </Button>
      </View>
      <View className='card'>
        <View className='text-title'>登录设备</View>
        <Button id='personal-logout-all' className='big-button account__choice' size='large' block onClick={() => void signOutEverywhere().catch((e: unknown) => toast(toApiFailure(e).message))}>
          退出所有设备
        </Button>
      </View>
      <DeleteAccount />
    </PageRoot>
  );
}
