import { z } from 'zod';
import careSeed from '../../../seeds/care.json';
import { elderClassSchema, livingSituationSchema, relationSchema, serviceKindSchema } from '@contract/care';
import { chinaLocal, shiftDate } from '@contract/rules/calendar';
import { bookableDates } from '@contract/rules/care';
import { checkResidentIdNumber } from '@contract/rules/id-number';
import type { SeedContext } from '../../lib/feature';
import { ensureSlots } from './catalog';
import { elderIdHash } from './elders';

/** seeds/care.json, checked: a typo fails the seed instead of making a service nobody can book. */
const seedSchema = z.object({
  services: z.array(
    z.object({
      id: z.string(),
      point: z.string(),
      kind: serviceKindSchema,
      name: z.string(),
      description: z.string(),
      place: z.enum(['onsite', 'home']),
      priceFen: z.number().int(),
      deliveryFeeFen: z.number().int().nullable(),
      slots: z.array(z.object({ start: z.string(), end: z.string(), capacity: z.number().int().positive() })),
      weeklyMenu: z.array(z.string()).length(7).optional(),
    }),
  ),
  elders: z.array(
    z.object({
      key: z.string(),
      account: z.string().optional(),
      name: z.string(),
      idNumber: z.string(),
      birthDate: z.string(),
      phone: z.string().nullable(),
      address: z.string(),
      communityId: z.string(),
      grid: z.string().nullable(),
      livingSituation: livingSituationSchema,
      emergencyContacts: z.array(z.object({ name: z.string(), relation: z.string(), phone: z.string() })),
      healthNotes: z.string(),
      diet: z.string(),
      classes: z.array(elderClassSchema),
      dibao: z.boolean(),
      bathAssessedDaysAgo: z.number().int().nullable(),
      relatives: z.array(z.object({ account: z.string(), relation: relationSchema })),
      visitedDaysAgo: z.array(z.number().int()),
    }),
  ),
});

/** Care services on their directory points, slots for today and the next 14 days, demo elders with relatives and visits. */
export async function seedCare({ db, privacy, now }: SeedContext): Promise<void> {
  const seed = seedSchema.parse(careSeed);
  const today = chinaLocal(now).date;
  const at = now.toISOString();
  const services = seed.services.map((s, position) => ({
    id: s.id,
    service_point_id: s.point,
    kind: s.kind,
    name: s.name,
    description: s.description,
    place: s.place,
    price_fen: s.priceFen,
    delivery_fee_fen: s.deliveryFeeFen,
    slot_template_json: JSON.stringify(s.slots),
    weekly_menu_json: s.weeklyMenu ? JSON.stringify(s.weeklyMenu) : null,
    position,
  }));
  await db.insertInto('care_services').values(services).execute();
  await ensureSlots(db, services, bookableDates(now));

  const accounts = new Map(
    (await db.selectFrom('users').select(['id', 'demo_key']).where('demo_key', 'is not', null).execute()).map((u) => [u.demo_key!, Number(u.id)]),
  );
  const accountId = (key: string) => {
    const id = accounts.get(key);
    if (id === undefined) throw new Error(`seeds/care.json names demo account "${key}", which seeds/accounts.json does not have`);
    return id;
  };
  const worker = accountId('worker');

  for (const elder of seed.elders) {
    const id = checkResidentIdNumber(elder.idNumber, today);
    if (!id.ok || id.birthDate !== elder.birthDate) throw new Error(`seeds/care.json: the ID number of ${elder.key} is not valid for ${elder.birthDate}`);
    const inserted = await db
      .insertInto('elder_profiles')
      .values({
        user_id: elder.account ? accountId(elder.account) : null,
        name: elder.name,
        id_number_encrypted: privacy.encrypt(id.value),
        id_number_hash: elderIdHash(privacy, id.value),
        birth_date: elder.birthDate,
        phone_encrypted: elder.phone ? privacy.encrypt(elder.phone) : null,
        address: elder.address,
        community_id: elder.communityId,
        grid: elder.grid,
        living_situation: elder.livingSituation,
        emergency_contacts_encrypted: privacy.encrypt(JSON.stringify(elder.emergencyContacts)),
        health_notes: elder.healthNotes,
        diet: elder.diet,
        classes_json: JSON.stringify(elder.classes),
        dibao: elder.dibao ? 1 : 0,
        bath_assessed_on: elder.bathAssessedDaysAgo === null ? null : shiftDate(today, -elder.bathAssessedDaysAgo),
        booking_seq: 0,
        created_by: worker,
        created_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const elderId = Number(inserted.id);
    for (const relative of elder.relatives) {
      await db
        .insertInto('elder_bindings')
        .values({
          elder_id: elderId,
          user_id: accountId(relative.account),
          relation: relative.relation,
          status: 'active',
          code_hash: null,
          code_expires_at: null,
          code_attempts: 0,
          requested_at: at,
          confirmed_at: at,
          confirmed_by: 'worker',
        })
        .execute();
    }
    for (const daysAgo of elder.visitedDaysAgo) {
      const visitedOn = shiftDate(today, -daysAgo);
      await db
        .insertInto('care_visits')
        .values({
          elder_id: elderId,
          community_id: elder.communityId,
          worker_user_id: worker,
          method: 'home',
          visited_on: visitedOn,
          month: visitedOn.slice(0, 7),
          health: '精神不错，血压平稳。',
          economy: '收入稳定。',
          safety: '燃气、电器检查无异常。',
          needs_referred: '',
          created_at: at,
        })
        .execute();
    }
  }
}
