import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { useSettings } from '../stores/settings';
import { FirstLaunch } from '../consent/FirstLaunch';
import { WechatPrivacyPrompt } from '../consent/WechatPrivacyPrompt';
import './ui.scss';

interface PageRootProps {
  children: ReactNode;
  className?: string;
}

/**
 * Every page wraps itself in this. It applies 长辈版 (the `elder` class re-assigns the theme variables of
 * app.scss), shows the first-launch notice until it is answered, and WeChat's privacy prompt when WeChat asks.
 */
export function PageRoot({ children, className }: PageRootProps) {
  const elderMode = useSettings((s) => s.elderMode);
  const firstLaunchDone = useSettings((s) => s.firstLaunchDone);
  const classes = ['page-root', elderMode ? 'elder' : '', className ?? ''].filter(Boolean).join(' ');
  return (
    <View className={classes} id='page-root' data-elder={elderMode ? 'on' : 'off'}>
      {firstLaunchDone ? children : <FirstLaunch />}
      <WechatPrivacyPrompt />
    </View>
  );
}
