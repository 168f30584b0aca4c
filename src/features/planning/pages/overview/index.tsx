import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import type { PlanningResult, PlanningRow } from '@contract/planning';
import { shiftMonth } from '@contract/rules/calendar';
import { cellWeightingWords, formatIndicator, indicatorNames, indicatorTargetWords, statusWords, type IndicatorId } from '@contract/rules/planning';
import { chinaDate } from '@/lib/date';
import { openPath } from '@/lib/navigation';
import { planningTrendUrl } from '@/lib/planningPaths';
import { BackLink } from '@/lib/ui/BackLink';
import { EmptyState } from '@/lib/ui/EmptyState';
import { ErrorState } from '@/lib/ui/ErrorState';
import { LoadingState } from '@/lib/ui/LoadingState';
import { PageRoot } from '@/lib/ui/PageRoot';
import { ToggleChip } from '@/lib/ui/ToggleChip';
import { useRequest } from '@/lib/useRequest';
import { exportPlanning, fetchPlanning } from '../../api';
import { cellShareWords, CommunityGrid } from '../../components/CommunityGrid';
import { PlannerGate } from '../../components/PlannerGate';
import { StatusWord } from '../../components/StatusWord';
import '../../planning.scss';

const monthWords = (month: string) => `${Number(month.slice(0, 4))}年${Number(month.slice(5))}月`;

/** The street as a whole: each figure beside its target. */
function StreetTotal({ row }: { row: PlanningRow }) {
  return (
    <View className='card' id='planning-total'>
      <View className='text-title'>{row.name}（全街道）</View>
      {row.indicators.map((indicator) => (
        <View key={indicator.id} className='planning-line' id={`total-${indicator.id}`}>
          <View className='planning-line__name'>{indicatorNames[indicator.id]}</View>
          <StatusWord indicator={indicator} withTarget />
          {indicator.id === 'coverage' ? <View className='text-secondary'>{cellShareWords(row.details.coverage.cells)}</View> : null}
        </View>
      ))}
    </View>
  );
}

/** Furthest behind first: for each 社区 the figures it is behind on, in words. */
function Ranking({ rows, month }: { rows: PlanningRow[]; month: string }) {
  return (
    <View className='card' id='planning-ranking'>
      <View className='text-title'>按落后程度排序</View>
      {rows.map((row, index) => {
        const behind = row.indicators.filter((i) => i.status === 'behind' || i.status === 'slightlyBehind');
        const worst = [...behind].sort((a, b) => b.gap - a.gap)[0];
        return (
          <View
            key={row.communityId ?? row.name}
            id={`rank-${index + 1}`}
            className='planning-rank'
            role='button'
            onClick={() => void openPath(planningTrendUrl(row.communityId!, worst?.id ?? 'coverage', month))}
          >
            <View className='planning-rank__head'>
              第 {index + 1} 名 · {row.name}
              {row.isDemo ? '（演示）' : ''} · {behind.length === 0 ? '全部达标' : `${behind.length} 项未达标`}
            </View>
            {behind.map((indicator) => (
              <View key={indicator.id} className='planning-line'>
                <View className='planning-line__name'>{indicatorNames[indicator.id]}</View>
                <StatusWord indicator={indicator} withTarget />
              </View>
            ))}
            <View className='text-secondary'>点击查看近 12 个月的变化 ›</View>
          </View>
        );
      })}
    </View>
  );
}

/** The circle as the residents of the grid cells meet it, in words: which services not all of them reach in time. */
function cellsWords(coverage: PlanningRow['details']['coverage']): string {
  if (coverage.cells.weighting === 'none') return cellWeightingWords(coverage.cells);
  const short = coverage.items.filter((i) => i.cellShare !== null && i.cellShare < 100);
  return `从网格看（${cellWeightingWords(coverage.cells)}），居民平均可在目标时间内到达 ${formatIndicator(coverage.cells.share, '%')} 的基本服务；未全部覆盖的服务 ${
    short.length ? short.map((i) => `${i.name}（${formatIndicator(i.cellShare, '%')}）`).join('、') : '无'
  }`;
}

