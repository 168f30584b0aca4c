/**
 * `npm run test:postgres` — the server's test suite again, on PostgreSQL (TEST_DB=postgres): every API test file
 * gets its own fresh database on the server at TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test).
 *
 * Without a reachable PostgreSQL a newcomer's `npm test` still passes on SQLite: this says once, plainly, that the
 * PostgreSQL half was not run and how to run it. In CI (CI=true) an unreachable PostgreSQL fails the run.
 */
import { spawnSync } from 'node:child_process';
import { postgresReachable, testPostgresUrl } from '../../server/testing/databases';

async function main(): Promise<number> {
  const url = testPostgresUrl();
  const shownUrl = url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
  if (!(await postgresReachable(url))) {
    const how = [
      `PostgreSQL is not reachable at ${shownUrl}: the PostgreSQL half of the server tests was NOT run.`,
      'To run it: start PostgreSQL (15 or newer) and run `npm run test:postgres`,',
      'or point TEST_DATABASE_URL at a server where this user may create databases.',
    ].join('\n');
    if (process.env.CI === 'true') {
      console.error(`::: ${how}\n::: CI requires PostgreSQL: failing.`);
      return 1;
    }
    console.warn(`\n!!! ${how}\n`);
    return 0;
  }
  console.log(`::: server tests on PostgreSQL (${shownUrl}, a fresh database per test file)`);
  const jest = spawnSync('npx', ['jest', ...process.argv.slice(2), '--selectProjects', 'server'], {
    stdio: 'inherit',
    env: { ...process.env, TEST_DB: 'postgres', TEST_DATABASE_URL: url },
  });
  return jest.status ?? 1;
}

main().then((code) => process.exit(code));
