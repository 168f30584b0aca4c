/**
 * Who may volunteer, by age (DOMAIN.md §3; the numbers are ours, in config/domain/volunteers.json):
 * under the minimum age nobody registers; below the adult age a guardian's name, phone and consent are
 * needed; below the accompanied age every sign-up is also marked 须监护人陪同.
 */
import volunteersConfig from '../../config/domain/volunteers.json';

export const volunteerAges = volunteersConfig.ages;

/** Full years between a birth date and a day, both 'YYYY-MM-DD' (a birthday counts on its day). */
export function ageOn(birthDate: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return day.slice(5) >= birthDate.slice(5) ? years : years - 1;
}

export type AgeBand = 'tooYoung' | 'accompanied' | 'guardian' | 'adult';

export function ageBand(age: number): AgeBand {
  if (age < volunteerAges.minimum) return 'tooYoung';
  if (age < volunteerAges.accompaniedBelow) return 'accompanied';
  if (age < volunteerAges.adult) return 'guardian';
  return 'adult';
}

/** Whether a guardian's name, phone and consent are required. */
export function needsGuardian(band: AgeBand): boolean {
  return band === 'accompanied' || band === 'guardian';
}

/** The explanation given to someone too young to register. */
export const tooYoungMessage = `志愿服务需年满 ${volunteerAges.minimum} 周岁。不满 ${volunteerAges.minimum} 周岁的孩子可以在家长陪同下参加社区的亲子活动，暂不能登记为志愿者`;
