import type { PlacesTables } from '../features/places/tables';
import type { AuthTables } from '../features/auth/tables';
import type { DirectoryTables } from '../features/directory/tables';
import type { MessagesTables } from '../features/messages/tables';

/** Kept by the database layer (server/db): which features' seeds have run. */
export interface SeedLogTable {
  feature: string;
  seeded_at: string;
}

/** The whole database as Kysely sees it: each feature contributes its tables (server/features/<f>/tables.ts). */
export interface Database
  extends PlacesTables,
    AuthTables,
    DirectoryTables,
    MessagesTables {
  seed_log: SeedLogTable;
}
