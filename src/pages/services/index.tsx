import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { ServiceDirectory } from '@/features/directory/components/ServiceDirectory';
import { startEarly } from '@/features/directory/earlyStart';
import { useKeptScroll } from '@/features/directory/useKeptScroll';
import { useServiceDirectory } from '@/features/directory/useServiceDirectory';
import { PageRoot } from '@/lib/ui/PageRoot';

// As soon as this tab's code is here: a returning location user's position and first page (earlyStart.ts).
startEarly();

/** 服务 tab (main package): only wiring; the directory's UI lives in src/features/directory/components. */
export default function ServicesPage() {
  const directory = useServiceDirectory();
  usePullDownRefresh(() => {
    void directory.list.refresh().finally(() => void Taro.stopPullDownRefresh());
  });
  useReachBottom(() => directory.list.loadMore());
  useKeptScroll(!directory.list.loading && directory.list.items.length > 0);
  return (
    <PageRoot className='services' tab='services'>
      <ServiceDirectory {...directory} />
    </PageRoot>
  );
}
