/** Answers of the care API as the server gives them, for component tests (one elder, one lunch, two slots). */
import type { Booking, CareService, ElderSummary, Quote, Slot, SlotList } from '@contract/care';

export const mother: ElderSummary = {
  id: 7,
  name: '张桂芝',
  maskedIdNumber: '2206**********0021',
  birthDate: '1944-03-02',
  age: 82,
  communityId: 'xinshi',
  communityName: '新市社区',
  classes: ['advanced-age', 'living-alone'],
  dibao: false,
  bathAssessedOn: '2026-10-10',
  access: 'active',
  relation: '子女',
  canBook: true,
};

export const lunch: CareService = {
  id: 'svc-xinshi-lunch',
  kind: 'meal',
  kindName: '助餐',
  name: '午餐',
  description: '两荤一素一汤',
  place: 'onsite',
  priceFen: 800,
  deliveryFeeFen: 0,
  servicePoint: { id: 'sp-xinshi-elder-canteen', name: '新市社区长者食堂', address: '新市街 1 号', phone: '0439-5384293', communityId: 'xinshi', communityName: '新市社区', isDemo: true },
};

export function slot(id: string, overrides: Partial<Slot> = {}): Slot {
  return {
    id,
    serviceId: lunch.id,
    date: '2026-12-01',
    start: '11:00',
    end: '12:30',
    capacity: 30,
    placesLeft: 12,
    menu: '红烧鸡块、炒青菜、米饭',
    cutoffAt: '2026-11-30T08:00:00.000Z',
    bookable: true,
    closedReason: null,
    ...overrides,
  };
}

export function slotList(date: string, items: Slot[]): SlotList {
  return { service: lunch, date, dates: ['2026-11-30', '2026-12-01', '2026-12-02'], items, nextCursor: null };
}

export const subsidisedQuote: Quote = {
  price: {
    priceFen: 800,
    deliveryFeeFen: 0,
    subsidies: [{ id: 'meal-80-plus', label: '80 岁以上老人每餐减 5 元', amountFen: 500 }],
    subsidyFen: 500,
    payableFen: 300,
  },
  refusal: null,
  cutoffAt: '2026-11-30T08:00:00.000Z',
};

export function booking(overrides: Partial<Booking> = {}): Booking {
  return {
    id: 41,
    status: 'booked',
    statusName: '已预约',
    elder: { id: mother.id, name: mother.name },
    service: { id: lunch.id, kind: 'meal', kindName: '助餐', name: '午餐' },
    servicePoint: { id: lunch.servicePoint.id, name: lunch.servicePoint.name, phone: lunch.servicePoint.phone },
    slot: { id: 'slot-lunch-1201', date: '2026-12-01', start: '11:00', end: '12:30' },
    mealMode: 'delivery',
    payableFen: 300,
    createdAt: '2026-11-29T23:50:00.000Z',
    address: '新市街 8 号 2 单元 301',
    note: null,
    menu: '红烧鸡块、炒青菜、米饭',
    price: subsidisedQuote.price,
    bookedBy: { userId: 1, name: '王秀兰', relation: '子女' },
    cancelUntil: '2026-11-30T08:00:00.000Z',
    canCancel: true,
    nextStatuses: [],
    timeline: [{ status: 'booked', label: '已预约', at: '2026-11-29T23:50:00.000Z', by: '家属', note: null }],
    completedAt: null,
    ...overrides,
  };
}
