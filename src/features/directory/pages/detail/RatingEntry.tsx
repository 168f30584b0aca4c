import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useDidShow } from '@tarojs/taro';
import { useCallback, useRef } from 'react';
import type { PointRatings } from '@contract/ratings';
import { formatRate } from '@contract/rules/rating';
import { ratingPagePaths } from '@contract/rules/rating-paths';
import { api } from '@/lib/api/client';
import { openPath } from '@/lib/navigation';
import { useRequest } from '@/lib/useRequest';

/**
 * The point's 好差评 on its detail page: the figures in one line, 我去过，评价 and 查看全部评价. The rating pages
 * are their own subpackage: opened by path, never imported here.
 */
export function RatingEntry({ pointId, pointName }: { pointId: string; pointName: string }) {
  const load = useCallback(
    async () => (await api.get<PointRatings>(`/api/services/${encodeURIComponent(pointId)}/ratings`, { params: { limit: 1 } })).data,
    [pointId],
  );
  const { data, failure, reload } = useRequest(load);
  // Back from rating here: show the new figures.
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) reload();
    shown.current = true;
  });
  const query = `?point=${encodeURIComponent(pointId)}&name=${encodeURIComponent(pointName)}`;
  let line = '正在读取评价…';
  if (failure) line = '评价暂时读不到';
  else if (data) {
    const { figures } = data;
    line = data.enoughForRates
      ? `${figures.n} 条评价 · 好评率 ${formatRate(figures.goodRate)} · 满意率 ${formatRate(figures.satisfiedRate)}`
      : figures.n === 0
        ? '还没有评价'
        : `${figures.n} 条评价（不足 5 条，暂不计算好评率）`;
  }
  return (
    <View className='card' id='detail-ratings'>
      <View className='text-title'>服务评价</View>
      <View id='detail-ratings-line'>{line}</View>
      <Button id='detail-rate' className='big-button field' type='primary' size='large' block onClick={() => void openPath(`${ratingPagePaths.rate}${query}`)}>
        我去过，评价
      </Button>
      <Button id='detail-ratings-all' className='big-button field' size='large' block onClick={() => void openPath(`${ratingPagePaths.point}?id=${encodeURIComponent(pointId)}`)}>
        查看全部评价和整改情况
      </Button>
    </View>
  );
}
