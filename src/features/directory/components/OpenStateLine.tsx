import { View } from '@tarojs/components';
import type { ServicePointSummary } from '@contract/directory';
import { openState } from '../format';

interface OpenStateLineProps {
  point: Pick<ServicePointSummary, 'openNow' | 'closesAt' | 'nextOpenAt'>;
  now?: Date;
  id?: string;
  className?: string;
}

/** 营业中 / 已打烊 in words beside the colour (colour is never the only signal), then until when or when next. */
export function OpenStateLine({ point, now, id, className = '' }: OpenStateLineProps) {
  const state = openState(point, now);
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
