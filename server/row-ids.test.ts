import { MAX_ROW_ID } from '../contract/row-id';
import { createTestApp, type TestApp } from './testing/app';

// Ids are PostgreSQL `integer` columns: an id past their range is bad input, refused by the schema in words on
// both databases — never sent to the database (where PostgreSQL would fail the cast).
describe('row ids in paths and bodies', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it.each([
    ['GET', '/api/bookings/%s', 'worker'],
    ['GET', '/api/elders/%s', 'worker'],
    ['GET', '/api/activities/%s', 'resident'],
    ['GET', '/api/work-orders/%s', 'worker'],
  ] as const)('%s %s: the largest id is looked up (404), one past it is refused (400)', async (method, path, account) => {
    const headers = await t.signIn(account);
    const largest = await t.app.inject({ method, url: path.replace('%s', String(MAX_ROW_ID)), headers });
    expect(largest.statusCode).toBe(404);
    const past = await t.app.inject({ method, url: path.replace('%s', String(MAX_ROW_ID + 1)), headers });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('refuses an id past the range in a body, naming the field', async () => {
    const headers = await t.signIn('resident');
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/messages/read',
      headers,
      payload: { ids: [MAX_ROW_ID + 1] },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual({ 'ids.0': '消息：无效的编号' });
  });
});
