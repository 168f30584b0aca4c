import type { FeatureModule } from '../lib/feature';
import { placesFeature } from './places/feature';
import { authFeature } from './auth/feature';
import { directoryFeature } from './directory/feature';
import { volunteersFeature } from './volunteers/feature';
import { messagesFeature } from './messages/feature';
import { careFeature } from './care/feature';
import { ratingsFeature } from './ratings/feature';
import { planningFeature } from './planning/feature';
import { correctionsFeature } from './corrections/feature';

/** Every feature of the server, in seeding order (a feature's seed may rely on the ones before it). */
export const features: FeatureModule[] = [
  placesFeature,
  authFeature,
  directoryFeature,
  volunteersFeature,
  messagesFeature,
  careFeature,
  ratingsFeature,
  planningFeature,
  correctionsFeature,
];
