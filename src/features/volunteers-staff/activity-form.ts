/** The publish/edit form: what the worker types (China-local date and times) and the request it becomes. */
import type { ActivityCreate, ActivityDetail } from '@contract/volunteers';
import { addDays, chinaDate, chinaInstant, formatTime } from '@/lib/date';

export interface ActivityDraft {
  communityId: string;
  teamId: string | null;
  title: string;
  description: string;
  notice: string;
  address: string;
  /** 'YYYY-MM-DD' and 'HH:mm', China time. */
  date: string;
  startTime: string;
  endTime: string;
  deadlineDate: string;
  deadlineTime: string;
  capacity: string;
  minAge: string;
  skills: string[];
  safeguards: string[];
  targetGroup: string;
}

export function emptyActivityDraft(communityId: string): ActivityDraft {
  const date = addDays(chinaDate(), 7);
  return {
    communityId,
    teamId: null,
    title: '',
    description: '',
    notice: '',
    address: '',
    date,
    startTime: '09:00',
    endTime: '11:00',
    deadlineDate: addDays(date, -1),
    deadlineTime: '18:00',
    capacity: '10',
    minAge: '10',
    skills: [],
    safeguards: ['insurance', 'water'],
    targetGroup: 'left-behind-elders',
  };
}

export function draftFromActivity(a: ActivityDetail): ActivityDraft {
  return {
    communityId: a.communityId,
    teamId: a.teamId,
    title: a.title,
    description: a.description,
    notice: a.notice,
    address: a.place.pointId ? '' : a.place.address,
    date: chinaDate(a.startsAt),
    startTime: formatTime(a.startsAt),
    endTime: formatTime(a.endsAt),
    deadlineDate: chinaDate(a.signupDeadline),
    deadlineTime: formatTime(a.signupDeadline),
    capacity: String(a.capacity),
    minAge: String(a.minAge),
    skills: a.skills.map((s) => s.id),
    safeguards: a.safeguards.map((s) => s.id),
    targetGroup: a.targetGroup.id,
  };
}

/** China-local date and time as an ISO instant; as typed when they are not a real moment, so the server names the field. */
function instant(date: string, time: string): string {
  return chinaInstant(date, time) ?? `${date} ${time}`;
}

export function toActivityBody(d: ActivityDraft): ActivityCreate {
  return {
    communityId: d.communityId,
    teamId: d.teamId,
    title: d.title.trim(),
    description: d.description.trim(),
    notice: d.notice.trim(),
    address: d.address.trim() || null,
    startsAt: instant(d.date, d.startTime),
    endsAt: instant(d.date, d.endTime),
    signupDeadline: instant(d.deadlineDate, d.deadlineTime),
    capacity: Number(d.capacity),
    minAge: Number(d.minAge),
    skills: d.skills,
    safeguards: d.safeguards,
    targetGroup: d.targetGroup,
  };
}
