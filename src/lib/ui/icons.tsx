import { Health, Heart, Home, Location, Phone, Search, Star, Store, User } from '@nutui/icons-react-taro';
import './iconTag';

/** The icons that entries name (首页 entries, detail rows); a page importing this map loads all of them. */

export const ICONS = {
  search: Search,
  location: Location,
  heart: Heart,
  health: Health,
  user: User,
  star: Star,
  phone: Phone,
  store: Store,
  home: Home,
};

export type IconName = keyof typeof ICONS;

export function AppIcon({ name }: { name: IconName }) {
  const Icon = ICONS[name];
  return <Icon />;
}
