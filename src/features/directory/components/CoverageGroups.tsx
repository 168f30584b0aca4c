import { View } from '@tarojs/components';
import type { Coverage, CoverageItem } from '@contract/directory';
import { formatDistance } from '@contract/rules/walking';
import { WIDEST_RADIUS_METRES } from '../useServiceList';
import { accessibleName } from '@/lib/ui/a11y';
import { DemoMark } from './DemoMark';

interface CoverageGroupsProps {
  coverage: Coverage;
  onOpen: (pointId: string) => void;
}

function CoverageRow({ item, onOpen }: { item: CoverageItem; onOpen: (pointId: string) => void }) {
  const nearest = item.nearest;
  if (!nearest) {
    return (
      <View id={`coverage-${item.id}`} className='coverage-row coverage-row--missing'>
        <View className='coverage-row__name'>✗ {item.name}</View>
        <View className='coverage-row__nearest'>附近 {WIDEST_RADIUS_METRES / 1000} 公里内都没有找到</View>
      </View>
    );
  }
  const within = item.layer !== null;
  return (
    <View
      id={`coverage-${item.id}`}
      className={`coverage-row ${within ? '' : 'coverage-row--missing'}`}
      role='link'
      {...accessibleName(`${item.name}：${nearest.name}，步行约 ${nearest.walkingMinutes} 分钟`)}
      onClick={() => onOpen(nearest.id)}
    >
      <View className='coverage-row__name'>
        {within ? '✓' : '✗'} {item.name}
      </View>
      <View className='coverage-row__nearest'>
        最近：{nearest.name} {nearest.isDemo ? <DemoMark /> : null}
      </View>
      <View className='fact-row__value--strong'>
        {formatDistance(nearest.distanceMeters)} · 步行约 {nearest.walkingMinutes} 分钟 ›
      </View>
      {within && !item.meetsTarget ? (
        <View className='coverage-row__target'>按标准应在 {item.targetMinutes} 分钟内，还差一些</View>
      ) : null}
    </View>
  );
}

/**
 * The 15-minute circle at a glance: groups 5 / 8 / 15 minutes (ticks, green) and "not within 15 minutes"
 * (crosses, red) — each with its words, so colour is never the only signal.
 */
export function CoverageGroups({ coverage, onOpen }: CoverageGroupsProps) {
  return (
    <View id='coverage-groups'>
      {coverage.groups.map((group) => {
        const covered = group.layer !== null;
        const key = group.layer ?? 'missing';
        return (
          <View key={key} id={`coverage-group-${key}`} className='coverage-group card'>
            <View className='coverage-group__head'>
              <View className={`coverage-mark ${covered ? 'coverage-mark--yes' : 'coverage-mark--no'}`} aria-hidden='true'>
                {covered ? '✓' : '✗'}
              </View>
              <View className='text-title'>
                {covered ? `${group.label}能到` : `步行 ${group.label}`}（{group.items.length} 项）
              </View>
            </View>
            {group.items.length === 0 ? (
              <View className='text-secondary'>{covered ? '这一档没有' : '都能在 15 分钟内走到，很方便。'}</View>
            ) : (
              group.items.map((item) => <CoverageRow key={item.id} item={item} onOpen={onOpen} />)
            )}
          </View>
        );
      })}
    </View>
  );
}
