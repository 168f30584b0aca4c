/**
 * Edits at the same moment through real server processes on one database (2 on PostgreSQL, 1 on SQLite): of
 * two PATCHes made from the same version exactly one is saved, the other is told who changed what; every
 * process then answers the saved one.
 */
import { testDatabaseKind } from '../../testing/databases';
import { DEFAULT_TEST_TIME } from '../../testing/app';
import { startTestServers, type TestServers } from '../../testing/servers';

jest.setTimeout(180_000);

const POINT = 'sp-xinshi-elder-canteen';

describe(`concurrent point edits on ${testDatabaseKind()}`, () => {
  let servers: TestServers;

  beforeAll(async () => {
    servers = await startTestServers({ clockStart: DEFAULT_TEST_TIME });
  });
  afterAll(() => servers.close());

  it('saves exactly one of two edits from the same version', async () => {
    const worker = { ...(await servers.signIn('worker')), 'content-type': 'application/json' };
    const provider = { ...(await servers.signIn('provider', servers.urls.at(-1))), 'content-type': 'application/json' };
    const [first, last] = [servers.urls[0], servers.urls.at(-1)!];
    const { version } = (await (await fetch(`${first}/api/services/${POINT}/editable`, { headers: worker })).json()).point;
    for (let round = 0; round < 5; round += 1) {
      const current = version + round;
      const answers = await Promise.all([
        fetch(`${first}/api/services/${POINT}`, { method: 'PATCH', headers: worker, body: JSON.stringify({ version: current, phone: `0439-100000${round}` }) }),
        fetch(`${last}/api/services/${POINT}`, { method: 'PATCH', headers: provider, body: JSON.stringify({ version: current, description: `第 ${round} 次` }) }),
      ]);
      const codes = answers.map((a) => a.status).sort();
      expect({ round, codes, output: codes[0] === 200 && codes[1] === 409 ? '' : servers.output() }).toEqual({ round, codes: [200, 409], output: '' });
      const conflict = await answers.find((a) => a.status === 409)!.json();
      expect(conflict.current.version).toBe(current + 1);
      expect(conflict.changed.length).toBeGreaterThan(0);
    }
    const row = await servers.db.selectFrom('service_points').select('version').where('id', '=', POINT).executeTakeFirstOrThrow();
    expect(row.version).toBe(version + 5);
    // Every process sees the last saved version.
    for (const url of servers.urls) {
      expect((await (await fetch(`${url}/api/services/${POINT}`)).json()).version).toBe(version + 5);
    }
  });

  it('handles a report once when two workers act together', async () => {
    const worker = { ...(await servers.signIn('worker')), 'content-type': 'application/json' };
    const street = { ...(await servers.signIn('street', servers.urls.at(-1))), 'content-type': 'application/json' };
    const resident = { ...(await servers.signIn('resident')), 'content-type': 'application/json' };
    const made = await fetch(`${servers.urls[0]}/api/services/${POINT}/corrections`, { method: 'POST', headers: resident, body: JSON.stringify({ kind: 'phone' }) });
    const { correction } = await made.json();
    const answers = await Promise.all([
      fetch(`${servers.urls[0]}/api/corrections/${correction.id}/actions`, { method: 'POST', headers: worker, body: JSON.stringify({ outcome: 'confirmed' }) }),
      fetch(`${servers.urls.at(-1)}/api/corrections/${correction.id}/actions`, { method: 'POST', headers: street, body: JSON.stringify({ outcome: 'corrected' }) }),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const messages = await servers.db.selectFrom('messages').select('kind').where('kind', 'like', 'correction.%').execute();
    expect(messages).toHaveLength(1);
  });
});
