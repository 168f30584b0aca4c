import {
  Articles,
  Footprint,
  Gift,
  Health,
  Heart,
  Home,
  Mail,
  Service,
  ShieldCheck,
  Store,
  Wallet,
  Warning,
  Image,
  Hi,
  User,
} from '@nutui/icons-react-taro';
import type { ComponentType } from 'react';
// Sets the icon tag for mini-programs (no <i> there); imported for that effect.
import '@/lib/ui/icons';

/** One icon per top-level category (config/domain/categories.json); a label always goes with it. */
const CATEGORY_ICONS: Record<string, ComponentType> = {
  'party-government': Home,
  elderly: Heart,
  childcare: Gift,
  health: Health,
  employment: Wallet,
  education: Articles,
  culture: Image,
  sports: Footprint,
  legal: ShieldCheck,
  policing: User,
  emergency: Warning,
  disability: Hi,
  'social-work': Service,
  commerce: Store,
  utilities: Mail,
};

export function CategoryIcon({ id }: { id: string }) {
  const Icon = CATEGORY_ICONS[id] ?? Service;
  return <Icon />;
}
