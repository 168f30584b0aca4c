/**
 * The foundation's API calls. Types come from contract/ (type-only imports: no zod in the client bundle).
 * Features keep their own calls in their subpackage and use `api` from ./client.
 */
import type { DemoAccount, DemoAccountKey, LoginResult, User } from '@contract/auth';
import type { TownList } from '@contract/places';
import { api } from './client';

export async function fetchDemoAccounts(): Promise<DemoAccount[]> {
  const { data } = await api.get<{ accounts: DemoAccount[] }>('/api/auth/demo-accounts');
  return data.accounts;
}

export async function signInWithDemoAccount(account: DemoAccountKey): Promise<LoginResult> {
  const { data } = await api.post<LoginResult>('/api/auth/demo', { account });
  return data;
}

/** `activationCode`: only at a worker's first sign-in, the code an operator gave them (npm run admin -- create-worker). */
export async function signInWithWechatCode(code: string, activationCode?: string): Promise<LoginResult> {
  const { data } = await api.post<LoginResult>('/api/auth/wechat', activationCode ? { code, activationCode } : { code });
  return data;
}

/** The signed-in user; a 401 here only clears the stale session (browsing needs no sign-in). */
export async function fetchMe(): Promise<User> {
  const { data } = await api.get<{ user: User }>('/api/me', { loginOnUnauthorized: false });
  return data.user;
}

export async function signOutOnServer(): Promise<void> {
  await api.post('/api/auth/logout', undefined, { loginOnUnauthorized: false });
}

export async function recordConsent(version: string, deviceId: string): Promise<void> {
  await api.post('/api/consents', { version, deviceId });
}

export async function fetchTowns(): Promise<TownList['towns']> {
  const { data } = await api.get<TownList>('/api/towns');
  return data.towns;
}
