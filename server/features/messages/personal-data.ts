import type { PersonalDataHook } from '../../lib/feature';

/** A person's 消息 are theirs alone: exported whole, deleted whole (with the WeChat address kept for sending). */
export const messagesPersonalData: PersonalDataHook = {
  async export({ db }, userId) {
    const rows = await db.selectFrom('messages').select(['kind', 'title', 'body', 'link', 'created_at', 'read_at']).where('user_id', '=', userId).orderBy('id').execute();
    return { messages: rows.map((m) => ({ kind: m.kind, title: m.title, body: m.body, link: m.link, at: m.created_at, readAt: m.read_at })) };
  },
  async erase({ db }, userId) {
    await db.deleteFrom('messages').where('user_id', '=', userId).execute();
    await db.deleteFrom('wechat_recipients').where('user_id', '=', userId).execute();
  },
};
