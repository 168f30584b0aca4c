import accountSeed from '../../../seeds/accounts.json';
import type { Role } from '@contract/auth';
import type { SeedContext } from '../../lib/feature';

type SeedAccount = (typeof accountSeed.accounts)[number] & {
  scopeCommunityId?: string;
  scopeTownCode?: string;
  scopeServicePointId?: string;
};

/** The demo accounts; phones go in encrypted with their keyed hash, like any real user's. */
export async function seedDemoAccounts({ db, privacy, now }: SeedContext): Promise<void> {
  const accounts: SeedAccount[] = accountSeed.accounts;
  await db
    .insertInto('users')
    .values(
      accounts.map((account) => ({
        display_name: account.displayName,
        phone_encrypted: privacy.encrypt(account.phone),
        phone_hash: privacy.keyedHash(account.phone),
        role: account.role as Role,
        scope_community_id: account.scopeCommunityId ?? null,
        scope_town_code: account.scopeTownCode ?? null,
        scope_service_point_id: account.scopeServicePointId ?? null,
        community_id: account.communityId,
        is_volunteer: account.isVolunteer ? 1 : 0,
        demo_key: account.key,
        wechat_openid_hash: null,
        consent_version: null,
        consent_at: null,
        created_at: now.toISOString(),
      })),
    )
    .execute();
}

/** For the login page's picker; descriptions come from the seed file, not the database. */
export function demoAccountDescriptions(): { key: string; displayName: string; description: string }[] {
  return accountSeed.accounts.map(({ key, displayName, description }) => ({ key, displayName, description }));
}
