import type { PlacesTables } from '../features/places/tables';
import type { AuthTables } from '../features/auth/tables';
import type { DirectoryTables } from '../features/directory/tables';
import type { VolunteersTables } from '../features/volunteers/tables';
import type { MessagesTables } from '../features/messages/tables';
import type { CareTables } from '../features/care/tables';
import type { RatingsTables } from '../features/ratings/tables';
import type { CorrectionsTables } from '../features/corrections/tables';
import type { PlanningTables } from '../features/planning/tables';
import type { RateLimitsTable, SeedLogTable } from './own-tables';

/** The whole database as Kysely sees it: each feature contributes its tables (server/features/<f>/tables.ts). */
export interface Database
  extends PlacesTables,
    AuthTables,
    DirectoryTables,
    VolunteersTables,
    MessagesTables,
    CareTables,
    RatingsTables,
    CorrectionsTables,
    PlanningTables {
  seed_log: SeedLogTable;
  rate_limits: RateLimitsTable;
}
