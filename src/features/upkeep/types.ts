/** Shapes of the upkeep API (docs: /work/briefs/upkeep-api.md) until contract/upkeep.ts lands; then re-exported from there. */
import type { OfferedServiceInput } from '@contract/service-point-input';
import type { OpeningHours } from '@contract/rules/opening-hours';

export interface Pause {
  from: string;
  to: string;
  reason: string;
}

export interface EditablePoint {
  id: string;
  name: string;
  subcategory: string;
  address: string;
  lat: number;
  lng: number;
  phone: string;
  hours: OpeningHours;
  pause: Pause | null;
  services: OfferedServiceInput[];
  accessibility: string[];
  description: string;
  verifiedAt: string;
  version: number;
  communityId: string | null;
}

export type CorrectionKind = 'closed' | 'phone' | 'address' | 'hours' | 'other';
export type CorrectionOutcome = 'confirmed' | 'corrected' | 'closed';

export const correctionKinds: CorrectionKind[] = ['closed', 'phone', 'address', 'hours', 'other'];
export const correctionKindWords: Record<CorrectionKind, string> = {
  closed: '关门了',
  phone: '电话打不通',
  address: '地址不对',
  hours: '时间不对',
  other: '其他',
};
export const correctionOutcomeWords: Record<CorrectionOutcome, string> = {
  confirmed: '核实无误',
  corrected: '已更正',
  closed: '已关闭该点',
};

export interface CorrectionView {
  id: number;
  pointId: string;
  pointName: string;
  kind: CorrectionKind;
  text: string | null;
  createdAt: string;
  dueDate: string;
  overdue: boolean;
  state: 'open' | 'handled';
  outcome: CorrectionOutcome | null;
  note: string | null;
  handledAt: string | null;
}

export interface StalePoint {
  id: string;
  name: string;
  verifiedAt: string;
  daysSince: number;
}

/** What a PATCH may change (any subset). */
export type PointChanges = Partial<Pick<EditablePoint, 'name' | 'address' | 'lat' | 'lng' | 'phone' | 'hours' | 'pause' | 'services' | 'accessibility' | 'description'>>;

/** POST /api/services: a new point, the 社区 from the worker's scope (a 街道 worker names it). */
export type NewPoint = Omit<EditablePoint, 'id' | 'version' | 'verifiedAt'>;
