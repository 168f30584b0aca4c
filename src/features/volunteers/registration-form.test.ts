import { checkCharacter } from '@contract/rules/id-number';
import { checkDraft, draftAgeBand, emptyDraft, toRegistration } from './registration-form';

const TODAY = '2026-11-26';
const id = (first17: string) => first17 + checkCharacter(first17);
const adult = id('22068119850315001');

const filled = () => ({ ...emptyDraft('xinshi'), realName: '王秀兰', idNumber: adult, phone: '13904391234', availability: ['weekend'] });

describe('registration draft', () => {
  it('passes a complete adult draft and sends no guardian or birth date', () => {
    expect(checkDraft(filled(), TODAY)).toEqual({});
    const body = toRegistration(filled(), TODAY);
    expect(body).toEqual({ realName: '王秀兰', idType: 'resident', idNumber: adult, phone: '13904391234', communityId: 'xinshi', skills: [], availability: ['weekend'], isPartyMember: false });
  });

  it('names a wrong check digit under the ID number only', () => {
    const draft = { ...filled(), idNumber: adult.slice(0, 17) + (adult[17] === '0' ? '1' : '0') };
    expect(checkDraft(draft, TODAY)).toEqual({ idNumber: '身份证号：校验位不对，请逐位核对' });
  });

  it('asks for a guardian from the age the ID number gives', () => {
    const teen = { ...filled(), idNumber: id('22068120110101001') };
    expect(draftAgeBand(teen, TODAY)).toBe('guardian');
    expect(Object.keys(checkDraft(teen, TODAY)).sort()).toEqual(['guardianConsent', 'guardianName', 'guardianPhone']);
    const withGuardian = { ...teen, guardianName: '家长', guardianPhone: '13600001111', guardianConsent: true };
    expect(checkDraft(withGuardian, TODAY)).toEqual({});
    expect(toRegistration(withGuardian, TODAY)).toMatchObject({ guardianName: '家长', guardianConsent: true });
    expect(checkDraft({ ...filled(), idNumber: id('22068120180101001') }, TODAY).idNumber).toContain('年满 10 周岁');
  });
});
