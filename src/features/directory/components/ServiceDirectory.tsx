import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { openPath } from '@/lib/navigation';
import { COVERAGE_PATH } from '../paths';
import type { ServiceDirectory as Directory } from '../useServiceDirectory';
import { OriginBar } from './OriginBar';
import { ServiceFilters } from './ServiceFilters';
import { ServiceResults } from './ServiceResults';
import '../directory.scss';

/** The 服务 tab's content: where distances are from, search and filters, and the list. */
/** No position and no 社区: rather than the whole city by name, ask for a 社区 (one tap), or everything by name. */
function AskForCommunity({ onChoose, onBrowseAll }: { onChoose: () => void; onBrowseAll: () => void }) {
  return (
    <View className='state-panel' id='ask-community'>
      <View className='text-title'>先选一个社区，再按远近给您排列</View>
      <View className='text-secondary'>临江有几百个服务点，知道您在哪个社区，才能把最近的排在前面。</View>
      <Button id='list-choose-community' className='big-button' type='primary' size='large' onClick={onChoose}>
        选择社区
      </Button>
      <View id='list-browse-all' className='origin-bar__link' role='button' onClick={onBrowseAll}>
        不选，按名称看全部
      </View>
    </View>
  );
}

export function ServiceDirectory({ origin, filters, changeFilters, clearFilters, list, openPoint, askForCommunity, setBrowseAll }: Directory) {
  const hasOrigin = origin.origin !== null;
  return (
    <View className='service-directory'>
      <OriginBar {...origin} />
      <View id='open-coverage' className='coverage-link' role='link' onClick={() => void openPath(COVERAGE_PATH)}>
        身边 15 分钟：看看缺什么 ›
      </View>
      <ServiceFilters filters={filters} onChange={changeFilters} hasOrigin={hasOrigin} onNeedOrigin={origin.locate} />
      {askForCommunity ? (
        <AskForCommunity onChoose={origin.chooseCommunity} onBrowseAll={() => setBrowseAll(true)} />
      ) : (
        <>
          {hasOrigin || !origin.settled ? null : (
            <View id='list-order-note' className='text-secondary list-order-note'>
              还不知道您在哪里，下面按名称排列，不显示距离。
            </View>
          )}
          <ServiceResults
            list={list}
            filters={filters}
            hasOrigin={hasOrigin}
            origin={origin.origin}
            onChange={changeFilters}
            onClear={clearFilters}
            onOpen={openPoint}
          />
        </>
      )}
    </View>
  );
}
