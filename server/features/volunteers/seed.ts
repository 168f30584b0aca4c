/**
 * Demo data: a 志愿服务队 for every 社区 (党员志愿服务队 in 新市 and 沿江), 30 invented volunteers, and the
 * 40 activities of seeds/volunteers.json placed around the seed's now — past ones with confirmed hours,
 * future ones recruiting, full or with a waiting list — and the demo account `volunteer` (李志强)
 * registered with a history of confirmed hours.
 */
import type { Kysely } from 'kysely';
import seedData from '../../../seeds/volunteers.json';
import { volunteerSkills } from '@contract/volunteers';
import { chinaLocal, chinaMidnight, shiftDate } from '@contract/rules/calendar';
import { checkCharacter } from '@contract/rules/id-number';
import { maskIdNumber, maskPhone } from '@contract/rules/mask';
import { overlaps } from '@contract/rules/volunteer-activity';
import { creditedHours } from '@contract/rules/volunteer-hours';
import type { Database } from '../../db/schema';
import type { Privacy } from '../../lib/privacy/crypto';
import type { SeedContext } from '../../lib/feature';
import { newUserRow } from '../../lib/user-row';

const HOUR_MS = 3_600_000;
const PARTY_TEAM_COMMUNITIES = ['xinshi', 'yanjiang'];

