import { Text, View } from '@tarojs/components';
import type { PointRatings } from '@contract/ratings';
import { formatRate, levelWords, ratingLevels } from '@contract/rules/rating';

/** Counts per level as bars drawn with plain views (no chart library), then 好评率, 满意率 and the mean — or why not yet. */
export function FigureSummary({ summary }: { summary: PointRatings }) {
  const { figures } = summary;
  const most = Math.max(1, ...figures.counts);
  return (
    <View className='card' id='point-figures'>
      <View className='text-title'>共 {figures.n} 条评价</View>
      <View className='figure-bars'>
        {ratingLevels.map((level) => {
          const count = figures.counts[level - 1];
          return (
            <View key={level} className='figure-bar' id={`figure-level-${level}`}>
              <View className='figure-bar__label'>{levelWords[level]}</View>
              <View className='figure-bar__track' aria-hidden='true'>
                <View className='figure-bar__fill' style={{ width: `${(count / most) * 100}%` }} />
              </View>
              <View className='figure-bar__count'>{count} 条</View>
            </View>
          );
        })}
      </View>
      {summary.enoughForRates ? (
        <View className='figure-rates' id='point-rates'>
          <View>
            好评率 <Text className='figure-rates__value'>{formatRate(figures.goodRate)}</Text>
          </View>
          <View>
            满意率 <Text className='figure-rates__value'>{formatRate(figures.satisfiedRate)}</Text>
          </View>
          <View>
            平均 <Text className='figure-rates__value'>{figures.mean === null ? '—' : `${figures.mean.toFixed(1)} 分`}</Text>
          </View>
        </View>
      ) : (
        <View className='text-secondary figure-rates' id='point-rates-note'>
          {summary.note}
        </View>
      )}
      {summary.rectifications.length ? (
        <View className='field' id='point-rectifications'>
          <View className='field__label'>差评整改情况（不显示评价人）</View>
          {summary.rectifications.map((r, index) => (
            <View key={index} className='rating-card__row'>
              {r.month.replace('-', '年')}月 · {r.tags.join('、') || '问题反映'} · {r.resolutionWord ? `${r.resolutionWord} · ` : ''}
              {r.statusWord}
            </View>
          ))}
        </View>
      ) : null}
    </View>
  );
}
