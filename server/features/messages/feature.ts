import type { FeatureModule } from '../../lib/feature';
import { messagesMigrations } from './migrations';
import { messagesRoutes } from './routes';
import { messagesPersonalData } from './personal-data';

/** 消息: every user's messages from the app (bookings, ratings, activities), with an unread count. */
export const messagesFeature: FeatureModule = {
  name: 'messages',
  migrations: messagesMigrations,
  routes: messagesRoutes,
  personalData: messagesPersonalData,
};
