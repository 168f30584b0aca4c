/**
 * Care services and their slots. Slots are made from each service's daily template when a date is first
 * looked at (and by the seed): the id is derived from service, date and start, so every process makes the
 * same row and a second insert does nothing.
 */
import type { Kysely, Selectable } from 'kysely';
import { serviceKindNames, type CareService, type Slot } from '@contract/care';
import { weekdayOf } from '@contract/rules/calendar';
import { bookingCutoff, isBeforeCutoff } from '@contract/rules/care';
import type { CareServiceKind } from '@contract/rules/care-price';
import type { Database } from '../../db/schema';
import type { CareServicesTable, CareSlotsTable } from './tables';

export interface SlotTemplate {
  start: string;
  end: string;
  capacity: number;
}

export const slotId = (serviceId: string, date: string, start: string) => `${serviceId}:${date}:${start.replace(':', '')}`;

/** Makes the slots of these services on these dates that do not exist yet. */
export async function ensureSlots(
  db: Kysely<Database>,
  services: Array<Pick<Selectable<CareServicesTable>, 'id' | 'slot_template_json' | 'weekly_menu_json'>>,
  dates: string[],
): Promise<void> {
  const rows: CareSlotsTable[] = [];
  for (const service of services) {
    const templates: SlotTemplate[] = JSON.parse(service.slot_template_json);
    const menus: string[] | null = service.weekly_menu_json ? JSON.parse(service.weekly_menu_json) : null;
    for (const date of dates) {
      for (const template of templates) {
        rows.push({
          id: slotId(service.id, date, template.start),
          service_id: service.id,
          date,
          start_time: template.start,
          end_time: template.end,
          capacity: template.capacity,
          booked: 0,
          menu: menus ? menus[weekdayOf(date)] : null,
        });
      }
    }
  }
  // Batches keep each statement well under SQLite's parameter limit.
  for (let i = 0; i < rows.length; i += 100) {
    await db.insertInto('care_slots').values(rows.slice(i, i + 100)).onConflict((oc) => oc.column('id').doNothing()).execute();
  }
}

/** The columns a service answer needs, joined with its directory point and community. */
export function selectServices(db: Kysely<Database>) {
  return db
    .selectFrom('care_services')
    .innerJoin('service_points', 'service_points.id', 'care_services.service_point_id')
    .where('service_points.closed_at', 'is', null) // a closed point offers nothing to book
    .leftJoin('communities', 'communities.id', 'service_points.community_id')
    .select([
      'care_services.id',
      'care_services.kind',
      'care_services.name',
      'care_services.description',
      'care_services.place',
      'care_services.price_fen',
      'care_services.delivery_fee_fen',
      'care_services.slot_template_json',
      'care_services.weekly_menu_json',
      'care_services.service_point_id',
      'service_points.name as point_name',
      'service_points.address as point_address',
      'service_points.phone as point_phone',
      'service_points.community_id as point_community_id',
      'service_points.is_demo as point_is_demo',
      'communities.name as community_name',
    ]);
}
export type ServiceRow = Awaited<ReturnType<ReturnType<typeof selectServices>['executeTakeFirstOrThrow']>>;

export function toService(row: ServiceRow): CareService {
  const kind = row.kind as CareServiceKind;
  return {
    id: row.id,
    kind,
    kindName: serviceKindNames[kind],
    name: row.name,
    description: row.description,
    place: row.place,
    priceFen: row.price_fen,
    deliveryFeeFen: row.delivery_fee_fen,
    servicePoint: {
      id: row.service_point_id,
      name: row.point_name,
      address: row.point_address,
      phone: row.point_phone,
      communityId: row.point_community_id,
      communityName: row.community_name ?? null,
      isDemo: row.point_is_demo === 1,
    },
  };
}

export const FULL = '已约满';
export const PAST_CUTOFF = '已过预约截止时间';

export function toSlot(row: Selectable<CareSlotsTable>, kind: CareServiceKind, now: Date): Slot {
  const placesLeft = Math.max(row.capacity - row.booked, 0);
  const open = isBeforeCutoff(kind, { date: row.date, start: row.start_time }, now);
  const closedReason = !open ? PAST_CUTOFF : placesLeft === 0 ? FULL : null;
  return {
    id: row.id,
    serviceId: row.service_id,
    date: row.date,
    start: row.start_time,
    end: row.end_time,
    capacity: row.capacity,
    placesLeft,
    menu: row.menu,
    cutoffAt: bookingCutoff(kind, { date: row.date, start: row.start_time }).toISOString(),
    bookable: closedReason === null,
    closedReason,
  };
}