function Details({ row }: { row: PlanningRow }) {
  const d = row.details;
  const missing = d.coverage.items.filter((i) => !i.meetsTarget);
  return (
    <View className='text-secondary planning-details' id={row.communityId ? `details-${row.communityId}` : undefined}>
      {row.name}：从社区中心看，15 分钟内没有或超出目标时间的服务 {missing.length ? missing.map((i) => (i.walkingMinutes === null ? `${i.name}（没有）` : `${i.name}（${i.walkingMinutes} 分钟）`)).join('、') : '无'}；
      {cellsWords(d.coverage)}；
      设施 {d.hours.facilities} 处，{d.hours.meetsBoth} 处开放时间达标；应探访老人 {d.visits.due} 人，已探访 {d.visits.visited} 人
      {d.visits.monthOver ? `，逾期 ${d.visits.overdue} 人` : ''}；评价 {d.ratings.n} 条、差评 {d.ratings.badCount} 条，未办结工单 {d.ratings.openOrders} 件（逾期 {d.ratings.overdueOrders} 件）；
      志愿服务队 {d.volunteers.teams} 支（党员队 {d.volunteers.partyTeams} 支），注册志愿者 {d.volunteers.volunteers} 人，服务 {d.volunteers.hours} 小时，活动 {d.volunteers.activities} 场；
      服务点 {d.verification.points} 个，{d.verification.verified} 个在 {d.verification.withinDays} 天内核实过。
    </View>
  );
}

function Planner() {
  const [month, setMonth] = useState(() => chinaDate().slice(0, 7));
  const [street, setStreet] = useState<string | null>(null);
  const load = useCallback(() => fetchPlanning(month, null), [month]);
  const { data, failure, loading, reload } = useRequest<PlanningResult>(load);
  const [exporting, setExporting] = useState(false);
  usePullDownRefresh(() => {
    reload();
    void Taro.stopPullDownRefresh();
  });
  const current = chinaDate().slice(0, 7);

  const exportCsv = async (code: string) => {
    setExporting(true);
    try {
      await exportPlanning(month, code);
      void Taro.showToast({ title: '已导出本月表格', icon: 'none' });
    } catch (error) {
      void Taro.showToast({ title: error instanceof Error ? error.message : '导出失败，请稍后重试', icon: 'none' });
    } finally {
      setExporting(false);
    }
  };

  const monthBar = (
    <View className='planning-month' id='planning-month'>
      <View id='month-previous' className='planning-month__step' role='button' onClick={() => setMonth(shiftMonth(month, -1))}>
        ‹ 上个月
      </View>
      <View className='text-title' id='month-shown'>
        {monthWords(month)}
      </View>
      {month < current ? (
        <View id='month-next' className='planning-month__step' role='button' onClick={() => setMonth(shiftMonth(month, 1))}>
          下个月 ›
        </View>
      ) : (
        <View className='planning-month__step planning-month__step--off'>本月</View>
      )}
    </View>
  );

  if (loading && !data) return <>{monthBar}<LoadingState rows={4} /></>;
  if (failure || !data) return <>{monthBar}<ErrorState message={failure?.message ?? '没有取到规划监测'} onRetry={reload} /></>;
  if (data.streets.length === 0) return <>{monthBar}<EmptyState title='没有可查看的街道' description='您的账号还没有负责的街道，请联系管理员。' /></>;
  const shown = data.streets.find((s) => s.code === street) ?? data.streets[0];
  return (
    <>
      {monthBar}
      {data.streets.length > 1 ? (
        <View className='chip-row' role='radiogroup' aria-label='选择街道'>
          {data.streets.map((s) => (
            <ToggleChip key={s.code} id={`street-${s.code}`} radio on={s.code === shown.code} label={s.name} onTap={() => setStreet(s.code)} />
          ))}
        </View>
      ) : null}
      {month === current ? <View className='card text-secondary'>本月还没有结束：探访和评价还会增加，逾期从下个月起计算。</View> : null}
      <StreetTotal row={shown.total} />
      <CommunityGrid rows={shown.communities} onOpen={(community, indicator) => void openPath(planningTrendUrl(community, indicator, month))} />
      <Ranking rows={shown.communities} month={month} />
      <View className='card'>
        {shown.communities.map((row) => (
          <Details key={row.communityId ?? row.name} row={row} />
        ))}
      </View>
      <Button id='planning-export' className='big-button' size='large' block loading={exporting} disabled={exporting} onClick={() => void exportCsv(shown.code)}>
        导出本月表格（CSV）
      </Button>
      <View className='card text-secondary' id='planning-legend'>
        {(Object.keys(indicatorTargetWords) as IndicatorId[]).map((id) => (
          <View key={id}>
            {indicatorNames[id]}：{indicatorTargetWords[id]}
          </View>
        ))}
        <View>
          颜色和文字一起表示：绿色 {statusWords.met}，橙色 {statusWords.slightlyBehind}（差距不到一成），红色 {statusWords.behind}，灰色 {statusWords.noData}。
        </View>
      </View>
    </>
  );
}

/** 规划监测: which 社区 are behind the plan, on what, and whether it is getting better. */
export default function PlanningPage() {
  return (
    <PageRoot className='planning'>
      <BackLink id='planning-back' />
      <View className='text-heading planning__heading'>规划监测</View>
      <PlannerGate>
        <Planner />
      </PlannerGate>
    </PageRoot>
  );
}
