import type { PlacesTables } from '../features/places/tables';
import type { AuthTables } from '../features/auth/tables';

/** The whole database as Kysely sees it: each feature contributes its tables (server/features/<f>/tables.ts). */
export interface Database
  extends PlacesTables,
    AuthTables {}
