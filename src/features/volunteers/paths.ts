export const ACTIVITIES_PATH = '/features/volunteers/pages/activities/index';
export const REGISTER_PATH = '/features/volunteers/pages/register/index';
export { MY_VOLUNTEERING_PATH } from '@/lib/volunteerPaths';
export const activityUrl = (id: number) => `/features/volunteers/pages/activity/index?id=${id}`;
export const certificateUrl = (signupId: number) => `/features/volunteers/pages/certificate/index?id=${signupId}`;
