/**
 * GET /api/services answers, byte for byte, for a fixed set of positions, filters, cursors and instants. The
 * expected bodies in pinned-answers.json were written by the code before the list moved into memory (issue 12),
 * so any change of order, field, number format or open-now state shows up here. The same file holds on SQLite
 * and PostgreSQL.
 *
 * Rewrite the file only when an answer is meant to change:
 *   PIN_DIRECTORY_ANSWERS=write npx jest server/features/directory/pinned-answers --selectProjects server
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import servicePointSeed from '../../../seeds/service-points.json';
import { createTestApp, type TestApp } from '../../testing/app';

const FIXTURE = join(__dirname, 'pinned-answers.json');
const writing = process.env.PIN_DIRECTORY_ANSWERS === 'write';

/** China local time → ISO instant. */
const local = (time: string) => new Date(`${time}+08:00`).toISOString();
const { lat, lng } = servicePointSeed.demoOrigin;
const near = `lat=${lat}&lng=${lng}`;
const word = (text: string) => encodeURIComponent(text);

interface Case {
  name: string;
  /** The app clock for this request (China local time). */
  at: string;
  query: string;
  /** Append the nextCursor of the previous case's answer. */
  afterPrevious?: true;
}

const cases: Case[] = [
  { name: 'near the demo resident, Thursday morning', at: '2026-11-26T10:00:00', query: near },
  { name: 'same place on a Sunday', at: '2026-11-29T10:00:00', query: near },
  { name: 'same place on 国庆 (holiday hours)', at: '2026-10-01T10:00:00', query: near },
  { name: 'same place on the 调休 Saturday, 长者食堂 only', at: '2026-10-10T14:00:00', query: `${near}&category=elder-canteen&radius=3000` },
  { name: 'open now at 01:00', at: '2026-11-27T01:00:00', query: `${near}&openNow=true&limit=50` },
  { name: 'a whole category in 3 km', at: '2026-11-26T18:29:30', query: `${near}&category=elderly&radius=3000&limit=50` },
  { name: 'small pages: first', at: '2026-11-26T10:00:00', query: `${near}&radius=2000&limit=7` },
  { name: 'small pages: second', at: '2026-11-26T10:00:00', query: `${near}&radius=2000&limit=7`, afterPrevious: true },
  { name: 'small pages: third', at: '2026-11-26T10:00:00', query: `${near}&radius=2000&limit=7`, afterPrevious: true },
  { name: 'a keyword near', at: '2026-11-26T10:00:00', query: `${near}&q=${word('药店')}` },
  { name: 'a name in 5 km', at: '2026-11-26T21:00:00', query: `${near}&q=${word('仁和堂')}&radius=5000` },
  { name: '花山镇 in 2 km at 03:00', at: '2026-11-27T03:00:00', query: 'lat=41.885&lng=126.992&radius=2000&limit=50' },
  { name: 'between towns, a small circle', at: '2026-11-28T12:00:00', query: 'lat=41.80512&lng=126.9101&radius=400' },
  { name: 'hills: nothing within 15 minutes, the nearest pharmacies beyond', at: '2026-11-26T10:00:00', query: `lat=42.06&lng=126.86&category=pharmacy` },
  { name: 'hills: a keyword beyond', at: '2026-11-26T10:00:00', query: `lat=42.06&lng=126.86&q=${word('长者食堂')}` },
  { name: 'by name: commerce, first page', at: '2026-11-26T10:00:00', query: 'category=commerce&limit=9' },
  { name: 'by name: commerce, second page', at: '2026-11-26T10:00:00', query: 'category=commerce&limit=9', afterPrevious: true },
  { name: 'by name: a service word', at: '2026-11-26T10:00:00', query: `q=${word('送餐上门')}&limit=50` },
  { name: 'a town, open on Sunday', at: '2026-11-29T10:00:00', query: 'town=220681104&openNow=true&limit=50' },
  { name: 'a community near, with a town filter', at: '2026-11-26T07:59:00', query: `${near}&community=xinshi&town=220681002&radius=1500` },
];

interface Pinned {
  name: string;
  url: string;
  at: string;
  body: unknown;
}

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** Asks every case in order (cursors come from the previous answer) and returns url, instant and raw body. */
async function answers(): Promise<Array<{ name: string; url: string; at: string; body: string }>> {
  const results: Array<{ name: string; url: string; at: string; body: string }> = [];
  for (const c of cases) {
    let url = `/api/services?${c.query}`;
    if (c.afterPrevious) {
      const cursor = (JSON.parse(results[results.length - 1].body) as { nextCursor: string | null }).nextCursor;
      if (!cursor) throw new Error(`${c.name}: the previous answer has no next page`);
      url += `&cursor=${encodeURIComponent(cursor)}`;
    }
    t.clock.set(local(c.at));
    const response = await t.app.inject({ method: 'GET', url });
    if (response.statusCode !== 200) throw new Error(`${c.name}: ${response.statusCode} ${response.body}`);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    results.push({ name: c.name, url, at: local(c.at), body: response.body });
  }
  return results;
}

(writing ? it : it.skip)('writes pinned-answers.json from the current code', async () => {
  const pinned: Pinned[] = (await answers()).map((a) => ({ ...a, body: JSON.parse(a.body) }));
  writeFileSync(FIXTURE, `${JSON.stringify(pinned, null, 1)}\n`);
});

(writing ? it.skip : it)('answers the 20 pinned requests byte for byte', async () => {
  const pinned = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Pinned[];
  expect(pinned.map((p) => p.name)).toEqual(cases.map((c) => c.name));
  const got = await answers();
  got.forEach((answer, i) => {
    expect({ name: answer.name, url: answer.url, at: answer.at }).toEqual({ name: pinned[i].name, url: pinned[i].url, at: pinned[i].at });
    // Parsed first for a readable difference, then the exact bytes (JSON.stringify of the parsed fixture is the
    // server's own serialization: no spaces, the same number and escape forms).
    expect(JSON.parse(answer.body)).toEqual(pinned[i].body);
    expect(answer.body).toBe(JSON.stringify(pinned[i].body));
  });
  // Not a trivial set: full pages, short ones, empty circles with points beyond, and several pages.
  const bodies = got.map((a) => JSON.parse(a.body) as { items: unknown[]; beyond: unknown[]; nextCursor: string | null });
  expect(bodies.filter((b) => b.items.length === 20).length).toBeGreaterThanOrEqual(3);
  expect(bodies.filter((b) => b.items.length === 0 && b.beyond.length > 0).length).toBeGreaterThanOrEqual(2);
  expect(bodies.filter((b) => b.nextCursor !== null).length).toBeGreaterThanOrEqual(4);
});
