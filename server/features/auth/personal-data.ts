import type { PersonalDataHook } from '../../lib/feature';

/** The account itself: who they are, their sessions and consents. Erased last (everything else points at it). */
export const authPersonalData: PersonalDataHook = {
  async export({ db, privacy }, userId) {
    const user = await db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirstOrThrow();
    const sessions = await db.selectFrom('sessions').select(['created_at', 'expires_at', 'revoked_at']).where('user_id', '=', userId).orderBy('id').execute();
    const consents = await db.selectFrom('consents').select(['version', 'created_at', 'withdrawn']).where('user_id', '=', userId).orderBy('id').execute();
    return {
      account: {
        id: user.id,
        displayName: user.display_name,
        phone: user.phone_encrypted ? privacy.decrypt(user.phone_encrypted) : null,
        role: user.role,
        communityId: user.community_id,
        isVolunteer: user.is_volunteer === 1,
        signsInWithWechat: user.wechat_openid_hash !== null,
        consentVersion: user.consent_version,
        consentAt: user.consent_at,
        createdAt: user.created_at,
      },
      sessions: sessions.map((s) => ({ createdAt: s.created_at, expiresAt: s.expires_at, signedOutAt: s.revoked_at })),
      consents: consents.map((c) => ({ version: c.version, at: c.created_at, withdrawn: c.withdrawn === 1 })),
    };
  },

  /**
   * The users row stays (bookings, ratings and hours point at it by id) but holds nothing about the person:
   * no name, phone, WeChat identity, community or demo key; their sessions are deleted and their consent
   * records no longer name them.
   */
  async erase({ db, now }, userId) {
    await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
    await db.updateTable('consents').set({ user_id: null }).where('user_id', '=', userId).execute();
    await db
      .updateTable('users')
      .set({
        display_name: '已注销用户',
        phone_encrypted: null,
        phone_hash: null,
        community_id: null,
        is_volunteer: 0,
        demo_key: null,
        wechat_openid_hash: null,
        consent_version: null,
        consent_at: null,
        activation_code_hash: null,
        activation_expires_at: null,
        deleted_at: now.toISOString(),
      })
      .where('id', '=', userId)
      .execute();
  },
};
