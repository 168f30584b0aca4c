/** The upkeep calls (信息有误, staff editing); shapes from the contract. */
import { api } from '@/lib/api/client';
import type { CorrectionKind, CorrectionOutcome, CorrectionView, EditablePoint, Pause, PointChanges, NewPoint, StalePoint } from './types';

export async function fetchEditable(pointId: string): Promise<EditablePoint> {
  const { data } = await api.get<{ point: EditablePoint }>(`/api/services/${encodeURIComponent(pointId)}/editable`, { loginOnUnauthorized: false });
  return data.point;
}

export async function savePoint(pointId: string, version: number, changes: PointChanges): Promise<EditablePoint> {
  const { data } = await api.patch<{ point: EditablePoint }>(`/api/services/${encodeURIComponent(pointId)}`, { version, ...changes });
  return data.point;
}

export async function verifyPoint(pointId: string, version: number): Promise<EditablePoint> {
  const { data } = await api.post<{ point: EditablePoint }>(`/api/services/${encodeURIComponent(pointId)}/verify`, { version });
  return data.point;
}

export async function createPoint(point: NewPoint): Promise<EditablePoint> {
  const { data } = await api.post<{ point: EditablePoint }>('/api/services', point);
  return data.point;
}

export async function reportCorrection(pointId: string, kind: CorrectionKind, text: string): Promise<CorrectionView> {
  const body = text ? { kind, text } : { kind };
  const { data } = await api.post<{ correction: CorrectionView }>(`/api/services/${encodeURIComponent(pointId)}/corrections`, body);
  return data.correction;
}

export async function fetchCorrections(state: 'open' | 'handled'): Promise<CorrectionView[]> {
  const { data } = await api.get<{ items: CorrectionView[] }>('/api/corrections', { params: { state } });
  return data.items;
}

export async function fetchMyCorrections(): Promise<CorrectionView[]> {
  const { data } = await api.get<{ items: CorrectionView[] }>('/api/corrections/mine');
  return data.items;
}

export async function handleCorrection(id: number, outcome: CorrectionOutcome, note: string, pause: Pause | null): Promise<CorrectionView> {
  const body = { outcome, ...(note ? { note } : {}), ...(pause ? { pause } : {}) };
  const { data } = await api.post<{ correction: CorrectionView }>(`/api/corrections/${id}/actions`, body);
  return data.correction;
}

export async function fetchStalePoints(): Promise<StalePoint[]> {
  const { data } = await api.get<{ items: StalePoint[] }>('/api/services/stale');
  return data.items;
}
