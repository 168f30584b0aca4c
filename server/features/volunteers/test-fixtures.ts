/** Helpers for this feature's API tests: extra residents with sessions, registration and activities. */
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { ActivityCreate, ActivityDetail, VolunteerRegistration } from '@contract/volunteers';
import type { Database } from '../../db/schema';
import { newSessionToken } from '../../lib/auth';
import { demoIdNumber, insertResidentUser } from './seed';

type Headers = { authorization: string };

/** A new resident signed in (no demo account needed): the `authorization` header to send. */
export async function newResident(db: Kysely<Database>, name: string, now: Date, communityId = 'xinshi'): Promise<Headers> {
  const user = await insertResidentUser(db, name, communityId, now.toISOString());
  const { token, tokenHash } = newSessionToken();
  await db
    .insertInto('sessions')
    .values({
      token_hash: tokenHash,
      user_id: user.id,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + 86_400_000 * 365).toISOString(),
      revoked_at: null,
    })
    .execute();
  return { authorization: `Bearer ${token}` };
}

let sequence = 500;

/** A registration that passes, for an adult born on `birthDate`, with a fresh valid ID number. */
export function registration(overrides: Partial<VolunteerRegistration> = {}, birthDate = '1990-05-20'): VolunteerRegistration {
  sequence += 1;
  return {
    realName: '测试志愿者',
    idType: 'resident',
    idNumber: demoIdNumber(birthDate, sequence),
    phone: '13912345678',
    communityId: 'xinshi',
    skills: ['companionship'],
    availability: ['weekend'],
    ...overrides,
  };
}

/** An activity of 新市社区 well after the seeded ones (so seeded sign-ups never overlap it). */
export function activityBody(overrides: Partial<ActivityCreate> = {}): ActivityCreate {
  return {
    communityId: 'xinshi',
    teamId: 'xinshi-vt',
    title: '测试活动',
    description: '陪老人聊天',
    address: '新市社区党群服务中心',
    startsAt: '2027-02-10T01:00:00.000Z',
    endsAt: '2027-02-10T03:00:00.000Z',
    signupDeadline: '2027-02-09T01:00:00.000Z',
    capacity: 10,
    targetGroup: 'left-behind-elders',
    ...overrides,
  };
}

export async function createActivity(app: FastifyInstance, worker: Headers, overrides: Partial<ActivityCreate> = {}): Promise<ActivityDetail> {
  const response = await app.inject({ method: 'POST', url: '/api/activities', headers: worker, payload: activityBody(overrides) });
  if (response.statusCode !== 201) throw new Error(`create activity: ${response.statusCode} ${response.body}`);
  return response.json();
}

/** A new resident, registered as a volunteer. */
export async function newVolunteer(
  app: FastifyInstance,
  name: string,
  overrides: Partial<VolunteerRegistration> = {},
  birthDate?: string,
): Promise<Headers> {
  const headers = await newResident(app.db, name, app.now());
  const response = await app.inject({ method: 'POST', url: '/api/volunteers', headers, payload: registration({ realName: name, ...overrides }, birthDate) });
  if (response.statusCode !== 201) throw new Error(`register: ${response.statusCode} ${response.body}`);
  return headers;
}
