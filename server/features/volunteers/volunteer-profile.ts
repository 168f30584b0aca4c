/** Reading a volunteer: the row of a user, the profile the volunteer sees (masked), and confirmed hours. */
import type { Kysely, Transaction } from 'kysely';
import {
  idTypeLabels,
  namedOptions,
  volunteerAvailability,
  volunteerSkills,
  type IdType,
  type VolunteerProfile,
} from '@contract/volunteers';
import { chinaLocal } from '@contract/rules/calendar';
import { ageBand, ageOn } from '@contract/rules/volunteer-age';
import type { Database } from '../../db/schema';
import type { AuthUser } from '../../lib/auth';
import { forbidden } from '../../lib/errors';

type Db = Kysely<Database> | Transaction<Database>;

export function findVolunteerOfUser(db: Db, userId: number) {
  return db.selectFrom('volunteers').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

export type VolunteerRow = NonNullable<Awaited<ReturnType<typeof findVolunteerOfUser>>>;

/** The signed-in user's volunteer row, or a 403 that says how to become one. */
export async function requireVolunteer(db: Db, user: AuthUser): Promise<VolunteerRow> {
  const volunteer = await findVolunteerOfUser(db, user.id);
  if (!volunteer) throw forbidden('请先登记成为志愿者，再报名活动');
  return volunteer;
}

/** Confirmed hours only (unconfirmed attendance never counts). */
export async function confirmedHours(db: Db, volunteerId: number): Promise<number> {
  const row = await db
    .selectFrom('activity_signups')
    .select((eb) => eb.fn.sum<number>('half_hours').as('halves'))
    .where('volunteer_id', '=', volunteerId)
    .where('confirmed_at', 'is not', null)
    .executeTakeFirst();
  return Number(row?.halves ?? 0) / 2;
}

export function ageToday(birthDate: string, now: Date): number {
  return ageOn(birthDate, chinaLocal(now).date);
}

export async function toProfile(db: Db, row: VolunteerRow, now: Date): Promise<VolunteerProfile> {
  const community = await db.selectFrom('communities').select('name').where('id', '=', row.community_id).executeTakeFirst();
  const age = ageToday(row.birth_date, now);
  return {
    id: row.id,
    realName: row.real_name,
    idType: row.id_type as IdType,
    idTypeLabel: idTypeLabels[row.id_type as IdType],
    maskedIdNumber: row.id_number_masked,
    birthDate: row.birth_date,
    sex: row.sex,
    age,
    accompanied: ageBand(age) === 'accompanied',
    maskedPhone: row.phone_masked,
    communityId: row.community_id,
    communityName: community?.name ?? '',
    skills: namedOptions(volunteerSkills, JSON.parse(row.skills_json) as string[]),
    availability: namedOptions(volunteerAvailability, JSON.parse(row.availability_json) as string[]),
    isPartyMember: row.is_party_member === 1,
    nationalVolunteerNumber: row.national_number,
    guardianName: row.guardian_name,
    maskedGuardianPhone: row.guardian_phone_masked,
    registeredAt: row.created_at,
    totalHours: await confirmedHours(db, row.id),
  };
}
