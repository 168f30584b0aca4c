import { View } from '@tarojs/components';
import type { ServicePointSummary } from '@contract/directory';
import { chinaDate, formatDay } from '@/lib/date';
import { openState } from '../format';

interface OpenStateLineProps {
  point: Pick<ServicePointSummary, 'openNow' | 'closesAt' | 'nextOpenAt'> & Partial<Pick<ServicePointSummary, 'paused'>>;
  now?: Date;
  id?: string;
  className?: string;
}

/**
 * 营业中 / 已打烊 in words beside the colour (colour is never the only signal), then until when or when next; a pause
 * in force (暂停营业, contract/rules/pause.ts — not imported here: the 服务 tab's script is at its budget) says so instead.
 */
export function OpenStateLine({ point, now, id, className = '' }: OpenStateLineProps) {
  const paused = point.paused && point.paused.from <= chinaDate(now) ? point.paused : null;
  const state = paused ? { open: false, word: '暂停营业', detail: `至 ${formatDay(`${paused.to}T12:00:00+08:00`, now)} · ${paused.reason}` } : openState(point, now);
  return (
    <View id={id} className={`${className} service-card__state ${state.open ? 'is-open' : 'is-closed'}`}>
      <View className='service-card__state-word'>
        {state.open ? '● ' : '○ '}
        {state.word}
      </View>
      <View className='service-card__state-detail'>{state.detail}</View>
    </View>
  );
}
