/** The worker's volunteer calls (publish, edit, cancel, roster, check-in code, attendance, export); types only from the contract. */
import Taro from '@tarojs/taro';
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
import { api, apiBaseUrl } from '@/lib/api/client';
import { useSession } from '@/lib/stores/session';

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

/**
 * Confirmed records of a period as CSV. The browser saves the file; on weapp it is downloaded and shared.
 */
export async function exportRecords(from: string, to: string): Promise<void> {
  if (process.env.TARO_ENV === 'h5') {
    const { data } = await api.get<Blob>('/api/volunteers/export', { params: { from, to }, responseType: 'blob' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(data);
    link.download = `志愿服务记录-${from}-${to}.csv`;
    link.click();
    URL.revokeObjectURL(link.href);
    return;
  }
  const token = useSession.getState().token;
  const { tempFilePath, statusCode } = await Taro.downloadFile({
    url: `${apiBaseUrl()}/api/volunteers/export?from=${from}&to=${to}`,
    header: token ? { Authorization: `Bearer ${token}` } : {},
  });
  if (statusCode !== 200) throw new Error('导出失败，请检查日期后重试');
  // WeChat opens no CSV itself: the worker sends the file to a chat (文件传输助手) and opens it on a computer.
  await Taro.shareFileMessage({ filePath: tempFilePath, fileName: `志愿服务记录-${from}-${to}.csv` });
}
