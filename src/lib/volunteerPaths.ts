/** Entry points of the volunteer pages that tab pages link to (the features' own paths stay in their subpackages). */
export const MY_VOLUNTEERING_PATH = '/features/volunteers/pages/mine/index';
export const VOLUNTEER_MANAGE_PATH = '/features/volunteers-staff/pages/manage/index';
