import { View } from '@tarojs/components';
import type { PlanningRow } from '@contract/planning';
import { formatIndicator, indicatorIds, indicatorNames, statusWords } from '@contract/rules/planning';
import { focusable } from '@/lib/ui/a11y';

/** The coverage cell's second line: from the grid cells' residents, or that there are no cells. */
export function cellShareWords(cells: PlanningRow['details']['coverage']['cells']): string {
  return cells.share === null ? '网格：暂无数据' : `网格居民 ${formatIndicator(cells.share, '%')}`;
}

/**
 * The coloured grid 社区 × 指标: each cell its colour, its value and its word, so 读屏 and 长辈版 read it as text
 * (in 长辈版 each 社区 becomes a card of rows). A tap on a cell opens that figure's trend.
 */
export function CommunityGrid({ rows, onOpen }: { rows: PlanningRow[]; onOpen: (community: string, indicator: string) => void }) {
  return (
    <View className='card planning-grid' id='planning-grid' role='table' aria-label='各社区达标情况'>
      <View className='planning-grid__row planning-grid__head' role='row'>
        <View className='planning-grid__name' role='columnheader'>
          社区
        </View>
        {indicatorIds.map((id) => (
          <View key={id} className='planning-grid__cell' role='columnheader'>
            {indicatorNames[id]}
          </View>
        ))}
      </View>
      {rows.map((row) => (
        <View key={row.communityId ?? row.name} className='planning-grid__row' role='row' id={`grid-${row.communityId}`}>
          <View className='planning-grid__name' role='rowheader'>
            {row.name}
            {row.isDemo ? '（演示）' : ''}
          </View>
          {row.indicators.map((indicator) => (
            <View
              key={indicator.id}
              id={`grid-${row.communityId}-${indicator.id}`}
              className={`planning-grid__cell status-cell status-cell--${indicator.status}`}
              role='cell'
              {...focusable()}
              onClick={() => onOpen(row.communityId!, indicator.id)}
            >
              <View className='planning-grid__label'>{indicatorNames[indicator.id]}</View>
              <View>
                {formatIndicator(indicator.value, indicator.unit)} {statusWords[indicator.status]}
              </View>
              {indicator.id === 'coverage' ? <View className='planning-grid__sub'>{cellShareWords(row.details.coverage.cells)}</View> : null}
            </View>
          ))}
        </View>
      ))}
    </View>
  );
}
