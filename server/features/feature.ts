/**
 * Moved to server/lib/feature.ts (the lint rule counts a file here as a feature of its own).
 * Kept only so feature code written against the old path still compiles; import from '../../lib/feature'.
 */
export type { FeatureModule, SeedContext } from '../lib/feature';
