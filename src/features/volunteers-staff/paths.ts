export const rosterUrl = (id: number) => `/features/volunteers-staff/pages/roster/index?id=${id}`;
export const editUrl = (id?: number) => `/features/volunteers-staff/pages/edit/index${id ? `?id=${id}` : ''}`;
export const volunteerActivityUrl = (id: number) => `/features/volunteers/pages/activity/index?id=${id}`;
