import type { Kysely } from 'kysely';
import { findSubcategory } from '@contract/rules/categories';
import { weekdayKeys, type TimeInterval } from '@contract/rules/opening-hours';
import { servicePointInputSchema, type OfferedServiceInput, type ServicePointInput } from '@contract/service-point-input';
import type { Database } from '../db/schema';
import { insertServicePoints } from '../features/directory/seed';
import { parseCsv } from './csv';

/** The columns of a service-point CSV, in this order, with a header row (docs/operations.md describes each). */
export const POINT_COLUMNS = [
  'id', 'name', 'subcategory', 'town_code', 'community_id', 'address', 'lat', 'lng', 'phone',
  'hours_workday', 'hours_weekend', 'hours_holiday', 'services', 'operator', 'accessibility', 'description', 'verified_at',
] as const;

export interface RowError {
  /** Line in the file (the header is line 1). */
  line: number;
  message: string;
}

/** "08:00-11:30,13:30-17:00" → intervals; "" or 休息 → closed. */
function hoursOf(text: string): TimeInterval[] | string {
  const value = text.trim();
  if (value === '' || value === '休息') return [];
  const intervals: TimeInterval[] = [];
  for (const part of value.split(/[,，]/)) {
    const match = /^\s*(\d{2}:\d{2})\s*[-–~]\s*(\d{2}:\d{2})\s*$/.exec(part);
    if (!match) return `营业时间“${part}”请按 08:00-17:00 的格式填写，多段用逗号隔开`;
    intervals.push({ open: match[1], close: match[2] });
  }
  return intervals;
}

/** "午餐:800:餐:400|送餐上门:200:次" (name:price in fen:unit[:subsidy in fen]) → services. */
function servicesOf(text: string): OfferedServiceInput[] | string {
  if (text.trim() === '') return [];
  const services: OfferedServiceInput[] = [];
  for (const part of text.split('|')) {
    const [name, price, unit, subsidy] = part.split(':').map((s) => s.trim());
    if (!name || !/^\d+$/.test(price ?? '') || !unit || (subsidy !== undefined && !/^\d+$/.test(subsidy))) {
      return `服务“${part}”请按 名称:价格（分）:单位[:补贴（分）] 填写，如 午餐:800:餐:400`;
    }
    services.push({ name, priceCents: Number(price), unit, subsidised: subsidy !== undefined, subsidyCents: subsidy === undefined ? null : Number(subsidy) });
  }
  return services;
}

/** One CSV row as a point, or what is wrong with it. */
function pointOf(cells: Record<(typeof POINT_COLUMNS)[number], string>): ServicePointInput | string[] {
  const problems: string[] = [];
  const hours = (['hours_workday', 'hours_weekend', 'hours_holiday'] as const).map((column) => hoursOf(cells[column]));
  const services = servicesOf(cells.services);
  for (const value of [...hours, services]) if (typeof value === 'string') problems.push(value);
  if (problems.length > 0) return problems;
  const [workday, weekend, holiday] = hours as TimeInterval[][];
  const candidate = {
    id: cells.id.trim(),
    name: cells.name,
    subcategory: cells.subcategory.trim(),
    townCode: cells.town_code.trim(),
    communityId: cells.community_id.trim() || null,
    address: cells.address,
    lat: Number(cells.lat),
    lng: Number(cells.lng),
    phone: cells.phone.trim(),
    hours: { weekly: Object.fromEntries(weekdayKeys.map((key) => [key, key === 'sat' || key === 'sun' ? weekend : workday])), holiday },
    services,
    operator: cells.operator,
    accessibility: cells.accessibility.split('|').map((s) => s.trim()).filter(Boolean),
    description: cells.description,
    verifiedAt: cells.verified_at.trim(),
    isDemo: false,
  };
  const parsed = servicePointInputSchema.safeParse(candidate);
  if (!parsed.success) return parsed.error.issues.map((issue) => `${issue.path.join('.') || '行'}：${issue.message}`);
  if (!findSubcategory(parsed.data.subcategory)) return [`subcategory：没有这个服务类别“${parsed.data.subcategory}”`];
  return parsed.data as ServicePointInput;
}

/**
 * Imports service points from CSV text: every row is checked first (shape, category, town, community, ids not
 * already used, in the file or the database); with any error nothing is written and every error is returned
 * by line. Otherwise all rows go in one transaction.
 */
export async function importServicePoints(db: Kysely<Database>, text: string): Promise<{ imported: number; errors: RowError[] }> {
  const rows = parseCsv(text);
  const header = rows[0]?.map((cell) => cell.trim());
  if (!header || POINT_COLUMNS.some((column, i) => header[i] !== column)) {
    return { imported: 0, errors: [{ line: 1, message: `第一行必须是这些列名：${POINT_COLUMNS.join(',')}` }] };
  }
  const towns = new Set((await db.selectFrom('towns').select('code').execute()).map((t) => t.code));
  const communities = new Map((await db.selectFrom('communities').select(['id', 'town_code']).execute()).map((c) => [c.id, c.town_code]));
  const existing = new Set((await db.selectFrom('service_points').select('id').execute()).map((p) => p.id));

  const errors: RowError[] = [];
  const points: ServicePointInput[] = [];
  rows.slice(1).forEach((cells, index) => {
    const line = index + 2;
    if (cells.length !== POINT_COLUMNS.length) {
      errors.push({ line, message: `应有 ${POINT_COLUMNS.length} 列，这一行有 ${cells.length} 列` });
      return;
    }
    const point = pointOf(Object.fromEntries(POINT_COLUMNS.map((column, i) => [column, cells[i]])) as Record<(typeof POINT_COLUMNS)[number], string>);
    if (Array.isArray(point)) {
      for (const message of point) errors.push({ line, message });
      return;
    }
    if (!towns.has(point.townCode)) errors.push({ line, message: `town_code：没有这个乡镇（街道）“${point.townCode}”` });
    if (point.communityId && communities.get(point.communityId) !== point.townCode) {
      errors.push({ line, message: `community_id：乡镇（街道）${point.townCode} 下没有社区“${point.communityId}”` });
    }
    if (existing.has(point.id)) errors.push({ line, message: `id：“${point.id}”已经存在（已导入过，或与文件中前面的行重复）` });
    existing.add(point.id);
    points.push(point);
  });
  if (errors.length > 0) return { imported: 0, errors };
  await db.transaction().execute((trx) => insertServicePoints(trx, points));
  return { imported: points.length, errors: [] };
}
