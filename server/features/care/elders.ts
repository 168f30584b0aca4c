/**
 * Elder profiles and who may see them: the elder (their own profile), a bound relative, a worker of the
 * elder's 社区 (or its 街道). Anyone else gets a 404, as if the elder did not exist.
 */
import type { Kysely, Selectable } from 'kysely';
import type { ElderAccess, ElderClass, ElderDetail, ElderRelative, ElderSummary, LivingSituation, Relation } from '@contract/care';
import { chinaLocal } from '@contract/rules/calendar';
import { ageOn } from '@contract/rules/care-price';
import { maskIdNumber, maskName, maskPhone } from '@contract/rules/mask';
import type { Database } from '../../db/schema';
import type { AuthUser } from '../../lib/auth';
import { canSeeCommunity } from '../../lib/auth';
import { notFound } from '../../lib/errors';
import type { Privacy } from '../../lib/privacy/crypto';
import type { ElderBindingsTable, ElderProfilesTable } from './tables';

export type ElderRow = Selectable<ElderProfilesTable> & { community_name: string };
export type BindingRow = Selectable<ElderBindingsTable>;

/** The keyed hash that makes an ID number unique without storing it in the clear. */
export const elderIdHash = (privacy: Privacy, idNumber: string) => privacy.keyedHash(`id-number:${idNumber}`);

export const ELDER_NOT_FOUND = '没有找到这位老人，或您还没有绑定这位老人';

export function selectElders(db: Kysely<Database>) {
  return db
    .selectFrom('elder_profiles')
    .innerJoin('communities', 'communities.id', 'elder_profiles.community_id')
    .selectAll('elder_profiles')
    .select('communities.name as community_name');
}

/** Elder and binding are whole rows, except where a caller read only the columns it judges by (booking-read.ts). */
export interface ElderAccessResult<Elder = ElderRow, Binding = BindingRow> {
  elder: Elder;
  access: ElderAccess;
  /** The caller's own binding (relatives). */
  binding: Binding | null;
}

/** How the caller stands to an elder; null when they may not see them at all. */
export async function findElderAccess(db: Kysely<Database>, user: AuthUser, elderId: number): Promise<ElderAccessResult | null> {
  // Both at once: a booking by a relative (the usual case) needs both, and this runs before every booking.
  const [elder, binding] = await Promise.all([
    selectElders(db).where('elder_profiles.id', '=', elderId).executeTakeFirst(),
    db.selectFrom('elder_bindings').selectAll().where('elder_id', '=', elderId).where('user_id', '=', user.id).executeTakeFirst(),
  ]);
  return elder ? accessOf(user, elder, binding ?? null) : null;
}

/** How the caller stands to an elder, given the elder and the caller's own binding to them (if any). */
export function accessOf<Elder extends Pick<ElderRow, 'user_id' | 'community_id'>, Binding extends Pick<BindingRow, 'status'>>(
  user: AuthUser,
  elder: Elder,
  binding: Binding | null,
): ElderAccessResult<Elder, Binding> | null {
  if (elder.user_id === user.id) return { elder, access: 'self', binding: null };
  if (binding) return { elder, access: binding.status, binding };
  if (canSeeCommunity(user, elder.community_id)) return { elder, access: 'worker', binding: null };
  return null;
}

/** Like findElderAccess, but a 404 in words when the caller may not see the elder. */
export async function requireElderAccess(db: Kysely<Database>, user: AuthUser, elderId: number): Promise<ElderAccessResult> {
  const found = await findElderAccess(db, user, elderId);
  if (!found) throw notFound(ELDER_NOT_FOUND);
  return found;
}

/** Pending binding requests per elder, for the elder's own view and the workers'. */
export async function pendingBindingCounts(db: Kysely<Database>, elderIds: number[]): Promise<Map<number, number>> {
  if (elderIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('elder_bindings')
    .select(['elder_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('elder_id', 'in', elderIds)
    .where('status', '=', 'pending')
    .groupBy('elder_id')
    .execute();
  return new Map(rows.map((r) => [Number(r.elder_id), Number(r.n)]));
}

export const canBookFor = (access: ElderAccess) => access === 'self' || access === 'active';

export function elderClassesOf(row: Pick<ElderProfilesTable, 'classes_json'>): ElderClass[] {
  return JSON.parse(row.classes_json) as ElderClass[];
}

export function toElderSummary(
  privacy: Privacy,
  row: ElderRow,
  access: ElderAccess,
  /** The caller's relation when they are a relative. */
  relation: string | null,
  now: Date,
): ElderSummary {
  // Until the binding takes effect the relative learns nothing sensitive: the classes and 低保 are why it needs confirming.
  const sensitive = access !== 'pending';
  return {
    id: Number(row.id),
    name: row.name,
    maskedIdNumber: maskIdNumber(privacy.decrypt(row.id_number_encrypted)),
    birthDate: row.birth_date,
    age: ageOn(row.birth_date, chinaLocal(now).date),
    communityId: row.community_id,
    communityName: row.community_name,
    classes: sensitive ? elderClassesOf(row) : [],
    dibao: sensitive && row.dibao === 1,
    bathAssessedOn: sensitive ? row.bath_assessed_on : null,
    access,
    relation: relation as Relation | null,
    canBook: canBookFor(access),
  };
}

interface StoredContact {
  name: string;
  relation: string;
  phone: string;
}

/** The whole profile. Phones in full for the elder and the 社区's workers, masked for relatives. */
export async function toElderDetail(
  db: Kysely<Database>,
  privacy: Privacy,
  found: ElderAccessResult,
  now: Date,
): Promise<ElderDetail> {
  const { elder, access, binding } = found;
  const fullPhones = access === 'self' || access === 'worker';
  const phone = elder.phone_encrypted ? privacy.decrypt(elder.phone_encrypted) : null;
  const contacts: StoredContact[] = JSON.parse(privacy.decrypt(elder.emergency_contacts_encrypted));
  let relatives: ElderRelative[] = [];
  if (access === 'self' || access === 'worker') {
    const rows = await db
      .selectFrom('elder_bindings')
      .innerJoin('users', 'users.id', 'elder_bindings.user_id')
      .select([
        'elder_bindings.id',
        'elder_bindings.user_id',
        'elder_bindings.relation',
        'elder_bindings.status',
        'elder_bindings.requested_at',
        'elder_bindings.confirmed_at',
        'elder_bindings.confirmed_by',
        'users.display_name',
      ])
      .where('elder_bindings.elder_id', '=', elder.id)
      .orderBy('elder_bindings.id')
      .execute();
    relatives = rows.map((r) => ({
      bindingId: Number(r.id),
      userId: Number(r.user_id),
      name: maskName(r.display_name),
      relation: r.relation as Relation,
      status: r.status,
      requestedAt: r.requested_at,
      confirmedAt: r.confirmed_at,
      confirmedBy: r.confirmed_by,
    }));
  }
  return {
    ...toElderSummary(privacy, elder, access, binding?.relation ?? null, now),
    ...(access === 'self' || access === 'worker' ? { pendingBindings: relatives.filter((r) => r.status === 'pending').length } : {}),
    phone: phone === null ? null : fullPhones ? phone : maskPhone(phone),
    address: elder.address,
    grid: elder.grid,
    livingSituation: elder.living_situation as LivingSituation,
    emergencyContacts: contacts.map((c) => ({ ...c, phone: fullPhones ? c.phone : maskPhone(c.phone) })),
    healthNotes: elder.health_notes,
    diet: elder.diet,
    relatives,
    createdAt: elder.created_at,
  };
}
