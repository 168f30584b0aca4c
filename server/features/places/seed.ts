import communitySeed from '../../../seeds/communities.json';
import townSeed from '../../../seeds/towns.json';
import type { SeedContext } from '../../lib/feature';

export async function seedPlaces({ db }: SeedContext): Promise<void> {
  await db
    .insertInto('towns')
    .values(
      townSeed.towns.map((town, index) => ({
        code: town.code,
        name: town.name,
        kind: town.kind as '街道' | '镇' | '乡',
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
