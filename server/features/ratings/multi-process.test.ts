/**
 * 好差评 under real concurrency: several server processes on one database (2 on PostgreSQL; SQLite has one
 * process), every request of a burst fired at once and spread over the processes.
 */
import { testDatabaseKind } from '../../testing/databases';
import { startTestServers, type TestServers } from '../../testing/servers';

jest.setTimeout(120_000);

const POINT = 'sp-220681002-repair-0115';

let servers: TestServers;
beforeAll(async () => {
  servers = await startTestServers({ clockStart: '2026-11-26T02:00:00.000Z' });
});
afterAll(() => servers.close());

function atOnce(n: number, path: string, headers: { authorization: string }, body: unknown): Promise<Response[]> {
  return Promise.all(
    Array.from({ length: n }, (_, i) =>
      fetch(`${servers.urls[i % servers.urls.length]}${path}`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
    ),
  );
}
const statuses = (responses: Response[]) => responses.map((r) => r.status).sort();

describe(`好差评 on several processes over one ${testDatabaseKind()} database`, () => {
  it('makes one visit of 20 declarations at once, one rating and one work order of 20 ratings of it at once, and each step once', async () => {
    const resident = await servers.signIn('volunteer');
    const visits = await atOnce(20, `/api/services/${POINT}/visits`, resident, {});
    expect(statuses(visits)).toEqual([201, ...Array(19).fill(409)]);
    const visitRows = await servers.db.selectFrom('rating_visits').select('id').where('service_point_id', '=', POINT).execute();
    expect(visitRows).toHaveLength(1);

    const body = { interaction: { kind: 'visit', id: visitRows[0].id }, level: 1, tags: ['态度差'], comment: '没人理' };
    const ratings = await atOnce(20, '/api/ratings', resident, body);
    expect(statuses(ratings)).toEqual([201, ...Array(19).fill(409)]);
    const refused = ratings.find((r) => r.status === 409)!;
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/一次服务只能评价一次/);
    const rows = await servers.db.selectFrom('ratings').select('id').where('service_point_id', '=', POINT).execute();
    expect(rows).toHaveLength(1);
    const orders = await servers.db.selectFrom('rating_work_orders').select('id').where('rating_id', '=', rows[0].id).execute();
    expect(orders).toHaveLength(1);

    const worker = await servers.signIn('worker');
    const takes = await atOnce(10, `/api/work-orders/${orders[0].id}/actions`, worker, { action: 'take' });
    expect(statuses(takes)).toEqual(Array(10).fill(200));
    const callbacks = await atOnce(10, `/api/work-orders/${orders[0].id}/actions`, worker, { action: 'callback', note: '已电话联系' });
    expect(statuses(callbacks)).toEqual([200, ...Array(9).fill(409)]);
    const events = await servers.db
      .selectFrom('rating_work_order_events')
      .select('kind')
      .where('work_order_id', '=', orders[0].id)
      .orderBy('id')
      .execute();
    expect(events.map((e) => e.kind)).toEqual(['opened', 'taken', 'callback']);
    const messages = await servers.db.selectFrom('messages').select('kind').where('kind', 'like', 'rating.%').execute();
    expect(messages.map((m) => m.kind).sort()).toEqual(['rating.callback', 'rating.opened']);
  });
});
