/**
 * The edit form's draft: the point's fields as the user types them (money in yuan as text, coordinates as text),
 * turned back into the API's shape on save. Kept apart from the page so a failed save, a conflict or a reload
 * never loses what was typed.
 */
import { weekdayKeys, type OpeningHours, type WeekdayKey } from '@contract/rules/opening-hours';
import type { EditablePoint, PointChanges } from './types';

export interface ServiceDraft {
  name: string;
  price: string;
  unit: string;
  subsidised: boolean;
  subsidy: string;
}

export interface PointDraft {
  name: string;
  phone: string;
  address: string;
  lat: string;
  lng: string;
  hours: OpeningHours;
  pauseOn: boolean;
  pause: { from: string; to: string; reason: string };
  services: ServiceDraft[];
  /** 无障碍坡道、适老扶手 — one text, split on 、 or commas. */
  accessibility: string;
  description: string;
}

/** The fields a conflict names and a re-apply merges one by one (a field is the user's or the other editor's, never half). */
export const draftFields = ['name', 'phone', 'address', 'position', 'hours', 'pause', 'services', 'accessibility', 'description'] as const;
export type DraftField = (typeof draftFields)[number];

export const draftFieldWords: Record<DraftField, string> = {
  name: '名称',
  phone: '电话',
  address: '地址',
  position: '位置',
  hours: '营业时间',
  pause: '暂停营业',
  services: '服务和价格',
  accessibility: '无障碍设施',
  description: '简介',
};

const yuanText = (cents: number | null) => (cents === null ? '' : (cents / 100).toFixed(2));

export function emptyHours(): OpeningHours {
  const weekly = Object.fromEntries(weekdayKeys.map((key) => [key, [] as OpeningHours['weekly'][WeekdayKey]])) as OpeningHours['weekly'];
  return { weekly, holiday: [] };
}

export function draftOf(point: EditablePoint): PointDraft {
  return {
    name: point.name,
    phone: point.phone,
    address: point.address,
    lat: String(point.lat),
    lng: String(point.lng),
    hours: point.hours,
    pauseOn: point.pause !== null,
    pause: point.pause ?? { from: '', to: '', reason: '' },
    services: point.services.map((s) => ({ name: s.name, price: yuanText(s.priceCents), unit: s.unit, subsidised: s.subsidised, subsidy: yuanText(s.subsidyCents) })),
    accessibility: point.accessibility.join('、'),
    description: point.description,
  };
}

export function blankDraft(): PointDraft {
  return {
    name: '',
    phone: '',
    address: '',
    lat: '',
    lng: '',
    hours: emptyHours(),
    pauseOn: false,
    pause: { from: '', to: '', reason: '' },
    services: [],
    accessibility: '',
    description: '',
  };
}

/** A field's value for comparing two drafts (position is lat and lng together). */
function fieldValue(draft: PointDraft, field: DraftField): string {
  switch (field) {
    case 'position':
      return `${draft.lat},${draft.lng}`;
    case 'pause':
      return draft.pauseOn ? JSON.stringify(draft.pause) : 'none';
    default:
      return JSON.stringify(draft[field]);
  }
}

export function changedFields(from: PointDraft, to: PointDraft): DraftField[] {
  return draftFields.filter((field) => fieldValue(from, field) !== fieldValue(to, field));
}

function copyField(target: PointDraft, source: PointDraft, field: DraftField): PointDraft {
  if (field === 'position') return { ...target, lat: source.lat, lng: source.lng };
  if (field === 'pause') return { ...target, pauseOn: source.pauseOn, pause: source.pause };
  return { ...target, [field]: source[field] };
}

/**
 * After a conflict: start from the point as it is now and put back every field the user had changed from the
 * version they started with — what they typed stays, what the other editor changed elsewhere is kept too.
 */
export function reapply(base: PointDraft, mine: PointDraft, current: PointDraft): PointDraft {
  return changedFields(base, mine).reduce((draft, field) => copyField(draft, mine, field), current);
}

/** "12.50" → 1250; '' → null; anything else → NaN (the form names it). */
function cents(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  return /^\d+(\.\d{1,2})?$/.test(trimmed) ? Math.round(Number(trimmed) * 100) : Number.NaN;
}

function coordinate(text: string): number {
  const trimmed = text.trim();
  return trimmed === '' ? Number.NaN : Number(trimmed);
}

/** Problems the form can name before sending (the server checks everything again): field path → Chinese message. */
export function draftProblems(draft: PointDraft): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!Number.isFinite(coordinate(draft.lat)) || !Number.isFinite(coordinate(draft.lng))) problems.lat = '位置：请选择位置，或填写纬度和经度数字';
  draft.services.forEach((s, i) => {
    const price = cents(s.price);
    if (price === null || Number.isNaN(price)) problems[`services.${i}.priceCents`] = '价格：请填写金额，如 3.00（免费填 0）';
    if (s.subsidised && Number.isNaN(cents(s.subsidy) ?? 0)) problems[`services.${i}.subsidyCents`] = '补贴：请填写金额，如 2.00';
  });
  if (draft.pauseOn && !draft.pause.reason.trim()) problems['pause.reason'] = '暂停原因：请写明原因，如“内部装修”';
  return problems;
}

/** The draft in the API's shape (call after draftProblems found nothing). */
export function changesOf(draft: PointDraft): Required<PointChanges> {
  return {
    name: draft.name.trim(),
    phone: draft.phone.trim(),
    address: draft.address.trim(),
    lat: coordinate(draft.lat),
    lng: coordinate(draft.lng),
    hours: draft.hours,
    pause: draft.pauseOn ? { from: draft.pause.from.trim(), to: draft.pause.to.trim(), reason: draft.pause.reason.trim() } : null,
    services: draft.services.map((s) => ({
      name: s.name.trim(),
      priceCents: cents(s.price) ?? 0,
      unit: s.unit.trim(),
      subsidised: s.subsidised,
      subsidyCents: s.subsidised ? cents(s.subsidy) : null,
    })),
    accessibility: draft.accessibility
      .split(/[、,，;；\s]+/)
      .map((item) => item.trim())
      .filter(Boolean),
    description: draft.description.trim(),
  };
}

/** The first message among `fields` for this field or anything inside it ('services.0' covers 'services.0.priceCents'). */
export function fieldError(fields: Record<string, string> | undefined, path: string): string | undefined {
  if (!fields) return undefined;
  const key = Object.keys(fields).find((k) => k === path || k.startsWith(`${path}.`));
  return key ? fields[key] : undefined;
}
