import { View } from '@tarojs/components';
import type { PlanningRow } from '@contract/planning';
import { formatIndicator, indicatorIds, indicatorNames, statusWords } from '@contract/rules/planning';
import { focusable } from '@/lib/ui/a11y';

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
            </View>
          ))}
        </View>
      ))}
    </View>
  );
}