/** A valid 居民身份证 number of 临江 (220681) for an invented person. */
export function demoIdNumber(birthDate: string, sequence: number): string {
  const first17 = `220681${birthDate.replace(/-/g, '')}${String(sequence).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
}

/** A plain resident account (no phone, no demo key), as the invented volunteers and tests need. */
export function insertResidentUser(db: Kysely<Database>, displayName: string, communityId: string, createdAt: string) {
  return db
    .insertInto('users')
    .values(newUserRow({
      display_name: displayName,
      community_id: communityId,
      created_at: createdAt,
    }))
    .returning('id')
    .executeTakeFirstOrThrow();
}

interface NewVolunteer {
  userId: number;
  realName: string;
  birthDate: string;
  sequence: number;
  phone: string;
  communityId: string;
  skills: string[];
  isPartyMember: boolean;
  nationalNumber: string | null;
  createdAt: string;
}

async function insertVolunteer(db: Kysely<Database>, privacy: Privacy, v: NewVolunteer): Promise<number> {
  const idNumber = demoIdNumber(v.birthDate, v.sequence);
  const row = await db
    .insertInto('volunteers')
    .values({
      user_id: v.userId,
      real_name: v.realName,
      id_type: 'resident',
      id_number_encrypted: privacy.encrypt(idNumber),
      id_number_hash: privacy.keyedHash(`resident:${idNumber}`),
      id_number_masked: maskIdNumber(idNumber),
      birth_date: v.birthDate,
      sex: v.sequence % 2 === 1 ? 'male' : 'female',
      phone_encrypted: privacy.encrypt(v.phone),
      phone_masked: maskPhone(v.phone),
      community_id: v.communityId,
      skills_json: JSON.stringify(v.skills),
      availability_json: JSON.stringify(['weekend', 'weekday-day']),
      is_party_member: v.isPartyMember ? 1 : 0,
      national_number: v.nationalNumber,
      guardian_name: null,
      guardian_phone_encrypted: null,
      guardian_phone_masked: null,
      guardian_consent_at: null,
      created_at: v.createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.updateTable('users').set({ is_volunteer: 1 }).where('id', '=', v.userId).execute();
  return row.id;
}

export async function seedVolunteers({ db, privacy, now }: SeedContext): Promise<void> {
  const nowIso = now.toISOString();
  const today = chinaLocal(now).date;
  const longAgo = new Date(now.getTime() - 90 * 24 * HOUR_MS).toISOString();

  const communities = await db.selectFrom('communities').select(['id', 'name']).orderBy('sort_order').execute();
  await db
    .insertInto('volunteer_teams')
    .values([
      ...communities.map((c) => ({ id: `${c.id}-vt`, community_id: c.id, name: `${c.name}志愿服务队`, is_party_team: 0 })),
      ...communities
        .filter((c) => PARTY_TEAM_COMMUNITIES.includes(c.id))
        .map((c) => ({ id: `${c.id}-party`, community_id: c.id, name: `${c.name}党员志愿服务队`, is_party_team: 1 })),
    ])
    .execute();

  // The demo account `volunteer`, registered months ago.
  const demo = await db.selectFrom('users').select(['id', 'community_id']).where('demo_key', '=', 'volunteer').executeTakeFirst();
  const demoVolunteerId = demo
    ? await insertVolunteer(db, privacy, {
        userId: demo.id,
        realName: '李志强',
        birthDate: '1985-03-15',
        sequence: 1,
        phone: '13504395678',
        communityId: demo.community_id ?? 'xinshi',
        skills: ['companionship', 'repair', 'driving'],
        isPartyMember: true,
        nationalNumber: '2206810012345',
        createdAt: longAgo,
      })
    : null;

  // Invented volunteers who fill the activities (every skill, so any activity can be filled).
  const fillers: number[] = [];
  for (const [index, name] of seedData.volunteerNames.entries()) {
    const user = await insertResidentUser(db, name, index % 3 === 0 ? 'yanjiang' : 'xinshi', longAgo);
    fillers.push(
      await insertVolunteer(db, privacy, {
        userId: user.id,
        realName: name,
        birthDate: `${1958 + ((index * 7) % 45)}-${String((index % 12) + 1).padStart(2, '0')}-${String((index % 27) + 1).padStart(2, '0')}`,
        sequence: 100 + index,
        phone: `1390439${String(1000 + index).padStart(4, '0')}`,
        communityId: index % 3 === 0 ? 'yanjiang' : 'xinshi',
        skills: volunteerSkills.map((s) => s.id),
        isPartyMember: index % 4 === 0,
        nationalNumber: null,
        createdAt: longAgo,
      }),
    );
  }

  const busy = new Map<number, Array<{ startsAt: string; endsAt: string }>>();
  const isFree = (volunteerId: number, span: { startsAt: string; endsAt: string }) =>
    !(busy.get(volunteerId) ?? []).some((other) => overlaps(other, span));

  for (const entry of seedData.schedule) {
    const template = seedData.activities[entry.template] as (typeof seedData.activities)[number] & { pointId?: string };
    const skills: string[] = template.skills;
    const startsAt = new Date(chinaMidnight(shiftDate(today, entry.day)).getTime() + template.startHour * HOUR_MS);
    const span = {
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + template.hours * HOUR_MS).toISOString(),
    };
    const past = span.endsAt <= nowIso;
    const fill = entry.fill === 'full' ? template.capacity : entry.fill === 'waitlist' ? template.capacity + 2 : Number(entry.fill);
    const people = [
      ...(entry.demoVolunteer && demoVolunteerId ? [demoVolunteerId] : []),
      ...fillers.filter((id) => isFree(id, span)),
    ].slice(0, fill + (entry.demoVolunteer ? 1 : 0));
    const signedUp = people.slice(0, template.capacity);
    const waiting = past ? [] : people.slice(template.capacity);

    const activity = await db
      .insertInto('activities')
      .values({
        community_id: entry.community,
        team_id: `${entry.community}-${entry.team === 'party' ? 'party' : 'vt'}`,
        title: template.title,
        description: template.description,
        notice: template.notice,
        point_id: template.pointId ?? null,
        address: template.pointId ? null : `${communities.find((c) => c.id === entry.community)?.name ?? ''}党群服务中心`,
        lat: null,
        lng: null,
        starts_at: span.startsAt,
        ends_at: span.endsAt,
        signup_deadline: new Date(startsAt.getTime() - 24 * HOUR_MS).toISOString(),
        capacity: template.capacity,
        taken: signedUp.length,
        min_age: skills.includes('driving') || skills.includes('medical') ? 18 : 10,
        skills_json: JSON.stringify(skills),
        safeguards_json: JSON.stringify(template.safeguards),
        target_group: template.targetGroup,
        cancelled_at: null,
        cancel_reason: null,
        created_by: null,
        created_at: longAgo,
        updated_at: longAgo,
        is_demo: 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow();

    const signedAt = new Date(startsAt.getTime() - 5 * 24 * HOUR_MS).toISOString();
    const rows = [...signedUp, ...waiting].map((volunteerId, index) => {
      busy.set(volunteerId, [...(busy.get(volunteerId) ?? []), span]);
      const attended = past && index < template.capacity;
      // Check-in 10 minutes before the start, check-out on time; the latest past activity awaits confirmation.
      const checkedIn = attended ? new Date(startsAt.getTime() - 10 * 60_000).toISOString() : null;
      const checkedOut = attended ? span.endsAt : null;
      const confirmed = attended && entry.day < -3 ? span.endsAt : null;
      return {
        activity_id: activity.id,
        volunteer_id: volunteerId,
        status: index < template.capacity ? ('signed_up' as const) : ('waitlisted' as const),
        accompanied: 0,
        created_at: signedAt,
        updated_at: signedAt,
        checked_in_at: checkedIn,
        checked_out_at: checkedOut,
        half_hours: checkedIn && checkedOut ? creditedHours(span, checkedIn, checkedOut) * 2 : null,
        confirmed_at: confirmed,
        confirmed_by: null,
      };
    });
    if (rows.length > 0) await db.insertInto('activity_signups').values(rows).execute();
  }
}
