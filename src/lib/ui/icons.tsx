import { Health, Heart, Home, Location, Phone, Search, Star, Store, User } from '@nutui/icons-react-taro';
import { configure } from '@nutui/icons-react-taro/dist/es/icons/configure.js';

/**
 * NutUI icons render an `<i>`; mini-programs have no such tag (Taro draws only its own components there), so
 * they use `view`. Each icon is an SVG mask coloured by `currentColor`; size comes from `.nut-icon` in app.scss.
 */
configure({ tag: process.env.TARO_ENV === 'h5' ? 'i' : 'view' });

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
