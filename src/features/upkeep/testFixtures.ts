/** Realistic upkeep answers for the component tests (shapes of contract/upkeep.ts). */
import type { CorrectionView, EditablePoint } from '@contract/upkeep';

const day = [{ open: '06:30', close: '18:30' }];

export function editable(overrides: Partial<EditablePoint> = {}): EditablePoint {
  return {
    id: 'sp-xinshi-elder-canteen',
    name: '新市社区长者食堂',
    subcategory: 'elder-canteen',
    address: '临江市新市街道新市街258号',
    lat: 41.8118,
    lng: 126.9262,
    phone: '0439-5384293',
    hours: { weekly: { mon: day, tue: day, wed: day, thu: day, fri: day, sat: day, sun: [] }, holiday: day },
    pause: null,
    services: [{ name: '早餐', priceCents: 300, unit: '餐', subsidised: true, subsidyCents: 200 }],
    accessibility: ['无障碍坡道', '适老扶手'],
    description: '60 岁以上老人凭老年优待证享受助餐补贴。',
    verifiedAt: '2026-11-15',
    version: 3,
    communityId: 'xinshi',
    ...overrides,
  };
}

export function correction(overrides: Partial<CorrectionView> = {}): CorrectionView {
  return {
    id: 7,
    pointId: 'sp-xinshi-elder-canteen',
    pointName: '新市社区长者食堂',
    kind: 'closed',
    text: '门口贴了装修通知',
    createdAt: '2026-12-01T02:00:00.000Z',
    dueDate: '2026-12-04',
    overdue: false,
    state: 'open',
    outcome: null,
    note: null,
    handledAt: null,
    ...overrides,
  };
}
