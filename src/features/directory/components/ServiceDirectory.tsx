import { View } from '@tarojs/components';
import { openPath } from '@/lib/navigation';
import { COVERAGE_PATH } from '../paths';
import type { ServiceDirectory as Directory } from '../useServiceDirectory';
import { OriginBar } from './OriginBar';
import { ServiceFilters } from './ServiceFilters';
import { ServiceResults } from './ServiceResults';
import '../directory.scss';

/** The 服务 tab's content: where distances are from, search and filters, and the list. */
export function ServiceDirectory({ origin, filters, changeFilters, clearFilters, list, openPoint }: Directory) {
  const hasOrigin = origin.origin !== null;
  return (
    <View className='service-directory'>
      <OriginBar {...origin} />
      <View id='open-coverage' className='coverage-link' role='link' onClick={() => void openPath(COVERAGE_PATH)}>
        身边 15 分钟：看看缺什么 ›
      </View>
      <ServiceFilters filters={filters} onChange={changeFilters} hasOrigin={hasOrigin} onNeedOrigin={origin.locate} />
      {hasOrigin ? null : (
        <View id='list-order-note' className='text-secondary list-order-note'>
          还不知道您在哪里，下面按名称排列，不显示距离。
        </View>
      )}
      <ServiceResults
        list={list}
        filters={filters}
        hasOrigin={hasOrigin}
        onChange={changeFilters}
        onClear={clearFilters}
        onOpen={openPoint}
      />
    </View>
  );
}
