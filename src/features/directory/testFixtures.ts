/** Realistic API answers for the directory's component tests (shapes of contract/directory.ts). */
import type { Coverage, ServicePointDetail, ServicePointPage, ServicePointSummary } from '@contract/directory';

export function summary(overrides: Partial<ServicePointSummary> = {}): ServicePointSummary {
  return {
    id: 'sp-xinshi-elder-canteen',
    name: '新市社区长者食堂',
    category: 'elderly',
    categoryName: '养老',
    subcategory: 'elder-canteen',
    subcategoryName: '长者食堂/助餐点',
    townCode: '220681002',
    townName: '新市街道',
    communityId: 'xinshi',
    communityName: '新市社区',
    address: '临江市新市街道新市街258号',
    lat: 41.8118,
    lng: 126.9262,
    phone: '0439-5384293',
    distanceMeters: 133,
    walkingMinutes: 2,
    openNow: true,
    closesAt: '2026-11-26T10:30:00.000Z',
    nextOpenAt: null,
    isDemo: true,
    paused: null,
    ...overrides,
  };
}

export function page(items: ServicePointSummary[], nextCursor: string | null = null, beyond: ServicePointSummary[] = []): ServicePointPage {
  return { items, nextCursor, origin: { lat: 41.811, lng: 126.925, radius: 1125 }, beyond };
}

const weekday = [{ open: '06:30', close: '18:30' }];

export function detail(overrides: Partial<ServicePointDetail> = {}): ServicePointDetail {
  return {
    ...summary(),
    description: '60 岁以上老人凭老年优待证享受助餐补贴。',
    operator: '临江市新市颐康养老服务中心',
    services: [
      { name: '早餐', priceCents: 300, unit: '餐', subsidised: true, subsidyCents: 200 },
      { name: '送餐上门', priceCents: 200, unit: '次', subsidised: false, subsidyCents: null },
      { name: '健康咨询', priceCents: 0, unit: '次', subsidised: false, subsidyCents: null },
    ],
    accessibility: ['无障碍坡道', '适老扶手'],
    hours: {
      weekly: (['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const).map((key, index) => ({
        key,
        name: ['周一', '周二', '周三', '周四', '周五', '周六', '周日'][index],
        intervals: key === 'sun' ? [] : weekday,
        text: key === 'sun' ? '休息' : '06:30–18:30',
        isToday: key === 'thu',
      })),
      holiday: { intervals: weekday, text: '06:30–18:30' },
      openAllDay: false,
      today: { date: '2026-11-26', kind: 'workday', label: '工作日', intervals: weekday, text: '06:30–18:30' },
    },
    verifiedAt: '2026-11-15',
    version: 1,
    openReports: 0,
    ...overrides,
  };
}

export function coverage(): Coverage {
  const nearest = (id: string, name: string, distanceMeters: number, walkingMinutes: number) => ({
    id,
    name,
    subcategory: 'x',
    subcategoryName: 'x',
    distanceMeters,
    walkingMinutes,
    isDemo: true,
  });
  return {
    origin: { lat: 41.811, lng: 126.925, label: '新市社区', communityId: 'xinshi' },
    groups: [
      {
        layer: 5,
        label: '步行 5 分钟内',
        items: [
          {
            id: 'elder-canteen',
            name: '长者食堂/助餐点',
            targetMinutes: 15,
            subcategories: ['elder-canteen'],
            nearest: nearest('sp-xinshi-elder-canteen', '新市社区长者食堂', 133, 2),
            layer: 5,
            meetsTarget: true,
          },
        ],
      },
      {
        layer: 8,
        label: '步行 6–8 分钟',
        items: [],
      },
      {
        layer: 15,
        label: '步行 9–15 分钟',
        items: [
          {
            id: 'pharmacy',
            name: '药店',
            targetMinutes: 8,
            subcategories: ['pharmacy'],
            nearest: nearest('sp-xinshi-pharmacy', '康民大药房', 900, 12),
            layer: 15,
            meetsTarget: false,
          },
        ],
      },
      {
        layer: null,
        label: '15 分钟内没有',
        items: [
          {
            id: 'infant-care',
            name: '普惠托育',
            targetMinutes: 15,
            subcategories: ['infant-care'],
            nearest: nearest('sp-far-infant-care', '花山托育园', 2400, 32),
            layer: null,
            meetsTarget: false,
          },
          { id: 'post', name: '邮政', targetMinutes: 15, subcategories: ['post'], nearest: null, layer: null, meetsTarget: false },
        ],
      },
    ],
  };
}
