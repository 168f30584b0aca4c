import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { DirectoryOrigin } from '../useDirectoryOrigin';

const STATUS_HINT = {
  idle: '只用于这次查找，不会保存您的位置。',
  locating: '正在获取您的位置…',
  denied: '您没有允许使用位置。可以选择您所在的社区，按社区中心计算距离。',
  unavailable: '暂时无法获取您的位置。可以选择您所在的社区，按社区中心计算距离。',
} as const;

/**
 * Says where distances are measured from, with a way to change it. Without an origin it first explains why the
 * location is wanted, then asks (never on page load), and offers picking a community instead.
 */
export function OriginBar({ origin, status, locate, chooseCommunity, declinedConsent }: DirectoryOrigin) {
  const [changing, setChanging] = useState(false);
  const [askingAgain, setAskingAgain] = useState(false);
  const locating = status === 'locating';

  // 不同意，仅浏览 was chosen: the position is sent only after the user agrees here, in words, for this search.
  if (askingAgain) {
    return (
      <View className='origin-banner card' id='location-consent' role='region' aria-labelledby='location-consent-title'>
        <View className='text-title' id='location-consent-title'>
          要用您的位置吗？
        </View>
        <View className='origin-banner__hint'>
          您之前选择了“不同意，仅浏览”。用位置计算距离，需要把您现在的位置发给我们的服务器；只用于这次查找，不会保存。
        </View>
        <View className='origin-banner__actions'>
          <Button
            id='location-consent-agree'
            className='big-button'
            type='primary'
            size='large'
            onClick={() => {
              setAskingAgain(false);
              setChanging(false);
              locate();
            }}
          >
            同意，这次使用我的位置
          </Button>
          <Button
            id='location-consent-decline'
            className='big-button'
            size='large'
            onClick={() => {
              setAskingAgain(false);
              setChanging(false);
              chooseCommunity();
            }}
          >
            不用，选择社区
          </Button>
        </View>
      </View>
    );
  }

  if (origin && !changing) {
    return (
      <View className='origin-bar' id='origin-bar'>
        <View className='origin-bar__label'>距离从：{origin.label}</View>
        <View id='origin-change' className='origin-bar__link' role='button' onClick={() => setChanging(true)}>
          更换
        </View>
      </View>
    );
  }

  return (
    <View className='origin-banner card' id='origin-banner'>
      <View className='text-title'>用您的位置计算距离和步行时间</View>
      <View className='text-secondary origin-banner__hint' role='status'>
        {STATUS_HINT[status]}
      </View>
      <View className='origin-banner__actions'>
        {origin?.kind !== 'location' ? (
          <Button
            id='location-allow'
            className='big-button'
            type='primary'
            size='large'
            disabled={locating}
            onClick={() => {
              if (declinedConsent) {
                setAskingAgain(true);
                return;
              }
              setChanging(false);
              locate();
            }}
          >
            {locating ? '正在获取位置…' : '使用我的位置'}
          </Button>
        ) : null}
        <Button
          id='origin-choose-community'
          className='big-button'
          size='large'
          onClick={() => {
            setChanging(false);
            chooseCommunity();
          }}
        >
          选择社区
        </Button>
        {origin ? (
          <View id='origin-keep' className='origin-bar__link' role='button' onClick={() => setChanging(false)}>
            仍从{origin.label}计算
          </View>
        ) : null}
      </View>
    </View>
  );
}
