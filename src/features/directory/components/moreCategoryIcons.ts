import { Articles, Hi, Mail, Service, ShieldCheck, User, Wallet, Warning } from '@nutui/icons-react-taro';
import type { ComponentType } from 'react';
import '@/lib/ui/iconTag';

/**
 * Icons of the categories behind 更多 (ServiceFilters' FIRST_CATEGORIES are drawn first): loaded when the grid opens,
 * not with the 服务 tab (base64 SVG, about 3 KB brotli that no first view draws).
 */
export const MORE_CATEGORY_ICONS: Record<string, ComponentType> = {
  employment: Wallet,
  education: Articles,
  legal: ShieldCheck,
  policing: User,
  emergency: Warning,
  disability: Hi,
  'social-work': Service,
  utilities: Mail,
};

/** The one for a category no map knows (社会工作's). */
export const FALLBACK_ICON = Service;
