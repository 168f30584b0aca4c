import { z } from 'zod';

/**
 * The largest row id the API accepts: ids are `integer` columns on PostgreSQL (4 bytes), so a larger number could
 * never name a row — refused as bad input in words instead of reaching the database.
 */
export const MAX_ROW_ID = 2_147_483_647;

/** A row id in a JSON body: a whole number from 1 to MAX_ROW_ID; `message` is what a wrong one is told. */
export const rowId = (message = '无效的编号') =>
  z.number({ error: message }).int({ error: message }).positive({ error: message }).max(MAX_ROW_ID, { error: message });

/** A row id in a path or query string (text of digits), checked as rowId. */
export const rowIdText = (message = '无效的编号') =>
  z.preprocess((value) => (typeof value === 'string' && /^\d{1,12}$/.test(value) ? Number(value) : Number.NaN), rowId(message));
