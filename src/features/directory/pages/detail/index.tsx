import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro';
import { useCallback, useEffect } from 'react';
import type { ServicePointDetail } from '@contract/directory';
import { type CareGroup, careBookingUrl } from '@/lib/carePaths';
import { SERVICES_PATH, openPath } from '@/lib/navigation';
import { focusable } from '@/lib/ui/a11y';
import { BackLink } from '@/lib/ui/BackLink';
import { EmptyState } from '@/lib/ui/EmptyState';
import { ErrorState } from '@/lib/ui/ErrorState';
import { LoadingState } from '@/lib/ui/LoadingState';
import { PageRoot } from '@/lib/ui/PageRoot';
import { useRequest } from '@/lib/useRequest';
import { fetchServiceDetail } from '../../api';
import { ServiceDetailView } from '../../components/ServiceDetailView';
import { openState } from '../../format';
import { detailUrl } from '../../paths';
import { useDirectoryOrigin } from '../../useDirectoryOrigin';
import { RatingEntry } from './RatingEntry';
import { ShareButton } from './ShareButton';
import { UpkeepEntry } from './UpkeepEntry';
import '../../directory.scss';
import '../pages.scss';

function call(point: ServicePointDetail): void {
  Taro.makePhoneCall({ phoneNumber: point.phone }).catch(() => undefined); // Cancelled by the user: nothing to say.
}

/** WeChat opens its own map; a browser opens Amap's web page (it takes GCJ-02 coordinates, as ours are). */
function navigate(point: ServicePointDetail): void {
  if (process.env.TARO_ENV === 'h5') {
    const query = `position=${point.lng},${point.lat}&name=${encodeURIComponent(point.name)}&coordinate=gaode&callnative=1`;
    // A new browser tab keeps the app (and the 服务 list) where it was; where tabs are blocked, this tab goes.
    const url = `https://uri.amap.com/marker?${query}`;
    // ('noopener' would make window.open answer null even when the tab opened: cut the link back by hand.)
    const tab = window.open(url, '_blank');
    if (tab) tab.opener = null;
    else window.location.href = url;
    return;
  }
  Taro.openLocation({ latitude: point.lat, longitude: point.lng, name: point.name, address: point.address, scale: 17 }).catch(() =>
    Taro.showToast({ title: '暂时打不开地图，请稍后重试', icon: 'none' }),
  );
}

/** Care points take bookings (助餐 at a 长者食堂, 助浴 at a 助浴点, home services from a 居家养老服务站). */
const BOOKABLE: Record<string, { group?: CareGroup; label: string }> = {
  'elder-canteen': { group: 'meal', label: '预约助餐' },
  bathing: { group: 'bath', label: '预约助浴' },
  'home-care-station': { label: '预约上门服务' },
};

export default function ServiceDetailPage() {
  const id = useRouter().params.id ?? '';
  // Distances need the origin: wait until it is decided rather than asking once without it and again with it.
  const { origin, settled } = useDirectoryOrigin();
  const lat = origin?.lat;
  const lng = origin?.lng;
  const load = useCallback(
    () => fetchServiceDetail(id, lat !== undefined && lng !== undefined ? { lat, lng } : null),
    [id, lat, lng],
  );
  const { data: point, failure, loading, reload } = useRequest(load, { enabled: settled });

  useEffect(() => {
    if (point) void Taro.setNavigationBarTitle({ title: point.name });
  }, [point]);

  useShareAppMessage(() => ({
    title: point ? `${point.name}（${openState(point).word}）` : '临江社区服务',
    path: detailUrl(id),
  }));

  let body;
  if (!id) {
    body = <EmptyState title='没有指明要看哪个服务点' actionText='去找服务' actionId='detail-find' onAction={() => void openPath(SERVICES_PATH)} />;
  } else if (loading && !point) {
    body = <LoadingState rows={4} />;
  } else if (failure) {
    body =
      failure.status === 404 ? (
        <EmptyState title={failure.message} description='可以回到列表找找附近的其他服务点。' actionText='去找服务' actionId='detail-find' onAction={() => void openPath(SERVICES_PATH)} />
      ) : (
        <ErrorState message={failure.message} onRetry={reload} />
      );
  } else if (point) {
    body = (
      <>
        {BOOKABLE[point.subcategory] ? (
          <View className='card'>
            <Button
              id='detail-book'
              className='big-button'
              type='primary'
              size='large'
              block
              onClick={() => void openPath(careBookingUrl({ group: BOOKABLE[point.subcategory].group, point: point.id }))}
            >
              {BOOKABLE[point.subcategory].label}
            </Button>
          </View>
        ) : null}
        <ServiceDetailView point={point} originLabel={origin?.label ?? null} onCall={() => call(point)} onNavigate={() => navigate(point)} />
        <ShareButton pointId={point.id} />
        <RatingEntry pointId={point.id} pointName={point.name} />
        <UpkeepEntry pointId={point.id} pointName={point.name} />
        <View className='detail-bar'>
          <Button id='detail-call' className='big-button detail-bar__button' type='primary' size='large' onClick={() => call(point)}>
            打电话
          </Button>
          <Button id='detail-navigate' className='big-button detail-bar__button' size='large' onClick={() => navigate(point)}>
            导航
          </Button>
        </View>
      </>
    );
  }
  return (
    <PageRoot className='detail'>
      {/* Opened from a shared link (nothing to go back to): a way to the 服务 list, which keeps its filters. */}
      {Taro.getCurrentPages().length > 1 ? (
        <BackLink id='detail-back' />
      ) : (
        <View id='detail-back' className='back-link' role='link' {...focusable()} onClick={() => void openPath(SERVICES_PATH)}>
          ‹ 服务（附近更多服务点）
        </View>
      )}
      {body}
    </PageRoot>
  );
}
