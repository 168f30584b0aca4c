import type { CategoryList, Coverage, ServicePointDetail, ServicePointPage, ServicePointSummary } from '@contract/directory';
import { findSubcategory } from '@contract/rules/categories';
import { distanceMetres } from '@contract/rules/walking';
import servicePointSeed from '../../../seeds/service-points.json';
import { createTestApp, type TestApp } from '../../testing/app';

/** The centre of 新市社区, where the demo resident stands. */
const ORIGIN = servicePointSeed.demoOrigin;
const near = `lat=${ORIGIN.lat}&lng=${ORIGIN.lng}`;
/** China local time → ISO instant. */
const local = (time: string) => new Date(`${time}+08:00`).toISOString();

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function list(query: string): Promise<ServicePointPage> {
  const response = await t.app.inject({ method: 'GET', url: `/api/services?${query}` });
  expect(response.statusCode).toBe(200);
  return response.json();
}

async function allPages(query: string, limit: number): Promise<ServicePointSummary[]> {
  const items: ServicePointSummary[] = [];
  let cursor: string | null = null;
  do {
    const page: ServicePointPage = await list(`${query}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(page.items.length).toBeLessThanOrEqual(limit);
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

describe('GET /api/categories', () => {
  it('lists every category with counts that add up to all seeded points', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/categories' });
    const body: CategoryList = response.json();
    expect(body.categories).toHaveLength(15);
    const total = body.categories.reduce((sum, c) => sum + c.count, 0);
    expect(total).toBe(servicePointSeed.points.length);
    for (const category of body.categories) {
      expect(category.count).toBe(category.subcategories.reduce((sum, s) => sum + s.count, 0));
      for (const sub of category.subcategories) expect(sub.count).toBeGreaterThan(0);
    }
    expect(body.categories.find((c) => c.id === 'elderly')?.subcategories.map((s) => s.name)).toContain('长者食堂/助餐点');
  });
});

describe('GET /api/services near a place', () => {
  it('sorts by distance and keeps to the 15-minute circle by default', async () => {
    const page = await list(`${near}&limit=50`);
    expect(page.origin).toEqual({ ...ORIGIN, radius: 1125 });
    const distances = page.items.map((item) => item.distanceMeters!);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    for (const item of page.items) {
      expect(item.distanceMeters).toBeLessThanOrEqual(1125);
      expect(Math.abs(item.distanceMeters! - distanceMetres(ORIGIN, item))).toBeLessThan(1);
      expect(item.walkingMinutes).toBe(Math.max(1, Math.ceil(item.distanceMeters! / 75)));
    }
  });

  it('finds the nearest 长者食堂 first and honours the radius', async () => {
    const inCircle = await list(`${near}&category=elder-canteen`);
    const ids = inCircle.items.map((i) => i.id);
    expect(ids.slice(0, 2)).toEqual(['sp-xinshi-elder-canteen', 'sp-yanjiang-elder-canteen']);
    expect(ids).not.toContain('sp-xinghua-elder-canteen');
    expect(inCircle.items[0]).toMatchObject({ name: '新市社区长者食堂', walkingMinutes: 2, openNow: true, isDemo: true });
    // 兴华社区老年助餐点 is ≈ 1.16 km away: outside 15 minutes, inside 1.5 km.
    const wider = await list(`${near}&category=elder-canteen&radius=1500`);
    expect(wider.items.map((i) => i.id)).toEqual(expect.arrayContaining([...ids, 'sp-xinghua-elder-canteen']));
    const small = await list(`${near}&category=elder-canteen&radius=300`);
    expect(small.items.map((i) => i.id)).toEqual(['sp-xinshi-elder-canteen']);
  });

  it('filters by category (a whole category or one subcategory)', async () => {
    const page = await list(`${near}&category=elderly&radius=3000&limit=50`);
    expect(page.items.length).toBeGreaterThan(3);
    for (const item of page.items) expect(item.category).toBe('elderly');
    expect(new Set(page.items.map((i) => i.subcategory)).size).toBeGreaterThan(1);
  });

  it('matches a keyword in the name, the address or the services', async () => {
    const byName = await list(`${near}&q=${encodeURIComponent('仁和堂')}&radius=5000`);
    expect(byName.items.length).toBeGreaterThan(0);
    for (const item of byName.items) expect(item.name).toContain('仁和堂');
    // "送餐上门" is a service of canteens, not in their names.
    const byService = await list(`q=${encodeURIComponent('送餐上门')}&limit=50`);
    expect(byService.items.length).toBeGreaterThan(3);
    for (const item of byService.items) expect(item.subcategory).toBe('elder-canteen');
    const byAddress = await list(`q=${encodeURIComponent('新市街')}&limit=50`);
    expect(byAddress.items.length).toBeGreaterThan(3);
    for (const item of byAddress.items) expect(`${item.name}${item.address}`).toContain('新市街');
    // LIKE wildcards are taken literally.
    expect((await list(`q=${encodeURIComponent('%')}`)).items).toEqual([]);
  });

  it('filters by town and by community', async () => {
    const town = await list('town=220681104&limit=50');
    expect(town.items.length).toBeGreaterThan(10);
    for (const item of town.items) expect(item).toMatchObject({ townCode: '220681104', townName: '花山镇' });
    const community = await list('community=xinshi&limit=50');
    expect(community.items.length).toBeGreaterThan(3);
    for (const item of community.items) expect(item).toMatchObject({ communityId: 'xinshi', communityName: '新市社区' });
  });
});

describe('paging', () => {
  it('walks a distance-ordered list in small pages without duplicates or gaps', async () => {
    const query = `${near}&radius=2000`;
    const small = await allPages(query, 7);
    const large = await allPages(query, 50);
    expect(small.length).toBeGreaterThan(50);
    expect(small.map((i) => i.id)).toEqual(large.map((i) => i.id));
    expect(new Set(small.map((i) => i.id)).size).toBe(small.length);
    // Exactly the seeded points within 2 km, nearest first (ties by id), computed here by brute force.
    const expected = servicePointSeed.points
      .map((p) => ({ id: p.id, distance: distanceMetres(ORIGIN, p) }))
      .filter((p) => p.distance <= 2000)
      .sort((a, b) => a.distance - b.distance || (a.id < b.id ? -1 : 1))
      .map((p) => p.id);
    expect(small.map((i) => i.id)).toEqual(expected);
  });

  it('walks a name-ordered list the same way', async () => {
    const small = await allPages('category=commerce', 9);
    const large = await allPages('category=commerce', 50);
    expect(small.map((i) => i.id)).toEqual(large.map((i) => i.id));
    const expected = servicePointSeed.points.filter((p) => findSubcategory(p.subcategory)?.categoryId === 'commerce').length;
    expect(expected).toBeGreaterThan(50);
    expect(small).toHaveLength(expected);
    const names = small.map((i) => i.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });
});

describe('open now at a fixed clock', () => {
  const byId = async (id: string) => (await t.app.inject({ method: 'GET', url: `/api/services/${id}` })).json() as ServicePointDetail;

  afterEach(() => t.clock.set('2026-11-26T02:00:00.000Z'));

  it('on a weekday morning the service hall is open until 11:30', async () => {
    t.clock.set(local('2026-11-26T10:00:00'));
    expect(await byId('sp-xinshi-service-hall')).toMatchObject({ openNow: true, closesAt: local('2026-11-26T11:30:00'), nextOpenAt: null });
  });

  it('on Sunday the service hall is closed until Monday, the canteen is open', async () => {
    t.clock.set(local('2026-11-29T10:00:00'));
    expect(await byId('sp-xinshi-service-hall')).toMatchObject({ openNow: false, nextOpenAt: local('2026-11-30T08:30:00') });
    expect(await byId('sp-xinshi-elder-canteen')).toMatchObject({ openNow: true, closesAt: local('2026-11-29T18:30:00') });
  });

  it('on 国庆 (2026-10-01) holiday hours apply', async () => {
    t.clock.set(local('2026-10-01T10:00:00'));
    const hall = await byId('sp-xinshi-service-hall');
    expect(hall).toMatchObject({ openNow: false, nextOpenAt: local('2026-10-08T08:30:00') });
    expect(hall.hours.today).toMatchObject({ date: '2026-10-01', kind: 'holiday', label: '国庆节', text: '休息' });
    expect(await byId('sp-xinshi-elder-canteen')).toMatchObject({ openNow: true });
  });

  it('on the 调休 Saturday 2026-10-10 Monday hours apply', async () => {
    t.clock.set(local('2026-10-10T14:00:00'));
    const hall = await byId('sp-xinshi-service-hall');
    expect(hall).toMatchObject({ openNow: true, closesAt: local('2026-10-10T16:30:00') });
    expect(hall.hours.today).toMatchObject({ kind: 'adjustedWorkday', label: '国庆节调休（上班）', text: '08:30–11:30、13:00–16:30' });
    expect(hall.hours.weekly.find((d) => d.isToday)?.key).toBe('sat');
    // The next Saturday is an ordinary one: Saturday hours, closed at 14:00.
    t.clock.set(local('2026-10-17T14:00:00'));
    expect(await byId('sp-xinshi-service-hall')).toMatchObject({ openNow: false });
  });

  it('at 01:00 a shop open until 02:00 is still open; at 03:00 it is not', async () => {
    t.clock.set(local('2026-11-27T01:00:00'));
    expect(await byId('sp-xinshi-night-store')).toMatchObject({ openNow: true, closesAt: local('2026-11-27T02:00:00') });
    const openAtNight = await list(`${near}&openNow=true&limit=50`);
    expect(openAtNight.items.map((i) => i.id)).toEqual(expect.arrayContaining(['sp-xinshi-night-store', 'sp-xinshi-pharmacy-24h']));
    expect(openAtNight.items.map((i) => i.id)).not.toContain('sp-xinshi-elder-canteen');
    for (const item of openAtNight.items) expect(item.openNow).toBe(true);
    t.clock.set(local('2026-11-27T03:00:00'));
    expect(await byId('sp-xinshi-night-store')).toMatchObject({ openNow: false, nextOpenAt: local('2026-11-27T07:00:00') });
    expect(await byId('sp-xinshi-pharmacy-24h')).toMatchObject({ openNow: true, closesAt: null });
  });

  it('filters open-now also without a location', async () => {
    t.clock.set(local('2026-11-27T03:00:00'));
    const page = await list('openNow=true&limit=50');
    expect(page.items.length).toBeGreaterThan(5);
    for (const item of page.items) expect(item.openNow).toBe(true);
  });
});

describe('GET /api/services/:id', () => {
  it('tells everything about one point', async () => {
    const response = await t.app.inject({ method: 'GET', url: `/api/services/sp-xinshi-elder-canteen?${near}` });
    expect(response.statusCode).toBe(200);
    const detail: ServicePointDetail = response.json();
    expect(detail).toMatchObject({
      id: 'sp-xinshi-elder-canteen',
      name: '新市社区长者食堂',
      category: 'elderly',
      subcategory: 'elder-canteen',
      communityName: '新市社区',
      townName: '新市街道',
      walkingMinutes: 2,
    });
    expect(detail.hours.openAllDay).toBe(false);
    expect(detail.services).toContainEqual({ name: '午餐（两荤两素）', priceCents: 800, unit: '餐', subsidised: true, subsidyCents: 400 });
    expect(detail.accessibility.length).toBeGreaterThan(0);
    expect(detail.hours.weekly.map((d) => d.name)).toEqual(['周一', '周二', '周三', '周四', '周五', '周六', '周日']);
    expect(detail.hours.weekly.filter((d) => d.isToday).map((d) => d.key)).toEqual(['thu']);
    expect(detail.hours.today).toMatchObject({ date: '2026-11-26', kind: 'workday', text: '06:30–18:30' });
    expect(detail.hours.holiday.text).toBe('06:30–18:30');
    expect(detail.verifiedAt).toMatch(/^2026-\d\d-\d\d$/);
    expect(detail.phone).toMatch(/^0439-\d{7}$/);
  });

  it('refuses an id with a control character instead of asking the database (PostgreSQL rejects a NUL)', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/services/sp-xinshi%00' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields.id).toBe('编号：包含无法识别的字符');
  });

  it('answers 404 in Chinese for an unknown id', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/services/sp-nowhere' });
    expect(response.statusCode).toBe(404);
    expect(response.json().error).toMatchObject({ code: 'NOT_FOUND', message: '没有找到这个服务点，它可能已经下线' });
  });
});

describe('GET /api/coverage', () => {
  const groupOf = (coverage: Coverage, id: string) => coverage.groups.find((g) => g.items.some((i) => i.id === id))!;

  it('groups the basic services into 5 / 8 / 15 minutes and beyond', async () => {
    const response = await t.app.inject({ method: 'GET', url: `/api/coverage?${near}` });
    expect(response.statusCode).toBe(200);
    const coverage: Coverage = response.json();
    expect(coverage.groups.map((g) => g.layer)).toEqual([5, 8, 15, null]);
    expect(coverage.groups.map((g) => g.label)).toEqual(['步行 5 分钟内', '步行 6–8 分钟', '步行 9–15 分钟', '15 分钟内没有']);
    const canteen = coverage.groups.flatMap((g) => g.items).find((i) => i.id === 'elder-canteen')!;
    expect(canteen).toMatchObject({ layer: 5, meetsTarget: true, nearest: { id: 'sp-xinshi-elder-canteen', walkingMinutes: 2 } });
    expect(groupOf(coverage, 'elder-canteen').layer).toBe(5);
    for (const group of coverage.groups) {
      for (const item of group.items) {
        const minutes = item.nearest?.walkingMinutes ?? Infinity;
        if (group.layer === null) expect(minutes).toBeGreaterThan(15);
        else expect(minutes).toBeLessThanOrEqual(group.layer);
        expect(item.meetsTarget).toBe(minutes <= item.targetMinutes);
      }
    }
  });

  it('measures from a community centre and reports what is missing far out', async () => {
    const fromCommunity: Coverage = (await t.app.inject({ method: 'GET', url: '/api/coverage?community=xinshi' })).json();
    expect(fromCommunity.origin).toMatchObject({ label: '新市社区', communityId: 'xinshi', lat: ORIGIN.lat, lng: ORIGIN.lng });
    // In the hills north of 闹枝镇 nothing is within 15 minutes, but the nearest points are still named.
    const remote: Coverage = (await t.app.inject({ method: 'GET', url: '/api/coverage?lat=42.06&lng=126.86' })).json();
    const beyond = remote.groups.find((g) => g.layer === null)!;
    expect(beyond.items.length).toBe(remote.groups.reduce((n, g) => n + g.items.length, 0));
    expect(beyond.items.find((i) => i.id === 'party-center')?.nearest?.walkingMinutes).toBeGreaterThan(15);
  });
});

describe('bad input is a 400 that names the field', () => {
  it.each([
    ['lat=999&lng=126.9', 'lat', '纬度'],
    ['lat=41.8&lng=-500', 'lng', '经度'],
    ['lat=41.8', 'lng', '经度'],
    ['lat=abc&lng=126.9', 'lat', '纬度'],
    // Number('0x10') is 16 and Number(' ') is 0: neither is a latitude someone typed.
    ['lat=0x10&lng=126.9', 'lat', '纬度'],
    ['lat=%20&lng=126.9', 'lat', '纬度'],
    ['category=spaceship', 'category', '服务类别'],
    [`${near}&radius=0`, 'radius', '范围'],
    [`${near}&radius=99999`, 'radius', '范围'],
    ['radius=500', 'radius', '范围'],
    ['limit=-1', 'limit', '每页条数'],
    ['limit=0', 'limit', '每页条数'],
    ['limit=51', 'limit', '每页条数'],
    ['limit=2.5', 'limit', '每页条数'],
    ['cursor=not-a-cursor', 'cursor', '翻页位置'],
    // A NUL cut the LIKE pattern short in SQLite (everything matched); PostgreSQL refuses it outright.
    ['q=%00', 'q', '搜索词'],
    [`q=${encodeURIComponent('食堂\u0007')}`, 'q', '搜索词'],
    ['town=999999999', 'town', '乡镇'],
    ['community=nowhere', 'community', '社区'],
    ['openNow=maybe', 'openNow', '营业'],
    // A parameter given twice arrives as a list: say that, not "not a number".
    ['lat=41.8&lat=41.9&lng=126.9', 'lat', '纬度：只能填写一个'],
    ['q=a&q=b', 'q', '搜索词：只能填写一个'],
    ['openNow=true&openNow=false', 'openNow', '只看营业中：只能填写一个'],
  ])('/api/services?%s → %s', async (query, field, label) => {
    const response = await t.app.inject({ method: 'GET', url: `/api/services?${query}` });
    expect(response.statusCode).toBe(400);
    const { error } = response.json();
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.fields[field]).toContain(label);
  });

  it('refuses a cursor of the other kind of list', async () => {
    const page = await list(`${near}&limit=2`);
    const response = await t.app.inject({ method: 'GET', url: `/api/services?limit=2&cursor=${page.nextCursor}` });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields.cursor).toContain('翻页位置');
  });

  it.each([
    ['', 'lat'],
    ['lat=95&lng=126.9', 'lat'],
    ['community=nowhere', 'community'],
  ])('/api/coverage?%s → %s', async (query, field) => {
    const response = await t.app.inject({ method: 'GET', url: `/api/coverage?${query}` });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toHaveProperty(field);
  });
});

describe('start-up', () => {
  it('does not load the 700 KB seed file: only a new database is seeded from it', async () => {
    await jest.isolateModulesAsync(async () => {
      jest.doMock('../../../seeds/service-points.json', () => {
        throw new Error('seeds/service-points.json was loaded with the feature');
      });
      await expect(import('./feature')).resolves.toHaveProperty('directoryFeature');
    });
  });
});
