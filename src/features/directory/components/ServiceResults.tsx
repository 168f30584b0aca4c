import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { lazy, Suspense, useCallback, useMemo } from 'react';
import type { ServicePointSummary } from '@contract/directory';
import { findCategory, findSubcategory } from '@contract/rules/categories';
import { formatDistance, type LatLng } from '@contract/rules/walking';
import { formatDayTime } from '@/lib/date';
import { EmptyState } from '@/lib/ui/EmptyState';
import { ErrorState } from '@/lib/ui/ErrorState';
import { LoadingState } from '@/lib/ui/LoadingState';
import { LIST_PAGE_SIZE, type ServiceFilters, type ServiceList } from '../useServiceList';
import { useRatingSummaries } from '../useRatingSummaries';
import { ServiceCard } from './ServiceCard';
import { WindowedBlocks } from './WindowedBlocks';

interface ServiceResultsProps {
  list: ServiceList;
  filters: ServiceFilters;
  hasOrigin: boolean;
  /** Where distances are measured from, for the suggestions' nearest points. */
  origin: LatLng | null;
  onChange: (next: Partial<ServiceFilters>) => void;
  onClear: () => void;
  onOpen: (point: ServicePointSummary) => void;
}

/** What was looked for, in words: "长者食堂/助餐点", "“理发”相关的服务", "服务点". */
function lookedFor(filters: ServiceFilters): string {
  const kind = findSubcategory(filters.subcategory)?.name ?? findCategory(filters.category)?.name;
  if (filters.q) return `${kind ? `${kind}中` : ''}与“${filters.q}”相关的服务`;
  return kind ?? '服务点';
}

/** "约 450 米" → "450 米", "1.8 公里" stays: what follows 最近的在. */
const farText = (metres: number) => formatDistance(metres).replace(/^约 /, '');

/** Nothing within 15 minutes, but some beyond: say so in one line and show the nearest ones with their distance. */
function NearestBeyond({
  list,
  filters,
  onChange,
  renderCard,
}: Pick<ServiceResultsProps, 'list' | 'filters' | 'onChange'> & { renderCard: (point: ServicePointSummary) => JSX.Element }) {
  const nearest = list.beyond[0];
  return (
    <View id='results-beyond'>
      <View className='state-panel' role='status'>
        <View className='text-title' id='beyond-title'>
          15 分钟内没有{lookedFor(filters)}{filters.openNow ? '（营业中）' : ''}，最近的在 {farText(nearest.distanceMeters ?? 0)} 外
        </View>
        <Button id='empty-widen' className='big-button' type='primary' onClick={() => onChange({ nearby: false })}>
          扩大范围，按距离看全部
        </Button>
      </View>
      <View className='text-secondary results__beyond-note'>离您最近的{list.beyond.length === 1 ? '' : ` ${list.beyond.length} 个`}：</View>
      {list.beyond.map(renderCard)}
    </View>
  );
}

// Only a search that found nothing loads it (not in the 服务 tab's first route).
const SearchSuggestions = lazy(() => import('./SearchSuggestions'));

/** Why the list is empty and the one next step that most likely helps; after a search, what else to look for. */
function EmptyResults(props: Omit<ServiceResultsProps, 'list' | 'onOpen'>) {
  const { filters, origin, onChange } = props;
  const pick = (id: string) => onChange({ q: '', category: findSubcategory(id)?.categoryId ?? '', subcategory: id });
  return (
    <>
      <EmptyReason {...props} />
      {filters.q ? (
        <Suspense fallback={null}>
          <SearchSuggestions q={filters.q} origin={origin} onPick={pick} />
        </Suspense>
      ) : null}
    </>
  );
}

function EmptyReason({ filters, hasOrigin, onChange, onClear }: Omit<ServiceResultsProps, 'list' | 'onOpen'>) {
  const what = lookedFor(filters);
  const filtered = Boolean(filters.q || filters.category || filters.openNow);
  const clearLink = filtered ? (
    <View id='empty-clear' className='origin-bar__link results__clear' role='button' onClick={onClear}>
      清除全部筛选
    </View>
  ) : null;
  if (hasOrigin && filters.nearby) {
    return (
      <>
        <EmptyState
          title={`步行 15 分钟内没有找到${what}${filters.openNow ? '（营业中）' : ''}`}
          description='可以扩大到更远的地方查找，结果仍按距离排列。'
          actionText='扩大范围查找'
          actionId='empty-widen'
          onAction={() => onChange({ nearby: false })}
        />
        {clearLink}
      </>
    );
  }
  if (filters.openNow) {
    return (
      <>
        <EmptyState
          title={`现在没有营业中的${what}`}
          description='也看看已打烊的，卡片上写着下次开门的时间。'
          actionText='包括已打烊的'
          actionId='empty-open-any'
          onAction={() => onChange({ openNow: false })}
        />
        {clearLink}
      </>
    );
  }
  return filtered ? (
    <EmptyState
      title={`没有找到${what}`}
      description='换个说法试试，比如“食堂”“药店”，或清除筛选看看全部服务点。'
      actionText='清除全部筛选'
      actionId='empty-clear'
      onAction={onClear}
    />
  ) : (
    <EmptyState title='这里还没有服务点' description='请稍后再来看看。' />
  );
}

