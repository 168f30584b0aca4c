import type { PersonalDataHook } from '../../lib/feature';

/**
 * A person's reports of wrong point details. Erasing unlinks them and removes the words they wrote; the report
 * itself (kind, point, outcome) stays, as part of the point's history and the 社区's workload.
 */
export const correctionsPersonalData: PersonalDataHook = {
  async export({ db }, userId) {
    const rows = await db
      .selectFrom('corrections')
      .select(['id', 'service_point_id', 'kind', 'text', 'created_at', 'state', 'outcome', 'note', 'handled_at'])
      .where('user_id', '=', userId)
      .orderBy('id')
      .execute();
    return {
      reports: rows.map((r) => ({
        id: r.id,
        servicePointId: r.service_point_id,
        kind: r.kind,
        text: r.text,
        at: r.created_at,
        state: r.state,
        outcome: r.outcome,
        note: r.note,
        handledAt: r.handled_at,
      })),
    };
  },

  async erase({ db }, userId) {
    await db.updateTable('corrections').set({ user_id: null, text: null }).where('user_id', '=', userId).execute();
  },
};
