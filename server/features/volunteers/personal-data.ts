import type { PersonalDataHook } from '../../lib/feature';

/**
 * A person's volunteer registration and sign-ups. Erasing keeps the registration row and every sign-up with
 * its confirmed hours (an activity's roster count and a 社区's hours stay right) but empties who they were.
 */
export const volunteersPersonalData: PersonalDataHook = {
  async export({ db, privacy }, userId) {
    const volunteer = await db.selectFrom('volunteers').selectAll().where('user_id', '=', userId).executeTakeFirst();
    if (!volunteer) return { registration: null, signups: [] };
    const signups = await db
      .selectFrom('activity_signups')
      .innerJoin('activities', 'activities.id', 'activity_signups.activity_id')
      .select(['activities.title', 'activities.starts_at', 'activity_signups.status', 'activity_signups.half_hours', 'activity_signups.confirmed_at'])
      .where('activity_signups.volunteer_id', '=', volunteer.id)
      .orderBy('activity_signups.id')
      .execute();
    return {
      registration: {
        realName: volunteer.real_name,
        idType: volunteer.id_type,
        idNumber: privacy.decrypt(volunteer.id_number_encrypted),
        birthDate: volunteer.birth_date,
        sex: volunteer.sex,
        phone: privacy.decrypt(volunteer.phone_encrypted),
        communityId: volunteer.community_id,
        skills: JSON.parse(volunteer.skills_json) as unknown,
        availability: JSON.parse(volunteer.availability_json) as unknown,
        guardianName: volunteer.guardian_name,
        guardianPhone: volunteer.guardian_phone_encrypted ? privacy.decrypt(volunteer.guardian_phone_encrypted) : null,
        createdAt: volunteer.created_at,
      },
      signups: signups.map((s) => ({
        activity: s.title,
        startsAt: s.starts_at,
        status: s.status,
        hours: s.half_hours === null ? null : s.half_hours / 2,
        confirmedAt: s.confirmed_at,
      })),
    };
  },

  async erase({ db, privacy }, userId) {
    const volunteer = await db.selectFrom('volunteers').select(['id', 'birth_date']).where('user_id', '=', userId).executeTakeFirst();
    if (!volunteer) return;
    await db
      .updateTable('volunteers')
      .set({
        real_name: '已注销',
        // Unique and not null: a value that can never be anyone's keyed hash.
        id_number_hash: `erased:${volunteer.id}`,
        id_number_encrypted: privacy.encrypt(''),
        id_number_masked: '',
        birth_date: `${volunteer.birth_date.slice(0, 4)}-01-01`,
        phone_encrypted: privacy.encrypt(''),
        phone_masked: '',
        national_number: null,
        guardian_name: null,
        guardian_phone_encrypted: null,
        guardian_phone_masked: null,
      })
      .where('id', '=', volunteer.id)
      .execute();
  },
};