const pointKey = (point: ServicePointSummary) => point.id;

/**
 * The line above the cards while they are not the fresh answer: kept from an earlier visit (being brought up to
 * date, or — the fresh answer failed — why not, with 重试, and how old they are), or the previous filter's answer.
 */
function ResultsNote({ list }: { list: ServiceList }) {
  if (list.keptAt !== null) {
    const when = formatDayTime(list.keptAt);
    return list.failure ? (
      <View className='state-panel' role='alert' id='list-kept-failed'>
        <View className='state-panel__error'>{list.failure.message}</View>
        <View className='text-secondary'>下面是{when} 查到的结果，可能已有变化。</View>
        <Button id='error-retry' className='big-button' type='primary' onClick={() => void list.refresh()}>
          重试
        </Button>
      </View>
    ) : (
      <View id='list-updating' className='text-secondary results__updating' role='status'>
        正在更新…先显示{when} 查到的结果
      </View>
    );
  }
  // A new filter or pull-to-refresh: the cards below are still the previous answer until the new one arrives.
  return list.loading ? (
    <View id='list-updating' className='text-secondary results__updating' role='status'>
      正在按新的条件查找…
    </View>
  ) : null;
}

/** Below the cards: the next page (by itself at the bottom, or by button), its failure, or how many there are. */
function ResultsFooter({ list, nearby }: { list: ServiceList; nearby: boolean }) {
  return (
    <View className='service-results__footer' role='status'>
      {list.moreFailure ? (
        <>
          <View className='state-panel__error'>{list.moreFailure.message}</View>
          <Button id='list-more-retry' className='big-button' type='primary' onClick={list.loadMore}>
            重试
          </Button>
        </>
      ) : list.loadingMore ? (
        <View className='text-secondary'>正在加载更多…</View>
      ) : list.hasMore ? (
        <Button id='list-more' className='big-button' onClick={list.loadMore}>
          加载更多
        </Button>
      ) : (
        <View className='text-secondary' id='list-end'>
          已显示全部 {list.items.length} 个{nearby ? '（步行 15 分钟内）' : ''}
        </View>
      )}
    </View>
  );
}

export function ServiceResults({ list, filters, hasOrigin, origin, onChange, onClear, onOpen }: ServiceResultsProps) {
  const kept = list.keptAt !== null;
  // Figures follow the fresh answer: on a weak signal the list's own request goes first, alone.
  const ids = useMemo(() => (kept ? [] : [...list.items, ...list.beyond].map(pointKey)), [kept, list.items, list.beyond]);
  const ratings = useRatingSummaries(ids);
  const renderCard = useCallback(
    (point: ServicePointSummary) => (
      <ServiceCard key={point.id} point={point} onOpen={onOpen} rating={ratings.get(point.id)} kept={kept} />
    ),
    [onOpen, ratings, kept],
  );
  if (list.loading && list.items.length === 0) return <LoadingState rows={4} />;
  if (list.failure && !kept) return <ErrorState message={list.failure.message} onRetry={() => void list.refresh()} />;
  if (list.items.length === 0 && list.beyond.length > 0 && hasOrigin && filters.nearby) {
    return <NearestBeyond list={list} filters={filters} onChange={onChange} renderCard={renderCard} />;
  }
  if (list.items.length === 0) {
    return <EmptyResults filters={filters} hasOrigin={hasOrigin} origin={origin} onChange={onChange} onClear={onClear} />;
  }
  return (
    <View
      className={list.loading && !kept ? 'service-results service-results--busy' : 'service-results'}
      id='service-results'
      aria-busy={list.loading ? 'true' : 'false'}
    >
      <ResultsNote list={list} />
      {/* Thousands of points stay smooth: only the cards near the screen are rendered (each loaded page is a block). */}
      <WindowedBlocks items={list.items} blockSize={LIST_PAGE_SIZE} itemKey={pointKey} renderItem={renderCard} />
      {/* Kept cards have no footer: their count and further pages belong to the fresh answer. */}
      {kept ? null : <ResultsFooter list={list} nearby={hasOrigin && filters.nearby} />}
    </View>
  );
}
