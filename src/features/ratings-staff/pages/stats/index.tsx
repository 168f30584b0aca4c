import { View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import type { Figures, RatingStats } from '@contract/ratings';
import { enoughForRates, formatRate } from '@contract/rules/rating';
import { BackLink } from '@/lib/ui/BackLink';
import { ErrorState } from '@/lib/ui/ErrorState';
import { LoadingState } from '@/lib/ui/LoadingState';
import { PageRoot } from '@/lib/ui/PageRoot';
import { StaffGate } from '@/lib/ui/StaffGate';
import { useRequest } from '@/lib/useRequest';
import { fetchRatingStats } from '../../api';
import '../../staff.scss';

/** One bar of a rate (0–1), drawn with plain views; the value is always written beside it. */
function RateBar({ id, label, rate }: { id: string; label: string; rate: number | null }) {
  return (
    <View className='stats-bar' id={id}>
      <View className='stats-bar__label'>{label}</View>
      <View className='stats-bar__track' aria-hidden='true'>
        <View className='stats-bar__fill' style={{ width: `${Math.round((rate ?? 0) * 100)}%` }} />
      </View>
      <View className='stats-bar__value'>{formatRate(rate)}</View>
    </View>
  );
}

function FigureBlock({ id, title, figures }: { id: string; title: string; figures: Figures }) {
  return (
    <View className='card stats-month' id={id}>
      <View className='text-title'>
        {title} · {figures.n} 条评价{figures.mean !== null ? ` · 平均 ${figures.mean.toFixed(1)} 分` : ''}
      </View>
      {figures.n === 0 ? (
        <View className='text-secondary'>这个月没有评价</View>
      ) : (
        <>
          {enoughForRates(figures.n) ? null : <View className='text-secondary'>评价不足 5 条，比例仅供参考</View>}
          <RateBar id={`${id}-good`} label='好评率' rate={figures.goodRate} />
          <RateBar id={`${id}-satisfied`} label='满意率' rate={figures.satisfiedRate} />
          {figures.badCount ? (
            <>
              <RateBar id={`${id}-fixed`} label={`差评整改率（${figures.badCount} 条差评）`} rate={figures.fixedRate} />
              <RateBar id={`${id}-on-time`} label='按期整改率' rate={figures.onTimeRate} />
            </>
          ) : null}
        </>
      )}
    </View>
  );
}

function Stats() {
  const { data, failure, loading, reload } = useRequest(fetchRatingStats);
  usePullDownRefresh(() => {
    reload();
    void Taro.stopPullDownRefresh();
  });
  if (loading && !data) return <LoadingState rows={4} />;
  if (failure || !data) return <ErrorState message={failure?.message ?? '没有取到统计'} onRetry={reload} />;
  return <StatsView stats={data} />;
}

function StatsView({ stats }: { stats: RatingStats }) {
  return (
    <>
      <FigureBlock id='stats-total' title={`${stats.scopeName}近 ${stats.months.length} 个月`} figures={stats.total} />
      {[...stats.months].reverse().map((m) => (
        <FigureBlock key={m.month} id={`stats-${m.month}`} title={`${Number(m.month.slice(0, 4))}年${Number(m.month.slice(5))}月`} figures={m.figures} />
      ))}
      <View className='card text-secondary'>好评率 = (非常满意 + 满意) ÷ 评价数；满意率再加上基本满意。申诉成立的评价不计入。</View>
    </>
  );
}

/** 评价统计 by month for the worker's 社区 (or street) or the provider's point. */
export default function RatingStatsPage() {
  return (
    <PageRoot className='staff'>
      <BackLink id='stats-back' />
      <View className='text-heading staff__heading'>评价统计</View>
      <StaffGate roles={['worker', 'provider']} who='社区和服务点的工作人员'>
        <Stats />
      </StaffGate>
    </PageRoot>
  );
}
