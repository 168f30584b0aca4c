/** The worker's volunteer calls (publish, edit, cancel, roster, check-in code, attendance, export); types only from the contract. */
import type {
  ActivityCreate,
  ActivityDetail,
  ActivityPage,
  ActivityUpdate,
  Attendance,
  CheckInCode,
  Roster,
  VolunteerTeam,
} from '@contract/volunteers';
import { api } from '@/lib/api/client';
import { downloadCsv } from '@/lib/downloadCsv';

export async function fetchManagedActivities(community: string | undefined, cursor: string | null): Promise<ActivityPage> {
  const { data } = await api.get<ActivityPage>('/api/activities', { params: { community, cursor: cursor ?? undefined } });
  return data;
}

export async function fetchActivity(id: number): Promise<ActivityDetail> {
  const { data } = await api.get<ActivityDetail>(`/api/activities/${id}`);
  return data;
}

export async function fetchTeams(community: string): Promise<VolunteerTeam[]> {
  const { data } = await api.get<{ items: VolunteerTeam[] }>('/api/volunteer-teams', { params: { community } });
  return data.items;
}

export async function createActivity(body: ActivityCreate): Promise<ActivityDetail> {
  const { data } = await api.post<ActivityDetail>('/api/activities', body);
  return data;
}

export async function updateActivity(id: number, body: ActivityUpdate): Promise<ActivityDetail> {
  const { data } = await api.patch<ActivityDetail>(`/api/activities/${id}`, body);
  return data;
}

export async function cancelActivity(id: number, reason: string): Promise<ActivityDetail> {
  const { data } = await api.post<ActivityDetail>(`/api/activities/${id}/cancel`, { reason });
  return data;
}

export async function fetchRoster(id: number): Promise<Roster> {
  const { data } = await api.get<Roster>(`/api/activities/${id}/signups`);
  return data;
}

export async function fetchCheckInCode(id: number): Promise<CheckInCode> {
  const { data } = await api.get<CheckInCode>(`/api/activities/${id}/checkin-code`);
  return data;
}

export async function markAttendance(id: number, action: 'checkIn' | 'checkOut' | 'confirm', signupId: number): Promise<Attendance> {
  const { data } = await api.post<Attendance>(`/api/activities/${id}/attendance`, { action, signupId });
  return data;
}

/** Confirmed records of a period as CSV (saved on h5, shared to a chat on weapp). */
export async function exportRecords(from: string, to: string): Promise<void> {
  await downloadCsv('/api/volunteers/export', { from, to }, `志愿服务记录-${from}-${to}.csv`);
}
