import { Input, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { MySignup } from '@contract/volunteers';
import { type ApiFailure, toApiFailure } from '@/lib/api/failure';
import { formatTime } from '@/lib/date';
import { checkInOrOut } from '../api';

/**
 * Check-in and check-out with the worker's code: scanned on weapp, or typed (six digits) anywhere.
 * The code names the activity and expires; the server says so in words when it does not fit.
 */
export function CheckInBox({ activityId, signup, onDone }: { activityId: number; signup: MySignup; onDone: () => void }) {
  const [code, setCode] = useState('');
  const [failure, setFailure] = useState<ApiFailure>();
  const [sending, setSending] = useState(false);
  const action = signup.checkedInAt ? 'checkOut' : 'checkIn';
  const verb = action === 'checkIn' ? '签到' : '签退';

  const send = async (text: string) => {
    setSending(true);
    setFailure(undefined);
    try {
      await checkInOrOut(activityId, action, text.trim());
      setCode('');
      void Taro.showToast({ title: `${verb}成功`, icon: 'success' });
      onDone();
    } catch (error) {
      setFailure(toApiFailure(error));
    } finally {
      setSending(false);
    }
  };

  const scan = async () => {
    try {
      const { result } = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
      await send(result);
    } catch {
      // Closing the scanner is not an error.
    }
  };

  if (signup.checkedOutAt) {
    return (
      <View className='card' id='checkin-done'>
        <View className='vol-row'>
          已签到 {formatTime(signup.checkedInAt!)}，已签退 {formatTime(signup.checkedOutAt)}
        </View>
        <View className='vol-row'>
          服务时长 {signup.hours} 小时{signup.confirmedAt ? '（已确认）' : '（等待工作人员确认）'}
        </View>
      </View>
    );
  }
  return (
    <View className='card' id='checkin-box'>
      <View className='text-title'>{verb}</View>
      {signup.checkedInAt ? <View className='vol-row'>已于 {formatTime(signup.checkedInAt)} 签到。离开前请签退。</View> : null}
      {process.env.TARO_ENV === 'weapp' ? (
        <Button id='checkin-scan' className='big-button' type='primary' size='large' block loading={sending} onClick={() => void scan()}>
          扫工作人员的码{verb}
        </Button>
      ) : null}
      <View className='field'>
        <View className='field__label'>{process.env.TARO_ENV === 'weapp' ? '或' : '请'}输入工作人员手机上的 6 位{verb}码</View>
        <Input id='checkin-code' placeholder='6 位数字' className='field__input' type='number' maxlength={6} value={code} onInput={(e) => setCode(e.detail.value)} />
        {failure ? (
          <View className='field__error' role='alert' id='checkin-error'>
            {failure.fields?.checkInCode ?? failure.message}
          </View>
        ) : null}
        <Button id='checkin-submit' className='big-button' type='primary' size='large' block loading={sending} disabled={sending} onClick={() => void send(code)}>
          {verb}
        </Button>
      </View>
    </View>
  );
}
