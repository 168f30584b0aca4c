import { careBookingUrl } from './carePaths';
import { SERVICES_PATH } from './navigation';
import type { IconName } from './ui/icons';

/**
 * The big entries on 首页. Only features that exist get an entry (never a page that pretends):
 * a feature adds one line here when its pages are registered in app.config.ts.
 * `id` becomes the element id (browser tests tap it), `path` is opened with openPath (tab pages via switchTab).
 */
export interface HomeEntry {
  id: string;
  label: string;
  description: string;
  icon: IconName;
  tone: 'primary' | 'care';
  path: string;
}

export const HOME_ENTRIES: HomeEntry[] = [
  {
    id: 'entry-find-service',
    label: '找服务',
    description: '食堂、药店、卫生服务中心',
    icon: 'search',
    tone: 'primary',
    path: SERVICES_PATH,
  },
  {
    id: 'entry-coverage',
    label: '身边 15 分钟',
    description: '步行能到的服务，缺什么一目了然',
    icon: 'location',
    tone: 'primary',
    path: '/features/directory/pages/coverage/index',
  },
  {
    id: 'entry-volunteers',
    label: '志愿服务',
    description: '报名社区志愿活动，记录服务时长',
    icon: 'heart',
    tone: 'primary',
    path: '/features/volunteers/pages/activities/index',
  },
  {
    id: 'entry-care-meal',
    label: '助餐',
    description: '长者食堂午餐、晚餐，可以送餐到家',
    icon: 'store',
    tone: 'care',
    path: careBookingUrl({ group: 'meal' }),
  },
  {
    id: 'entry-care-bath',
    label: '助浴',
    description: '到助浴点洗澡，或上门助浴',
    icon: 'health',
    tone: 'care',
    path: careBookingUrl({ group: 'bath' }),
  },
  {
    id: 'entry-care-home',
    label: '上门服务',
    description: '助洁、助医陪诊、助行',
    icon: 'home',
    tone: 'care',
    path: careBookingUrl({ group: 'home' }),
  },
];
