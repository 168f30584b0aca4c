import { z } from 'zod';
import communityFile from '../../../seeds/communities.json';
import townFile from '../../../seeds/towns.json';
import type { SeedContext } from '../../lib/feature';

const townSeed = z
  .object({
    towns: z.array(
      z.object({
        code: z.string().regex(/^220681\d{3}$/),
        name: z.string().min(1),
        kind: z.enum(['街道', '镇', '乡']),
        lat: z.number(),
        lng: z.number(),
      }),
    ),
  })
  .parse(townFile);

const communitySeed = z
  .object({
    communities: z.array(
      z.object({
        id: z.string().regex(/^[a-z0-9-]+$/),
        townCode: z.string(),
        name: z.string().min(1),
        isDemo: z.boolean(),
        lat: z.number(),
        lng: z.number(),
        phone: z.string().regex(/^0439-\d{7}$/),
      }),
    ),
  })
  .parse(communityFile);

export async function seedPlaces({ db }: SeedContext): Promise<void> {
  await db
    .insertInto('towns')
    .values(
      townSeed.towns.map((town, index) => ({
        code: town.code,
        name: town.name,
        kind: town.kind,
        lat: town.lat,
        lng: town.lng,
        sort_order: index,
      })),
    )
    .execute();
  await db
    .insertInto('communities')
    .values(
      communitySeed.communities.map((community, index) => ({
        id: community.id,
        town_code: community.townCode,
        name: community.name,
        is_demo: community.isDemo ? 1 : 0,
        lat: community.lat,
        lng: community.lng,
        phone: community.phone,
        sort_order: index,
      })),
    )
    .execute();
}
