/**
 * writeGuarded on a real database (SQLite, or PostgreSQL under `npm run test:postgres`): the rows are written only
 * when every guard changed a row, a guard that passed keeps its change, and the ids it hands out never collide with
 * the database's own.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely, Selectable } from 'kysely';
import { features } from '../features';
import type { BookingsTable } from '../features/care/tables';
import { createPrivacy } from '../lib/privacy/crypto';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../testing/databases';
import { writeGuarded, type GuardedWrites } from './guarded-writes';
import { openDatabase, prepareDatabase } from './index';
import { idAheadOf } from './portable';
import type { Database } from './schema';

describe(`writeGuarded (${testDatabaseKind()})`, () => {
  let dir: string;
  let database: TestDatabase;
  let db: Kysely<Database>;
  /** The booking each write adds (cancelled, so it holds no place: the slot's count is the guard's alone). */
  let template: Selectable<BookingsTable>;
  const slotId = 'cs-xinshi-cleaning:2026-11-28:1000';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'linjiang-guarded-'));
    database = await createTestDatabase(dir);
    db = openDatabase(database.target);
    await prepareDatabase(db, features, { privacy: createPrivacy(randomBytes(32)), now: new Date('2026-11-26T02:00:00.000Z') });
    const elder = await db.selectFrom('elder_profiles').select(['id', 'created_by']).limit(1).executeTakeFirstOrThrow();
    const slot = await db
      .selectFrom('care_slots')
      .innerJoin('care_services', 'care_services.id', 'care_slots.service_id')
      .select(['care_slots.date', 'care_slots.start_time', 'care_slots.end_time', 'care_services.service_point_id', 'care_services.kind'])
      .where('care_slots.id', '=', slotId)
      .executeTakeFirstOrThrow();
    template = {
      id: 0,
      booker_user_id: elder.created_by,
      elder_id: elder.id,
      service_point_id: slot.service_point_id,
      service_id: 'cs-xinshi-cleaning',
      slot_id: slotId,
      kind: slot.kind,
      slot_date: slot.date,
      slot_start: slot.start_time,
      slot_end: slot.end_time,
      status: 'cancelled',
      booker_relation: '子女',
      meal_mode: null,
      address: null,
      note: null,
      price_json: '{}',
      payable_fen: 0,
      active_slot_id: null,
      created_at: '2026-11-26T02:00:00.000Z',
      completed_at: null,
    };
    await db.updateTable('care_slots').set({ capacity: 1, booked: 0 }).where('id', '=', slotId).execute();
  });
  afterAll(async () => {
    await db.destroy();
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  const state = async () => ({
    seq: (await db.selectFrom('elder_profiles').select('booking_seq').where('id', '=', template.elder_id).executeTakeFirstOrThrow()).booking_seq,
    booked: (await db.selectFrom('care_slots').select('booked').where('id', '=', slotId).executeTakeFirstOrThrow()).booked,
    bookings: Number((await db.selectFrom('bookings').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
  });

  /** Bumps the elder's count if it is still `seenSeq`, takes the slot's place, then writes a booking and its timeline entry. */
  const writes = (seenSeq: number, ahead: number | null): GuardedWrites => ({
    guards: [
      (q) => q.updateTable('elder_profiles').set((eb) => ({ booking_seq: eb('booking_seq', '+', 1) })).where('id', '=', template.elder_id).where('booking_seq', '=', seenSeq),
      (q) => q.updateTable('care_slots').set((eb) => ({ booked: eb('booked', '+', 1) })).where('id', '=', slotId).where((eb) => eb('booked', '<', eb.ref('capacity'))),
    ],
    newId: { table: 'bookings', ahead },
    rows: (id) => [
      { table: 'bookings', row: { ...template, id } },
      { table: 'booking_events', row: { booking_id: id, status: 'cancelled', at: template.created_at, by_user_id: template.booker_user_id, by_role: '家属', note: 'guarded' } },
    ],
  });
  const idAhead = async () => (await db.selectNoFrom(idAheadOf(db, 'bookings').as('id')).executeTakeFirstOrThrow()).id;

  it('writes nothing, and changes nothing, when the first guard finds the elder changed', async () => {
    const before = await state();
    expect(await writeGuarded(db, writes(before.seq - 1, await idAhead()))).toEqual({ written: false, failedGuard: 0 });
    expect(await state()).toEqual(before);
  });

  it('writes the rows with the id it handed out when every guard passes', async () => {
    const before = await state();
    const outcome = await writeGuarded(db, writes(before.seq, await idAhead()));
    expect(outcome.written).toBe(true);
    const id = outcome.written ? outcome.id : -1;
    expect(await state()).toEqual({ seq: before.seq + 1, booked: 1, bookings: before.bookings + 1 });
    const event = await db.selectFrom('booking_events').select('booking_id').where('note', '=', 'guarded').executeTakeFirstOrThrow();
    expect(Number(event.booking_id)).toBe(id);
  });

  it('keeps the first guard\'s change but writes nothing when the second finds the slot full', async () => {
    const before = await state();
    expect(await writeGuarded(db, writes(before.seq, await idAhead()))).toEqual({ written: false, failedGuard: 1 });
    expect(await state()).toEqual({ ...before, seq: before.seq + 1 });
  });

  it('hands out ids the database itself will not give again', async () => {
    const { seq } = await state();
    await db.updateTable('care_slots').set({ capacity: 2 }).where('id', '=', slotId).execute();
    const outcome = await writeGuarded(db, writes(seq, await idAhead()));
    const { id: _taken, ...rest } = template;
    const plain = await db.insertInto('bookings').values(rest).returning('id').executeTakeFirstOrThrow();
    expect(outcome.written && Number(plain.id) > outcome.id).toBe(true);
  });
});
