import type { MessagePage } from '@contract/messages';
import { sendMessage } from '../../lib/messages';
import { createTestApp, type TestApp } from '../../testing/app';

// A fresh database per file (PostgreSQL: created, migrated and seeded) takes seconds on a busy machine.
jest.setTimeout(30_000);

let t: TestApp;
let resident: { authorization: string };
let volunteer: { authorization: string };
let residentId: number;
let volunteerId: number;

beforeAll(async () => {
  t = await createTestApp();
  resident = await t.signIn('resident');
  volunteer = await t.signIn('volunteer');
  const me = async (headers: { authorization: string }) =>
    (await t.app.inject({ method: 'GET', url: '/api/me', headers })).json().user.id as number;
  residentId = await me(resident);
  volunteerId = await me(volunteer);
  // 25 messages for the resident, one a minute; 2 for the volunteer.
  for (let i = 0; i < 25; i += 1) {
    await sendMessage(t.app.db, {
      userId: residentId,
      kind: 'booking.confirmed',
      title: `消息 ${i}`,
      body: `第 ${i} 条`,
      link: i === 0 ? '/features/care/booking/index?id=1' : null,
      at: new Date(Date.parse('2026-11-26T00:00:00Z') + i * 60_000),
    });
  }
  for (const i of [0, 1]) {
    await sendMessage(t.app.db, { userId: volunteerId, kind: 'activity', title: `志愿 ${i}`, body: '内容', at: new Date('2026-11-26T00:00:00Z') });
  }
});
afterAll(() => t.close());

const list = async (headers: { authorization: string }, query = ''): Promise<MessagePage> => {
  const response = await t.app.inject({ method: 'GET', url: `/api/messages${query}`, headers });
  expect(response.statusCode).toBe(200);
  return response.json();
};
const markRead = (headers: { authorization: string }, payload: unknown) =>
  t.app.inject({ method: 'POST', url: '/api/messages/read', headers, payload: payload as object });

describe('GET /api/messages', () => {
  it('needs a sign-in', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/messages' })).statusCode).toBe(401);
  });

  it('lists only the caller’s messages, newest first, in pages without gaps or repeats', async () => {
    const titles: string[] = [];
    let cursor: string | null = null;
    let first = true;
    do {
      const page: MessagePage = await list(resident, `?limit=10${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      if (first) expect(page.unreadCount).toBe(25);
      first = false;
      titles.push(...page.items.map((m) => m.title));
      cursor = page.nextCursor;
    } while (cursor);
    expect(titles).toEqual(Array.from({ length: 25 }, (_, i) => `消息 ${24 - i}`));
    const volunteerPage = await list(volunteer);
    expect(volunteerPage.items.map((m) => m.title).sort()).toEqual(['志愿 0', '志愿 1']);
    expect(volunteerPage.unreadCount).toBe(2);
  });

  it('gives each message its fields, the link as an app path', async () => {
    const page = await list(resident, '?limit=50');
    expect(page.items.at(-1)).toEqual({
      id: expect.any(Number),
      kind: 'booking.confirmed',
      title: '消息 0',
      body: '第 0 条',
      link: '/features/care/booking/index?id=1',
      createdAt: '2026-11-26T00:00:00.000Z',
      readAt: null,
    });
  });

  it('refuses a bad limit or cursor with the field named', async () => {
    const bad = await t.app.inject({ method: 'GET', url: '/api/messages?limit=0', headers: resident });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.limit).toMatch(/^每页条数：/);
    const cursor = await t.app.inject({ method: 'GET', url: '/api/messages?cursor=nonsense', headers: resident });
    expect(cursor.statusCode).toBe(400);
    expect(cursor.json().error.fields.cursor).toMatch(/^翻页位置：/);
  });
});

describe('POST /api/messages/read', () => {
  it('marks the caller’s messages by id and ignores other users’ ids', async () => {
    const mine = (await list(resident, '?limit=3')).items.map((m) => m.id);
    const theirs = (await list(volunteer)).items.map((m) => m.id);
    const response = await markRead(resident, { ids: [...mine, ...theirs] });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ marked: 3, unreadCount: 22 });
    expect((await list(volunteer)).unreadCount).toBe(2);
    const after = await list(resident, '?limit=3');
    expect(after.items.every((m) => m.readAt === t.clock().toISOString())).toBe(true);
    // Marking again changes nothing.
    expect((await markRead(resident, { ids: mine })).json()).toEqual({ marked: 0, unreadCount: 22 });
  });

  it('marks all of the caller’s messages, and only theirs', async () => {
    expect((await markRead(resident, { all: true })).json()).toEqual({ marked: 22, unreadCount: 0 });
    expect((await list(volunteer)).unreadCount).toBe(2);
  });

  it('refuses a body with neither or both, and needs a sign-in', async () => {
    for (const payload of [{}, { ids: [] }, { all: false }, { ids: [1], all: true }, { ids: ['x'] }]) {
      const response = await markRead(volunteer, payload);
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('VALIDATION_FAILED');
    }
    expect((await t.app.inject({ method: 'POST', url: '/api/messages/read', payload: { all: true } })).statusCode).toBe(401);
  });
});
