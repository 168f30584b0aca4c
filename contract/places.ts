import { z } from 'zod';

/** A 乡镇（街）of 临江 (GET /api/towns lists them with their communities). */
export const communitySchema = z.object({
  id: z.string(),
  name: z.string(),
  townCode: z.string(),
  isDemo: z.boolean(),
  lat: z.number(),
  lng: z.number(),
  /** The community's service phone, used by the 电话求助 button. */
  phone: z.string(),
});
export type Community = z.infer<typeof communitySchema>;

export const townSchema = z.object({
  code: z.string(),
  name: z.string(),
  kind: z.enum(['街道', '镇', '乡']),
  lat: z.number(),
  lng: z.number(),
  communities: z.array(communitySchema),
});
export type Town = z.infer<typeof townSchema>;

export const townListSchema = z.object({ towns: z.array(townSchema) });
export type TownList = z.infer<typeof townListSchema>;
