import { Text, View } from '@tarojs/components';
import type { ServicePointDetail } from '@contract/directory';
import type { ReactNode } from 'react';
import { pauseState, pauseWords } from '@contract/rules/pause';
import { chinaDate } from '@/lib/date';
import { focusable } from '@/lib/ui/a11y';
import { AppIcon, type IconName } from '@/lib/ui/icons';
import { dateText, distanceText, priceText } from '../format';
import { DemoMark } from './DemoMark';
import { OpenStateLine } from './OpenStateLine';
import { HoursTable } from './HoursTable';

interface FactRowProps {
  id: string;
  icon: IconName;
  label: string;
  children: ReactNode;
  /** A row that does something when tapped (calls, opens the map): says what in `action`. */
  onTap?: () => void;
  action?: string;
}

function FactRow({ id, icon, label, children, onTap, action }: FactRowProps) {
  const tappable = onTap ? { role: 'button', ...focusable(), onClick: onTap } : {};
  return (
    <View id={id} className={onTap ? 'fact-row fact-row--tappable' : 'fact-row'} {...tappable}>
      <View className='fact-row__icon'>
        <AppIcon name={icon} />
      </View>
      <View>
        <View className='fact-row__label'>{label}</View>
        <View className='fact-row__value'>{children}</View>
      </View>
      {action ? <View className='fact-row__action'>{action} ›</View> : null}
    </View>
  );
}

/** A pause still ahead (the state line shows one in force), and residents' open reports that it may be out of date. */
function PauseAndReports({ point, now }: { point: ServicePointDetail; now?: Date }) {
  const today = chinaDate(now);
  return (
    <>
      {pauseState(point.paused, today) === 'ahead' ? (
        <View id='detail-pause-ahead' className='detail__notice'>
          {pauseWords(point.paused, today)}：{point.paused!.reason}
        </View>
      ) : null}
      {point.openReports > 0 ? (
        <View id='detail-reports' className='detail__notice'>
          有居民反馈信息可能有变，出门前可以先打电话问问
        </View>
      ) : null}
    </>
  );
}

interface ServiceDetailViewProps {
  point: ServicePointDetail;
  /** "您的位置" / "新市社区": where the distance is measured from, or null. */
  originLabel: string | null;
  now?: Date;
  /** Tapping the phone row calls; tapping the address row opens the map. */
  onCall?: () => void;
  onNavigate?: () => void;
}

/** Everything about one service point, most deciding first: open or not, how far, how to reach them. */
export function ServiceDetailView({ point, originLabel, now, onCall, onNavigate }: ServiceDetailViewProps) {
  const distance = distanceText(point);
  return (
    <View>
      <View className='detail__head card'>
        <View className='detail__title-row'>
          <View className='text-heading' id='detail-name'>
            {point.name}
          </View>
          {point.isDemo ? <DemoMark /> : null}
        </View>
        <View className='text-secondary'>
          {point.categoryName} · {point.subcategoryName}
        </View>
        <OpenStateLine id='detail-state' className='detail__state' point={point} now={now} />
        <PauseAndReports point={point} now={now} />
      </View>

      <View className='detail__facts card'>
        {distance ? (
          <FactRow id='detail-distance' icon='location' label={`距离（从${originLabel ?? '您选的位置'}）`}>
            <Text className='fact-row__value--strong'>
              {distance.distance} · {distance.walking}
            </Text>
          </FactRow>
        ) : null}
        <FactRow id='detail-address' icon='location' label='地址' onTap={onNavigate} action='导航'>
          {point.address}
          {point.communityName ? `（${point.communityName}）` : ''}
        </FactRow>
        <FactRow id='detail-phone' icon='phone' label='电话' onTap={onCall} action='拨打'>
          {point.phone}
        </FactRow>
      </View>

      <HoursTable hours={point.hours} />

      {point.services.length > 0 ? (
        <View id='detail-services' className='card'>
          <View className='text-title section-title'>服务和价格</View>
          {point.services.map((service) => (
            <View key={service.name} className='price-row'>
              <View>{service.name}</View>
              <View className='price-row__price'>{priceText(service)}</View>
            </View>
          ))}
        </View>
      ) : null}

      {point.description ? (
        <View id='detail-description' className='card'>
          {point.description}
        </View>
      ) : null}

      <View id='detail-accessibility' className='card'>
        <View className='text-title section-title'>无障碍和适老设施</View>
        {point.accessibility.length > 0 ? (
          <View className='tag-list'>
            {point.accessibility.map((item) => (
              <Text key={item} className='tag'>
                ✓ {item}
              </Text>
            ))}
          </View>
        ) : (
          <View className='text-secondary'>暂无登记的无障碍设施，出行前可先打电话问问。</View>
        )}
      </View>

      <View id='detail-about' className='card text-secondary'>
        <View>运营单位：{point.operator}</View>
        <View>信息核实日期：{dateText(point.verifiedAt)}</View>
        {point.isDemo ? <View>这是演示用的虚构服务点，电话和地址不能真实使用。</View> : null}
      </View>
    </View>
  );
}
