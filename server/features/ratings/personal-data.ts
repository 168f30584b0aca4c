import type { PersonalDataHook } from '../../lib/feature';

/**
 * A person's ratings and declared visits. Erasing keeps each rating's level, tags and month (the figures of
 * a point and a 社区 must not change) but removes the words they wrote; visit windows go.
 */
export const ratingsPersonalData: PersonalDataHook = {
  async export({ db }, userId) {
    const ratings = await db
      .selectFrom('ratings')
      .select(['id', 'interaction_kind', 'service_point_id', 'level', 'tags_json', 'comment', 'follow_up_level', 'follow_up_comment', 'created_at'])
      .where('user_id', '=', userId)
      .orderBy('id')
      .execute();
    const visits = await db.selectFrom('rating_visits').select(['service_point_id', 'visited_at']).where('user_id', '=', userId).orderBy('id').execute();
    return {
      ratings: ratings.map((r) => ({
        id: r.id,
        interaction: r.interaction_kind,
        servicePointId: r.service_point_id,
        level: r.level,
        tags: JSON.parse(r.tags_json) as unknown,
        comment: r.comment,
        followUpLevel: r.follow_up_level,
        followUpComment: r.follow_up_comment,
        at: r.created_at,
      })),
      visits: visits.map((v) => ({ servicePointId: v.service_point_id, at: v.visited_at })),
    };
  },

  async erase({ db }, userId) {
    await db
      .updateTable('ratings')
      .set({ comment: null, comment_status: 'none', comment_note: null, follow_up_comment: null })
      .where('user_id', '=', userId)
      .execute();
    await db.deleteFrom('rating_visit_windows').where('user_id', '=', userId).execute();
  },
};
