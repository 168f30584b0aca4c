import type { PersonalDataHook } from '../../lib/feature';

/**
 * Care data of a person: their own elder profile (if they are the elder), their bindings to elders, and the
 * bookings they made. Erasing keeps every booking (the provider's counts and the month's figures) and the
 * profile's row (visits and bookings point at it) but empties what identifies the person.
 */
export const carePersonalData: PersonalDataHook = {
  async export({ db, privacy }, userId) {
    const profile = await db.selectFrom('elder_profiles').selectAll().where('user_id', '=', userId).executeTakeFirst();
    const bindings = await db
      .selectFrom('elder_bindings')
      .innerJoin('elder_profiles', 'elder_profiles.id', 'elder_bindings.elder_id')
      .select(['elder_profiles.name', 'elder_bindings.relation', 'elder_bindings.status', 'elder_bindings.requested_at', 'elder_bindings.confirmed_at'])
      .where('elder_bindings.user_id', '=', userId)
      .execute();
    const bookings = await db
      .selectFrom('bookings')
      .select(['id', 'elder_id', 'service_point_id', 'kind', 'slot_date', 'slot_start', 'slot_end', 'status', 'meal_mode', 'address', 'note', 'payable_fen', 'created_at'])
      .where('booker_user_id', '=', userId)
      .orderBy('id')
      .execute();
    return {
      elderProfile: profile && {
        name: profile.name,
        idNumber: privacy.decrypt(profile.id_number_encrypted),
        birthDate: profile.birth_date,
        phone: profile.phone_encrypted ? privacy.decrypt(profile.phone_encrypted) : null,
        address: profile.address,
        communityId: profile.community_id,
        livingSituation: profile.living_situation,
        emergencyContacts: JSON.parse(privacy.decrypt(profile.emergency_contacts_encrypted)) as unknown,
        healthNotes: profile.health_notes,
        diet: profile.diet,
        classes: JSON.parse(profile.classes_json) as unknown,
        createdAt: profile.created_at,
      },
      bindings: bindings.map((b) => ({ elder: b.name, relation: b.relation, status: b.status, requestedAt: b.requested_at, confirmedAt: b.confirmed_at })),
      bookings,
    };
  },

  async erase({ db, privacy }, userId) {
    await db.deleteFrom('elder_bindings').where('user_id', '=', userId).execute();
    await db.deleteFrom('booking_requests').where('user_id', '=', userId).execute();
    await db.updateTable('bookings').set({ address: null, note: null }).where('booker_user_id', '=', userId).execute();
    const profile = await db.selectFrom('elder_profiles').select(['id', 'birth_date']).where('user_id', '=', userId).executeTakeFirst();
    if (!profile) return;
    await db.deleteFrom('elder_bindings').where('elder_id', '=', profile.id).execute();
    await db
      .updateTable('elder_profiles')
      .set({
        user_id: null,
        name: '已注销',
        // Unique and not null: a value that can never be anyone's keyed hash.
        id_number_hash: `erased:${profile.id}`,
        id_number_encrypted: privacy.encrypt(''),
        // The year stays for age-band figures; the day does not.
        birth_date: `${profile.birth_date.slice(0, 4)}-01-01`,
        phone_encrypted: null,
        address: '',
        grid: null,
        emergency_contacts_encrypted: privacy.encrypt('[]'),
        health_notes: '',
        diet: '',
      })
      .where('id', '=', profile.id)
      .execute();
    await db.updateTable('bookings').set({ address: null, note: null }).where('elder_id', '=', profile.id).execute();
  },
};
