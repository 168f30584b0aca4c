import { View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { useCallback } from 'react';
import type { Coverage } from '@contract/directory';
import { DEFAULT_RADIUS_METRES, formatDistance } from '@contract/rules/walking';
import { openPath } from '@/lib/navigation';
import { BackLink } from '@/lib/ui/BackLink';
import { ErrorState } from '@/lib/ui/ErrorState';
import { LoadingState } from '@/lib/ui/LoadingState';
import { PageRoot } from '@/lib/ui/PageRoot';
import { useRequest } from '@/lib/useRequest';
import { fetchCoverage } from '../../api';
import { CoverageGroups } from '../../components/CoverageGroups';
import { OriginBar } from '../../components/OriginBar';
import type { Origin } from '../../origin';
import { detailUrl } from '../../paths';
import { useDirectoryOrigin } from '../../useDirectoryOrigin';
import '../../directory.scss';
import '../pages.scss';

function CoverageOf({ origin }: { origin: Origin }) {
  const { kind, communityId, lat, lng } = origin;
  const load = useCallback(
    (): Promise<Coverage> => fetchCoverage(kind === 'community' && communityId ? { communityId } : { origin: { lat, lng } }),
    [kind, communityId, lat, lng],
  );
  const { data, failure, loading, reload } = useRequest(load);
  usePullDownRefresh(() => {
    reload();
    void Taro.stopPullDownRefresh();
  });
  if (loading && !data) return <LoadingState rows={4} />;
  if (failure) return <ErrorState message={failure.message} onRetry={reload} />;
  if (!data) return null;
  return <CoverageGroups coverage={data} onOpen={(id) => void openPath(detailUrl(id))} />;
}

/** 身边 15 分钟: which basic services are within 5 / 8 / 15 minutes on foot, and which are missing. */
export default function CoveragePage() {
  const directory = useDirectoryOrigin();
  return (
    <PageRoot className='coverage'>
      <BackLink id='coverage-back' />
      <View className='text-heading section-title'>身边 15 分钟</View>
      <View className='text-secondary section-title'>步行 15 分钟（约 {formatDistance(DEFAULT_RADIUS_METRES)}）内能不能找到这些基本服务。</View>
      <OriginBar {...directory} />
      {directory.origin ? <CoverageOf origin={directory.origin} /> : null}
    </PageRoot>
  );
}
