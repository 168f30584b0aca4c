/**
 * Deterministic demo service points (DOMAIN.md §1): a fixed PRNG seed, the towns and
 * communities of seeds/towns.json and seeds/communities.json, and the catalog of what each
 * kind of point looks like. The same inputs always give the same output, so
 * seeds/service-points.json can be regenerated and diffed (scripts/seeds/generate-service-points.ts).
 */
import categoriesConfig from '../../config/domain/categories.json';
import type { ServicePointInput } from '../../contract/service-point-input';
import { distanceMetres, type LatLng } from '../../contract/rules/walking';
import townsFile from '../../seeds/towns.json';
import communitiesFile from '../../seeds/communities.json';
import { accessibilityChoices, catalog, type PlaceWords } from './service-point-catalog';

/** One service point as stored in seeds/service-points.json (the category follows from the subcategory). */
/** The generated points have the shape the server takes in (contract/service-point-input.ts). */
export type SeedServicePoint = ServicePointInput;

interface Town {
  code: string;
  name: string;
  kind: string;
  lat: number;
  lng: number;
}
interface Community {
  id: string;
  townCode: string;
  name: string;
  isDemo: boolean;
  lat: number;
  lng: number;
}

const towns: Town[] = townsFile.towns;
const communities: Community[] = communitiesFile.communities;

/** Where the browser journey stands: the centre of 新市社区 (the resident's community). */
export const DEMO_ORIGIN: LatLng = { lat: 41.811, lng: 126.925 };

/** mulberry32: a tiny, well-distributed 32-bit PRNG; enough for demo data. */
export function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)],
    subset: <T>(list: readonly T[], min: number): T[] => {
      const chosen = list.filter(() => next() < 0.6);
      return chosen.length >= min ? chosen : list.slice(0, min);
    },
  };
}
type Random = ReturnType<typeof createRandom>;

