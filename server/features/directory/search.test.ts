/**
 * Keyword search as residents type it, on the demo data, from where the demo resident stands (the centre of
 * 新市社区): what a place is called in everyday words, several words, full-width characters, 拼音 initials, 拼音 and
 * same-sounding characters; the nearest beyond the 15-minute circle when it has none; the closest categories when
 * nothing matches; and that the term index really narrows the search.
 * Runs on SQLite and, with TEST_DB=postgres, on PostgreSQL.
 */
import type { SearchSuggestions, ServicePointPage } from '@contract/directory';
import servicePointSeed from '../../../seeds/service-points.json';
import { createTestApp, type TestApp } from '../../testing/app';
import { EVERYDAY_QUERIES } from './everyday-queries';
import { reindexAllPoints } from './migrations';

const ORIGIN = servicePointSeed.demoOrigin;
const near = `lat=${ORIGIN.lat}&lng=${ORIGIN.lng}`;

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function search(query: string, extra = `${near}&radius=20000`): Promise<ServicePointPage> {
  const response = await t.app.inject({ method: 'GET', url: `/api/services?${extra}&limit=20&q=${encodeURIComponent(query)}` });
  expect(response.statusCode).toBe(200);
  return response.json();
}


describe('everyday words', () => {
  it('has a table of at least 40 queries', () => expect(EVERYDAY_QUERIES.length).toBeGreaterThanOrEqual(40));

  it.each(EVERYDAY_QUERIES)('%s finds %s (%s)', async (query, expected, where) => {
    const ids = (await search(query)).items.map((item) => item.id);
    if (where === 'first') expect(ids[0]).toBe(expected);
    else expect(ids).toContain(expected);
  });
});

describe('what a keyword matches', () => {
  it('matches category and subcategory names: 养老 finds a 长者食堂, which has no 养老 in its name or services', async () => {
    const ids = (await search('养老')).items.map((i) => i.id);
    expect(ids).toContain('sp-xinshi-elder-canteen');
    // 托育 is only a category name (托育/儿童) for 儿童之家.
    expect((await search('托育')).items.map((i) => i.id)).toContain('sp-220681001-children-home-0017');
  });

  it('narrows with several words (AND) and keeps distance order', async () => {
    const both = await search('新市 药店');
    const pharmacies = await search('药店');
    expect(both.items.length).toBeGreaterThan(0);
    expect(both.items.length).toBeLessThan(pharmacies.items.length);
    const all = new Set(pharmacies.items.map((i) => i.id));
    for (const item of both.items) {
      expect(all.has(item.id)).toBe(true);
      expect(`${item.name}${item.address}`).toContain('新市');
    }
    const distances = both.items.map((i) => i.distanceMeters!);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
  });

  it('treats full-width letters, digits and spaces like half-width ones, and case alike', async () => {
    const half = (await search('科普 e 站')).items.map((i) => i.id);
    expect(half.length).toBeGreaterThan(0);
    expect((await search('科普　Ｅ　站')).items.map((i) => i.id)).toEqual(half);
    expect((await search('新市街２５８号')).items[0].id).toBe('sp-xinshi-elder-canteen');
  });

  it('finds nothing for only punctuation, and everything for only a filler word', async () => {
    expect((await search('%')).items).toEqual([]);
    expect((await search('？！')).items).toEqual([]);
    expect((await search('附近')).items.length).toBe(20);
  });

  it('searches without a location too', async () => {
    const page = await search('药店', 'town=220681002');
    expect(page.items.length).toBeGreaterThan(2);
    for (const item of page.items) expect(item).toMatchObject({ subcategory: 'pharmacy', distanceMeters: null });
    expect(page.beyond).toEqual([]);
  });
});

describe('nothing within 15 minutes', () => {
  it('offers the nearest beyond the circle with their distance', async () => {
    const page = await search('供销社', near); // default radius: 15 minutes on foot
    expect(page.items).toEqual([]);
    expect(page.beyond.length).toBeGreaterThan(0);
    expect(page.beyond.length).toBeLessThanOrEqual(3);
    expect(page.beyond[0].subcategory).toBe('supply-coop');
    const distances = page.beyond.map((i) => i.distanceMeters!);
    expect(distances[0]).toBeGreaterThan(1125);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
  });

  it('offers nothing beyond when the circle has matches, or nothing matches anywhere', async () => {
    expect((await search('药店', near)).beyond).toEqual([]);
    const none = await search('不存在的地方xyz', near);
    expect(none).toMatchObject({ items: [], beyond: [] });
  });
});

describe('when nothing matches: the closest categories, each with its nearest point', () => {
  const suggest = async (query: string, where = near) => {
    const response = await t.app.inject({ method: 'GET', url: `/api/search-suggestions?${where}&q=${encodeURIComponent(query)}` });
    expect(response.statusCode).toBe(200);
    return response.json() as SearchSuggestions;
  };

  it('offers the categories whose everyday words share the most with the query (宠物医院 → the clinics)', async () => {
    expect((await search('宠物医院', near)).items).toEqual([]);
    const answer = await suggest('宠物医院');
    expect(answer.closest).toBe(true);
    expect(answer.items.map((i) => i.id)).toContain('community-health-center');
    const clinic = answer.items.find((i) => i.id === 'community-health-center')!;
    expect(clinic.nearest).toMatchObject({ id: 'sp-220681002-community-health-center-0082', subcategory: 'community-health-center' });
    // Each chip finds what it names.
    for (const item of answer.items) {
      const listed = await t.app.inject({ method: 'GET', url: `/api/services?${near}&radius=20000&category=${item.id}` });
      expect(listed.json().items.length).toBeGreaterThan(0);
    }
  });

  it('offers the basic services of the circle when nothing comes close, never nothing', async () => {
    const answer = await suggest('xyzq');
    expect(answer.closest).toBe(false);
    expect(answer.items.length).toBeGreaterThanOrEqual(4);
    expect(answer.items.every((i) => i.nearest !== null)).toBe(true);
  });

  it('works without a location (no nearest) and names a missing query', async () => {
    const answer = await suggest('修手表', '');
    expect(answer.items[0]).toMatchObject({ id: 'repair', nearest: null });
    const missing = await t.app.inject({ method: 'GET', url: '/api/search-suggestions' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields.q).toMatch(/请填写要找的内容/);
  });
});

describe('the term index', () => {
  it('narrows the search: a point whose terms are gone is no longer found, and a rebuild brings it back', async () => {
    const target = 'sp-xinshi-pharmacy-24h';
    expect((await search('益康大药房')).items.map((i) => i.id)).toContain(target);
    await t.app.db.deleteFrom('service_point_terms').where('point_id', '=', target).execute();
    // Its searchable text still says 益康大药房: only the index can have left it out.
    expect((await search('益康大药房')).items.map((i) => i.id)).not.toContain(target);
    expect((await search('药')).items.map((i) => i.id)).not.toContain(target);
    // In a small circle each point probes its own terms; beyond 2.5 km the index lists the matches: both use it.
    expect((await search('益康大药房', near)).items.map((i) => i.id)).not.toContain(target);
    expect((await search('药', near)).items.map((i) => i.id)).not.toContain(target);
    await reindexAllPoints(t.app.db);
    expect((await search('益康大药房', near)).items.map((i) => i.id)).toContain(target);
    expect((await search('益康大药房')).items.map((i) => i.id)).toContain(target);
    expect((await search('药')).items.map((i) => i.id)).toContain(target);
  });
});
