/** Volunteer API calls; types only from the contract (its schemas would bring zod into the bundle). */
import type {
  ActivityDetail,
  ActivityListParams,
  ActivityPage,
  Attendance,
  Certificate,
  MyVolunteer,
  RecordPage,
  SignupResult,
  VolunteerProfile,
  VolunteerRegistration,
} from '@contract/volunteers';
import { api } from '@/lib/api/client';

export async function fetchActivities(params: ActivityListParams): Promise<ActivityPage> {
  const { data } = await api.get<ActivityPage>('/api/activities', { params });
  return data;
}

export async function fetchActivity(id: number): Promise<ActivityDetail> {
  const { data } = await api.get<ActivityDetail>(`/api/activities/${id}`, { loginOnUnauthorized: false });
  return data;
}

export async function fetchMyVolunteer(): Promise<MyVolunteer> {
  const { data } = await api.get<MyVolunteer>('/api/volunteers/me');
  return data;
}

export async function register(body: VolunteerRegistration): Promise<VolunteerProfile> {
  const { data } = await api.post<VolunteerProfile>('/api/volunteers', body);
  return data;
}

export async function signUp(id: number, waitlist: boolean): Promise<SignupResult> {
  const { data } = await api.post<SignupResult>(`/api/activities/${id}/signups`, { waitlist });
  return data;
}

export async function cancelSignup(id: number): Promise<{ message: string }> {
  const { data } = await api.delete<{ message: string }>(`/api/activities/${id}/signups/me`);
  return data;
}

export async function checkInOrOut(id: number, action: 'checkIn' | 'checkOut', checkInCode: string): Promise<Attendance> {
  const { data } = await api.post<Attendance>(`/api/activities/${id}/attendance`, { action, checkInCode });
  return data;
}

export async function fetchRecords(): Promise<RecordPage> {
  const { data } = await api.get<RecordPage>('/api/volunteers/me/records');
  return data;
}

export async function fetchCertificate(signupId: number): Promise<Certificate> {
  const { data } = await api.get<Certificate>(`/api/volunteers/me/records/${signupId}/certificate`);
  return data;
}
