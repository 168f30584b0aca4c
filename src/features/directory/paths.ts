/** The directory's subpackage pages (registered in src/app.config.ts under root features/directory). */
export const DETAIL_PATH = '/features/directory/pages/detail/index';
export const COVERAGE_PATH = '/features/directory/pages/coverage/index';

export function detailUrl(id: string): string {
  return `${DETAIL_PATH}?id=${encodeURIComponent(id)}`;
}
