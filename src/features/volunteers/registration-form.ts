/**
 * The registration form's state and the checks it can make before sending (the server makes them again):
 * a 居民身份证 number is checked digit by digit here, so a typo is shown under its field at once and
 * nothing else has to be typed again.
 */
import type { VolunteerRegistration } from '@contract/volunteers';
import { checkResidentIdNumber, type IdType } from '@contract/rules/id-number';
import { ageBand, ageOn, needsGuardian, tooYoungMessage, type AgeBand } from '@contract/rules/volunteer-age';

export interface RegistrationDraft {
  realName: string;
  idType: IdType;
  idNumber: string;
  birthDate: string;
  sex: 'male' | 'female' | '';
  phone: string;
  communityId: string;
  skills: string[];
  availability: string[];
  isPartyMember: boolean;
  nationalVolunteerNumber: string;
  guardianName: string;
  guardianPhone: string;
  guardianConsent: boolean;
}

export function emptyDraft(communityId: string | null): RegistrationDraft {
  return {
    realName: '',
    idType: 'resident',
    idNumber: '',
    birthDate: '',
    sex: '',
    phone: '',
    communityId: communityId ?? '',
    skills: [],
    availability: [],
    isPartyMember: false,
    nationalVolunteerNumber: '',
    guardianName: '',
    guardianPhone: '',
    guardianConsent: false,
  };
}

/** The age band the draft implies (from the ID number or the stated birth date), or null while unknown. */
export function draftAgeBand(draft: RegistrationDraft, today: string): AgeBand | null {
  let birthDate: string | null = null;
  if (draft.idType === 'resident') {
    const check = checkResidentIdNumber(draft.idNumber, today);
    if (check.ok) birthDate = check.birthDate;
  } else if (/^\d{4}-\d{2}-\d{2}$/.test(draft.birthDate)) birthDate = draft.birthDate;
  return birthDate ? ageBand(ageOn(birthDate, today)) : null;
}

/** Problems found before sending, by field (the same words the server would use). */
export function checkDraft(draft: RegistrationDraft, today: string): Record<string, string> {
  const problems: Record<string, string> = {};
  if (draft.realName.trim().length < 2) problems.realName = '真实姓名：请填写您的真实姓名';
  if (draft.idType === 'resident') {
    const check = checkResidentIdNumber(draft.idNumber, today);
    if (!check.ok) problems.idNumber = `身份证号：${check.message}`;
  } else if (draft.idNumber.trim().length < 5) problems.idNumber = '身份证号：请填写证件号码';
  if (!/^1\d{10}$/.test(draft.phone.trim())) problems.phone = '手机号：请填写 11 位手机号';
  if (!draft.communityId) problems.communityId = '社区：请选择您的社区';
  if (draft.availability.length === 0) problems.availability = '可服务时间：请至少选择一个时间段';
  const band = draftAgeBand(draft, today);
  if (band === 'tooYoung') problems.idNumber = tooYoungMessage;
  if (band && needsGuardian(band)) {
    if (!draft.guardianName.trim()) problems.guardianName = '监护人姓名：未满 18 周岁需填写监护人姓名';
    if (!/^1\d{10}$/.test(draft.guardianPhone.trim())) problems.guardianPhone = '监护人手机号：未满 18 周岁需填写监护人手机号';
    if (!draft.guardianConsent) problems.guardianConsent = '监护人同意：未满 18 周岁需监护人同意后才能登记';
  }
  return problems;
}

/** The request body: only what applies (a 居民身份证 carries its own birth date and sex). */
export function toRegistration(draft: RegistrationDraft, today: string): VolunteerRegistration {
  const band = draftAgeBand(draft, today);
  const minor = band !== null && needsGuardian(band);
  return {
    realName: draft.realName.trim(),
    idType: draft.idType,
    idNumber: draft.idNumber.trim(),
    ...(draft.idType === 'resident' ? {} : { birthDate: draft.birthDate, sex: draft.sex || undefined }),
    phone: draft.phone.trim(),
    communityId: draft.communityId,
    skills: draft.skills,
    availability: draft.availability,
    isPartyMember: draft.isPartyMember,
    ...(draft.nationalVolunteerNumber.trim() ? { nationalVolunteerNumber: draft.nationalVolunteerNumber.trim() } : {}),
    ...(minor ? { guardianName: draft.guardianName.trim(), guardianPhone: draft.guardianPhone.trim(), guardianConsent: draft.guardianConsent } : {}),
  };
}
