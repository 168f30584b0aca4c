/** Pages of the care-staff subpackage opened from inside it (the others are in src/lib/carePaths.ts). */
export const VISIT_FORM_PATH = '/features/care-staff/pages/visit/index';

export function visitFormUrl(elderId: number, name: string): string {
  return `${VISIT_FORM_PATH}?elder=${elderId}&name=${encodeURIComponent(name)}`;
}

export const ELDERS_PATH = '/features/care-staff/pages/elders/index';
export const ELDER_PATH = '/features/care-staff/pages/elder/index';

export function elderUrl(elderId: number): string {
  return `${ELDER_PATH}?id=${elderId}`;
}
