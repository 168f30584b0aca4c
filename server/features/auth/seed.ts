import { z } from 'zod';
import accountSeed from '../../../seeds/accounts.json';
import { demoAccountKeySchema, roleSchema, type DemoAccount } from '@contract/auth';
import type { SeedContext } from '../../lib/feature';
import { newUserRow } from '../../lib/user-row';

/** seeds/accounts.json, checked: a typo in a role or key fails the seed instead of creating a broken user. */
const seedAccountsSchema = z.object({
  accounts: z.array(
    z.object({
      key: demoAccountKeySchema,
      displayName: z.string().min(1),
      description: z.string().min(1),
      role: roleSchema,
      communityId: z.string(),
      scopeCommunityId: z.string().optional(),
      scopeTownCode: z.string().optional(),
      scopeServicePointId: z.string().optional(),
      phone: z.string().regex(/^1\d{10}$/),
      isVolunteer: z.boolean(),
    }),
  ),
});
const { accounts } = seedAccountsSchema.parse(accountSeed);

/** The demo accounts; phones go in encrypted with their keyed hash, like any real user's. */
export async function seedDemoAccounts({ db, privacy, now }: SeedContext): Promise<void> {
  await db
    .insertInto('users')
    .values(
      accounts.map((account) => newUserRow({
        display_name: account.displayName,
        phone_encrypted: privacy.encrypt(account.phone),
        phone_hash: privacy.keyedHash(account.phone),
        role: account.role,
        scope_community_id: account.scopeCommunityId ?? null,
        scope_town_code: account.scopeTownCode ?? null,
        scope_service_point_id: account.scopeServicePointId ?? null,
        community_id: account.communityId,
        is_volunteer: account.isVolunteer ? 1 : 0,
        demo_key: account.key,
        created_at: now.toISOString(),
      })),
    )
    .execute();
}

/** For the login page's picker; descriptions come from the seed file, not the database. */
export function demoAccountDescriptions(): DemoAccount[] {
  return accounts.map(({ key, displayName, description }) => ({ key, displayName, description }));
}
