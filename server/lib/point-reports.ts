import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

/**
 * How many residents' reports (信息有误) on a point are still open. The corrections feature owns the table; the
 * directory's detail shows this count (有居民反馈信息可能有变). One shared read here, instead of the directory
 * querying another feature's table itself or the corrections feature reaching into the directory's answer.
 */
export async function countOpenReports(db: Kysely<Database>, pointId: string): Promise<number> {
  const row = await db
    .selectFrom('corrections')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('service_point_id', '=', pointId)
    .where('state', '=', 'open')
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
