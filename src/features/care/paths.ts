/** Pages of the care subpackage opened only from inside it (the others are in src/lib/carePaths.ts). */
export const PROFILE_PATH = '/features/care/pages/profile/index';