/** Fisher–Yates with the seeded PRNG. */
function shuffle<T>(random: Random, list: readonly T[]): T[] {
  const copy = [...list];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random.next() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

const METRES_PER_DEGREE_LAT = 111_195;

/** A point `metres` away from `centre` at `bearing` radians (flat approximation: fine within a few km). */
function offset(centre: LatLng, metres: number, bearing: number): LatLng {
  const lat = centre.lat + (metres * Math.cos(bearing)) / METRES_PER_DEGREE_LAT;
  const lng = centre.lng + (metres * Math.sin(bearing)) / (METRES_PER_DEGREE_LAT * Math.cos((centre.lat * Math.PI) / 180));
  return { lat: Number(lat.toFixed(6)), lng: Number(lng.toFixed(6)) };
}

/** Most points within 1.5 km of the centre, a few out to 2.5 km (uniform over the disc). */
function scatter(random: Random, centre: LatLng, maxMetres = 1500): LatLng {
  const reach = random.next() < 0.9 ? maxMetres : 2500;
  return offset(centre, reach * Math.sqrt(random.next()), random.next() * 2 * Math.PI);
}

const urbanRoads = ['建国路', '新市街', '沿江路', '临江大街', '兴隆路', '人民路', '滨江路', '光明街', '和平路', '胜利街', '团结路', '站前路', '森工路', '湖滨路', '栗子路', '鸭绿江大街'];
const villages = ['东岗', '西沟', '河口', '大川', '新屯', '北岔', '南坡', '松树', '三道', '红旗', '榆树', '青沟', '杨木', '黄柏', '石人', '葫芦套', '老营', '夹皮沟', '板石', '金山', '太平', '长川', '西岔', '东兴', '前进', '双岔', '苇塘', '梨树', '柳河', '高丽沟', '大阳岔', '龙岗', '新兴', '五道', '马鞍山', '东川'].map((v) => `${v}村`);

const short = (name: string) => name.replace(/(街道|镇|乡|社区|中心社区)$/, '').replace(/中心$/, '');

/** How many points of each subcategory a 街道 / a 镇 or 乡 gets; ones marked perCommunity get that many per community. */
const counts: Record<string, { urban: number; rural: number; perCommunity?: boolean; seatOnly?: boolean }> = {
  'party-center': { urban: 1, rural: 1, perCommunity: true },
  'service-hall': { urban: 1, rural: 1 },
  'agency-service': { urban: 1, rural: 0 },
  'medical-insurance': { urban: 1, rural: 1 },
  'self-service-terminal': { urban: 1, rural: 1 },
  'home-care-station': { urban: 1, rural: 0, perCommunity: true },
  'elder-canteen': { urban: 1, rural: 1, perCommunity: true },
  bathing: { urban: 1, rural: 0 },
  'day-care': { urban: 1, rural: 0 },
  'elder-courtyard': { urban: 0, rural: 2 },
  'infant-care': { urban: 1, rural: 0 },
  'children-home': { urban: 1, rural: 1 },
  'after-school': { urban: 1, rural: 0 },
  'parent-school': { urban: 1, rural: 0 },
  'community-health-center': { urban: 1, rural: 0 },
  'township-health-center': { urban: 0, rural: 1 },
  'village-clinic': { urban: 0, rural: 2 },
  pharmacy: { urban: 2, rural: 1 },
  'employment-station': { urban: 1, rural: 1 },
  'community-school': { urban: 1, rural: 0 },
  'senior-university': { urban: 1, rural: 0, seatOnly: true },
  'science-station': { urban: 1, rural: 1 },
  'culture-center': { urban: 1, rural: 1 },
  'reading-space': { urban: 1, rural: 2 },
  'fitness-square': { urban: 1, rural: 1 },
  'ball-court': { urban: 1, rural: 1 },
  'open-school-grounds': { urban: 1, rural: 0 },
  'legal-advisor': { urban: 1, rural: 1 },
  mediation: { urban: 1, rural: 1 },
  'legal-aid': { urban: 1, rural: 0, seatOnly: true },
  'police-office': { urban: 1, rural: 1, perCommunity: true },
  'emergency-shelter': { urban: 1, rural: 1 },
  'micro-fire-station': { urban: 1, rural: 0 },
  'disability-service': { urban: 1, rural: 0 },
  'social-work-station': { urban: 1, rural: 1 },
  'convenience-store': { urban: 3, rural: 2 },
  supermarket: { urban: 2, rural: 1 },
  'wet-market': { urban: 1, rural: 1 },
  breakfast: { urban: 2, rural: 1 },
  laundry: { urban: 1, rural: 0 },
  'hair-salon': { urban: 2, rural: 1 },
  'photo-print': { urban: 1, rural: 0 },
  housekeeping: { urban: 1, rural: 0 },
  repair: { urban: 1, rural: 1 },
  parcel: { urban: 2, rural: 1 },
  recycling: { urban: 1, rural: 1 },
  property: { urban: 1, rural: 0 },
  post: { urban: 1, rural: 1 },
  bank: { urban: 2, rural: 1 },
  telecom: { urban: 1, rural: 1 },
  gas: { urban: 1, rural: 0, seatOnly: true },
  power: { urban: 1, rural: 1 },
  'supply-coop': { urban: 0, rural: 1 },
};

const SEAT_TOWN = '220681001'; // 建国街道, seat of the city government
const XINSHI_TOWN = '220681002';

/** Hand-placed points the demo and the tests rely on (ids, places and hours stay fixed). */
function anchorPoints(): Array<Omit<SeedServicePoint, 'phone' | 'verifiedAt' | 'accessibility' | 'services' | 'operator' | 'description' | 'address'> & { road: string }> {
  const canteenHours = catalog['elder-canteen'].hours[0];
  return [
    { id: 'sp-xinshi-elder-canteen', name: '新市社区长者食堂', subcategory: 'elder-canteen', townCode: XINSHI_TOWN, communityId: 'xinshi', lat: 41.8118, lng: 126.9262, hours: canteenHours, isDemo: true, road: '新市街' },
    { id: 'sp-yanjiang-elder-canteen', name: '沿江社区长者食堂', subcategory: 'elder-canteen', townCode: XINSHI_TOWN, communityId: 'yanjiang', lat: 41.8122, lng: 126.9318, hours: canteenHours, isDemo: true, road: '沿江路' },
    { id: 'sp-xinghua-elder-canteen', name: '兴华社区老年助餐点', subcategory: 'elder-canteen', townCode: XINSHI_TOWN, communityId: 'xinshi-xinghua', lat: 41.816, lng: 126.9372, hours: catalog['elder-canteen'].hours[1], isDemo: true, road: '光明街' },
    { id: 'sp-xinshi-party-center', name: '新市街道党群服务中心', subcategory: 'party-center', townCode: XINSHI_TOWN, communityId: 'yanjiang', lat: 41.8125, lng: 126.9302, hours: catalog['party-center'].hours[0], isDemo: false, road: '新市街' },
    { id: 'sp-xinshi-service-hall', name: '新市街道便民服务大厅', subcategory: 'service-hall', townCode: XINSHI_TOWN, communityId: 'yanjiang', lat: 41.8128, lng: 126.9297, hours: catalog['service-hall'].hours[0], isDemo: true, road: '新市街' },
    { id: 'sp-xinshi-night-store', name: '江畔便利店（新市街店）', subcategory: 'convenience-store', townCode: XINSHI_TOWN, communityId: 'xinshi', lat: 41.8102, lng: 126.924, hours: catalog['convenience-store'].hours[2], isDemo: true, road: '新市街' },
    { id: 'sp-xinshi-pharmacy-24h', name: '益康大药房（新市店）', subcategory: 'pharmacy', townCode: XINSHI_TOWN, communityId: 'xinshi', lat: 41.8115, lng: 126.927, hours: catalog.pharmacy.hours[0], isDemo: true, road: '新市街' },
  ];
}

/** Random canteens stay this far from the demo origin, so the nearest 长者食堂 there is always the same one. */
const CANTEEN_CLEARANCE_METRES = 700;

export function generateServicePoints(seed = 20261128): SeedServicePoint[] {
  const random = createRandom(seed);
  const points: SeedServicePoint[] = [];
  const usedNames = new Set<string>();
  // A 街道's points lie on its streets; a 镇/乡's in its villages.
  const shuffledVillages = shuffle(random, villages);
  const roadsByTown = new Map(
    towns.map((t, i) => [t.code, t.kind === '街道' ? shuffle(random, urbanRoads).slice(0, 6) : shuffledVillages.slice((i % 7) * 5, (i % 7) * 5 + 5)]),
  );

  const phone = () => `0439-5${String(random.int(200000, 899999))}`;
  const verifiedAt = () => {
    const day = random.int(0, 200); // 2026-05-04 … 2026-11-20
    return new Date(Date.UTC(2026, 4, 4) + day * 86_400_000).toISOString().slice(0, 10);
  };
  const nearestCommunity = (townCode: string, at: LatLng) =>
    communities
      .filter((c) => c.townCode === townCode)
      .reduce((best, c) => (distanceMetres(at, c) < distanceMetres(at, best) ? c : best));
  const words = (town: Town, community: Community, road: string): PlaceWords => ({
    town: town.name,
    townShort: short(town.name),
    community: community.name,
    communityShort: short(community.name),
    road,
    rural: town.kind !== '街道',
  });
  const address = (town: Town, road: string) => `临江市${town.name}${road}${random.int(1, town.kind === '街道' ? 399 : 120)}号`;

  function finish(
    base: Pick<SeedServicePoint, 'id' | 'name' | 'subcategory' | 'townCode' | 'communityId' | 'lat' | 'lng' | 'hours' | 'isDemo'>,
    place: PlaceWords,
    town: Town,
  ): SeedServicePoint {
    const template = catalog[base.subcategory];
    usedNames.add(base.name);
    return {
      ...base,
      address: address(town, place.road),
      phone: phone(),
      services: template.services,
      operator: template.operator(place, base.name),
      accessibility: random.subset(accessibilityChoices[template.accessibility], template.accessibility === 'community' ? 3 : 1),
      description: template.description,
      verifiedAt: verifiedAt(),
    };
  }

  for (const anchor of anchorPoints()) {
    const town = towns.find((t) => t.code === anchor.townCode)!;
    const community = communities.find((c) => c.id === anchor.communityId)!;
    const { road, ...base } = anchor;
    points.push(finish(base, words(town, community, road), town));
  }

  let serial = 0;
  for (const town of towns) {
    const urban = town.kind === '街道';
    const townCommunities = communities.filter((c) => c.townCode === town.code);
    // The town-level 党群服务中心 (the plan counts 13 of them): real, at the town's centre.
    if (town.code !== XINSHI_TOWN) {
      const community = nearestCommunity(town.code, town);
      const place = words(town, community, roadsByTown.get(town.code)![0]);
      points.push(finish({ id: `sp-${town.code}-party-center`, name: `${town.name}党群服务中心`, subcategory: 'party-center', townCode: town.code, communityId: community.id, lat: town.lat, lng: town.lng, hours: catalog['party-center'].hours[0], isDemo: false }, place, town));
    }
    for (const [subcategory, rule] of Object.entries(counts)) {
      if (rule.seatOnly && town.code !== SEAT_TOWN) continue;
      const template = catalog[subcategory];
      const howMany = urban ? rule.urban : rule.rural;
      const slots = rule.perCommunity ? townCommunities.flatMap((c) => Array.from({ length: howMany }, () => c)) : Array.from({ length: howMany }, () => null);
      for (const fixedCommunity of slots) {
        if (town.code === XINSHI_TOWN && subcategory === 'elder-canteen') continue; // the anchors cover 新市
        let at = fixedCommunity ? scatter(random, fixedCommunity, 300) : scatter(random, town);
        while (subcategory === 'elder-canteen' && distanceMetres(at, DEMO_ORIGIN) < CANTEEN_CLEARANCE_METRES) at = scatter(random, town);
        const community = fixedCommunity ?? nearestCommunity(town.code, at);
        const roads = roadsByTown.get(town.code)!;
        let place = words(town, community, random.pick(roads));
        let name = random.pick(template.names(place));
        for (let attempt = 0; usedNames.has(name) && attempt < 8; attempt += 1) {
          place = words(town, community, random.pick(roads));
          name = random.pick(template.names(place));
        }
        for (let n = 2; usedNames.has(name); n += 1) name = `${name.replace(/（\d+）$/, '')}（${n}）`;
        const isRealPartyCenter = subcategory === 'party-center' && !community.isDemo;
        serial += 1;
        points.push(
          finish(
            { id: `sp-${town.code}-${subcategory}-${String(serial).padStart(4, '0')}`, name, subcategory, townCode: town.code, communityId: community.id, lat: at.lat, lng: at.lng, hours: random.pick(template.hours), isDemo: !isRealPartyCenter },
            place,
            town,
          ),
        );
      }
    }
  }
  checkCompleteness(points);
  return points;
}

/** Every subcategory and every town must be present, and the demo origin's nearest 长者食堂 must be the anchor. */
function checkCompleteness(points: SeedServicePoint[]): void {
  const subcategories = new Set(points.map((p) => p.subcategory));
  const missing = categoriesConfig.categories.flatMap((c) => c.subcategories).filter((s) => !subcategories.has(s.id));
  if (missing.length > 0) throw new Error(`no points for: ${missing.map((s) => s.id).join(', ')}`);
  const townsCovered = new Set(points.map((p) => p.townCode));
  if (townsCovered.size !== towns.length) throw new Error('a town has no service points');
  const ids = new Set(points.map((p) => p.id));
  if (ids.size !== points.length) throw new Error('duplicate service point ids');
  const nearestCanteen = points
    .filter((p) => p.subcategory === 'elder-canteen')
    .reduce((best, p) => (distanceMetres(p, DEMO_ORIGIN) < distanceMetres(best, DEMO_ORIGIN) ? p : best));
  if (nearestCanteen.id !== 'sp-xinshi-elder-canteen') throw new Error(`nearest canteen is ${nearestCanteen.id}`);
}

/**
 * `count` points for the benchmark, spread like a much bigger city: half clustered around the
 * towns (σ ≈ 3 km), half over the whole of 临江 — so a 15-minute circle holds tens to hundreds of
 * points, not a growing share of the table.
 */
export function generateBenchPoints(count: number, seed = 7): SeedServicePoint[] {
  const random = createRandom(seed);
  const subcategories = Object.keys(catalog);
  const bounds = { minLat: 41.65, maxLat: 42.1, minLng: 126.6, maxLng: 127.4 };
  const points: SeedServicePoint[] = [];
  for (let i = 0; i < count; i += 1) {
    const town = random.pick(towns);
    const at =
      random.next() < 0.5
        ? offset(town, 3000 * Math.sqrt(-2 * Math.log(1 - random.next())), random.next() * 2 * Math.PI)
        : {
            lat: bounds.minLat + random.next() * (bounds.maxLat - bounds.minLat),
            lng: bounds.minLng + random.next() * (bounds.maxLng - bounds.minLng),
          };
    const subcategory = random.pick(subcategories);
    const template = catalog[subcategory];
    const community = communities.find((c) => c.townCode === town.code)!;
    const place = benchPlaceWords(town, community);
    points.push({
      id: `bench-${i}`,
      name: `${random.pick(template.names(place))}${i}`,
      subcategory,
      townCode: town.code,
      communityId: community.id,
      address: `临江市${town.name}${place.road}${random.int(1, 399)}号`,
      lat: at.lat,
      lng: at.lng,
      phone: `0439-5${String(random.int(200000, 899999))}`,
      hours: random.pick(template.hours),
      services: template.services,
      operator: template.operator(place, ''),
      accessibility: accessibilityChoices[template.accessibility].slice(0, 2),
      description: template.description,
      verifiedAt: '2026-11-01',
      isDemo: true,
    });
  }
  return points;
}

/** Place words for a benchmark point: every one on the same road; the names need not vary. */
function benchPlaceWords(town: Town, community: Community): PlaceWords {
  return { town: town.name, townShort: short(town.name), community: community.name, communityShort: short(community.name), road: urbanRoads[0], rural: town.kind !== '街道' };
}
