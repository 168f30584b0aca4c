import { View } from '@tarojs/components';
import type { IndicatorValue } from '@contract/rules/planning';
import { formatIndicator, shortfallWords, statusWords } from '@contract/rules/planning';

/** The figure, its status in words and colour (never colour alone), and how far short of the target it is. */
export function StatusWord({ indicator, withTarget }: { indicator: IndicatorValue; withTarget?: boolean }) {
  const shortfall = shortfallWords(indicator);
  return (
    <View className={`planning-status planning-status--${indicator.status}`}>
      {formatIndicator(indicator.value, indicator.unit)} {statusWords[indicator.status]}
      {withTarget ? `（目标 ${formatIndicator(indicator.target, indicator.unit)}${shortfall ? `，${shortfall}` : ''}）` : ''}
    </View>
  );
}
