import { View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import type { TrendResult } from '@contract/planning';
import { formatIndicator, indicatorIds, indicatorNames, indicatorTargetWords, statusWords, type IndicatorId } from '@contract/rules/planning';
import { chinaDate } from '@/lib/date';
import { BackLink } from '@/lib/ui/BackLink';
import { ErrorState } from '@/lib/ui/ErrorState';
import { LoadingState } from '@/lib/ui/LoadingState';
import { PageRoot } from '@/lib/ui/PageRoot';
import { ToggleChip } from '@/lib/ui/ToggleChip';
import { useRequest } from '@/lib/useRequest';
import { fetchTrend } from '../../api';
import { PlannerGate } from '../../components/PlannerGate';
import { TrendChart } from '../../components/TrendChart';
import '../../planning.scss';

const monthWords = (month: string) => `${Number(month.slice(0, 4))}年${Number(month.slice(5))}月`;

/** "比 12 个月前提高 20 个百分点" — is it getting better, in words. */
function changeWords(trend: TrendResult): string {
  const known = trend.months.filter((m) => m.indicator.value !== null);
  if (known.length < 2) return '数据不足，看不出变化';
  const first = known[0];
  const last = known[known.length - 1];
  const unit = last.indicator.unit === '%' ? '个百分点' : last.indicator.unit;
  const change = Math.round((last.indicator.value! - first.indicator.value!) * 10) / 10;
  const since = `比${monthWords(first.month)}`;
  if (change === 0) return `${since}没有变化`;
  return change > 0 ? `${since}提高 ${change} ${unit}` : `${since}下降 ${-change} ${unit}`;
}

/** One figure over the months: the chart, then every month's number and word as text (读屏, 长辈版). */
function TrendFigures({ trend }: { trend: TrendResult }) {
  return (
    <View className='card' id='trend-chart'>
      <View className='text-title' id='trend-title'>
        {trend.communityName} · {indicatorNames[trend.indicator]}
      </View>
      <View className='text-secondary'>目标：{indicatorTargetWords[trend.indicator]}</View>
      <View className='trend-summary' id='trend-summary'>
        {changeWords(trend)}
      </View>
      <TrendChart trend={trend} />
      <View className='text-secondary'>柱的颜色和文字一起表示是否达标，蓝色虚线是目标。每月的数字：</View>
      {trend.months.map(({ month, indicator }) => (
        <View key={month} className='trend-bar' id={`trend-${month}`}>
          <View className='trend-bar__label'>{monthWords(month)}</View>
          <View className={`trend-bar__value planning-status planning-status--${indicator.status}`}>
            {formatIndicator(indicator.value, indicator.unit)} {statusWords[indicator.status]}
          </View>
        </View>
      ))}
    </View>
  );
}

function Trend() {
  const params = useRouter().params;
  const community = params.community ?? '';
  const month = params.month ?? chinaDate().slice(0, 7);
  const [indicator, setIndicator] = useState<IndicatorId>((indicatorIds as readonly string[]).includes(params.indicator ?? '') ? (params.indicator as IndicatorId) : 'coverage');
  const load = useCallback(() => fetchTrend(community, indicator, month), [community, indicator, month]);
  const { data, failure, loading, reload } = useRequest(load);
  usePullDownRefresh(() => {
    reload();
    void Taro.stopPullDownRefresh();
  });
  return (
    <>
      <View className='chip-row' role='radiogroup' aria-label='选择指标'>
        {indicatorIds.map((id) => (
          <ToggleChip key={id} id={`indicator-${id}`} radio on={id === indicator} label={indicatorNames[id]} onTap={() => setIndicator(id)} />
        ))}
      </View>
      {loading && !data ? <LoadingState rows={6} /> : null}
      {!loading && (failure || !data) ? <ErrorState message={failure?.message ?? '没有取到变化趋势'} onRetry={reload} /> : null}
      {data && !failure ? <TrendFigures trend={data} /> : null}
      <View className='card text-secondary'>15 分钟生活圈、设施开放时间按现在的服务点计算（名录不保存历史）；其余按各月的记录。</View>
    </>
  );
}

/** 近 12 个月: one 社区's figure month by month — is it getting better? */
export default function PlanningTrendPage() {
  return (
    <PageRoot className='planning'>
      <BackLink id='trend-back' />
      <View className='text-heading planning__heading'>近 12 个月的变化</View>
      <PlannerGate>
        <Trend />
      </PlannerGate>
    </PageRoot>
  );
}
