import { createTestApp, type TestApp } from '../../testing/app';
import { checkCharacter } from '@contract/rules/id-number';
import { newResident, registration } from './test-fixtures';


// Creating and seeding a fresh database (PostgreSQL on a busy machine) takes more than jest’s 5 s.
jest.setTimeout(30_000);
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const post = (headers: { authorization: string }, payload: unknown) =>
  t.app.inject({ method: 'POST', url: '/api/volunteers', headers, payload: payload as object });

describe('POST /api/volunteers', () => {
  it('registers once: birth date and sex from the ID number, the number masked, stored encrypted', async () => {
    const me = await newResident(t.app.db, '周立', t.app.now());
    const body = registration({ realName: '周立', isPartyMember: true, nationalVolunteerNumber: '22068100099' }, '1990-05-20');
    const response = await post(me, body);
    expect(response.statusCode).toBe(201);
    const profile = response.json();
    expect(profile).toMatchObject({
      realName: '周立',
      idTypeLabel: '居民身份证',
      birthDate: '1990-05-20',
      age: 36,
      accompanied: false,
      maskedPhone: '139****5678',
      communityName: '新市社区',
      isPartyMember: true,
      nationalVolunteerNumber: '22068100099',
      totalHours: 0,
    });
    expect(profile.maskedIdNumber).toBe(`2206**********${body.idNumber.slice(-4)}`);
    expect(response.body).not.toContain(body.idNumber);
    expect(['male', 'female']).toContain(profile.sex);

    const row = await t.app.db.selectFrom('volunteers').selectAll().where('id', '=', profile.id).executeTakeFirstOrThrow();
    expect(row.id_number_encrypted).not.toContain(body.idNumber);
    expect(t.app.privacy.decrypt(row.id_number_encrypted)).toBe(body.idNumber);
    const user = await t.app.db.selectFrom('users').select('is_volunteer').innerJoin('volunteers', 'volunteers.user_id', 'users.id').where('volunteers.id', '=', profile.id).executeTakeFirstOrThrow();
    expect(user.is_volunteer).toBe(1);

    const me2 = await t.app.inject({ method: 'GET', url: '/api/volunteers/me', headers: me });
    expect(me2.json().volunteer).toMatchObject({ id: profile.id, realName: '周立' });
    expect(me2.body).not.toContain(body.idNumber);

    // The same user again, and the same ID number from another account: both 409 in words.
    const again = await post(me, registration({}, '1991-01-01'));
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('已经登记');
    const other = await newResident(t.app.db, '冒名', t.app.now());
    const taken = await post(other, { ...body, realName: '冒名' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.message).toContain('这个证件号码已经登记过');
  });

  it('answers null for someone not registered, 401 when signed out', async () => {
    const resident = await t.signIn('resident');
    expect((await t.app.inject({ method: 'GET', url: '/api/volunteers/me', headers: resident })).json()).toEqual({ volunteer: null });
    expect((await t.app.inject({ method: 'GET', url: '/api/volunteers/me' })).statusCode).toBe(401);
  });

  it('refuses a wrong check digit, a wrong length and an impossible date, naming 身份证号', async () => {
    const me = await newResident(t.app.db, '错号', t.app.now());
    const good = registration({}, '1990-05-20');
    const wrongDigit = good.idNumber.slice(0, 17) + (good.idNumber[17] === '0' ? '1' : '0');
    const cases: Array<[string, string]> = [
      [wrongDigit, '校验位不对'],
      [good.idNumber.slice(0, 17), '应为 18 位'],
      ['22068119900230001' + checkCharacter('22068119900230001'), '出生日期不存在'],
    ];
    for (const [idNumber, words] of cases) {
      const response = await post(me, { ...good, idNumber });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.fields.idNumber).toBe(`身份证号：${response.json().error.fields.idNumber.split('：')[1]}`);
      expect(response.json().error.fields.idNumber).toContain(words);
    }
  });

  it('names every bad field in Chinese', async () => {
    const me = await newResident(t.app.db, '空表', t.app.now());
    const response = await post(me, { realName: '', idType: 'resident', idNumber: 'x', phone: '123', communityId: 'xinshi', availability: [] });
    expect(response.statusCode).toBe(400);
    const fields = response.json().error.fields;
    expect(fields.realName).toMatch(/^真实姓名：/);
    expect(fields.phone).toBe('手机号：请填写 11 位手机号');
    expect(fields.availability).toMatch(/^可服务时间：/);
    const community = await post(me, registration({ communityId: 'nowhere' }));
    expect(community.json().error.fields.communityId).toBe('社区：没有这个社区');
  });

  it('asks 14–17 for a guardian, marks 10–13 as accompanied, refuses under 10 with a reason', async () => {
    const teen = await newResident(t.app.db, '少年', t.app.now());
    const withoutGuardian = await post(teen, registration({}, '2011-01-01'));
    expect(withoutGuardian.statusCode).toBe(400);
    expect(Object.keys(withoutGuardian.json().error.fields).sort()).toEqual(['guardianConsent', 'guardianName', 'guardianPhone']);
    expect(withoutGuardian.json().error.fields.guardianName).toBe('监护人姓名：未满 18 周岁需填写监护人姓名');
    const withGuardian = await post(teen, registration({ guardianName: '少年妈妈', guardianPhone: '13600001111', guardianConsent: true }, '2011-01-01'));
    expect(withGuardian.statusCode).toBe(201);
    expect(withGuardian.json()).toMatchObject({ age: 15, accompanied: false, guardianName: '少年妈妈', maskedGuardianPhone: '136****1111' });

    const child = await newResident(t.app.db, '儿童', t.app.now());
    const childBody = registration({ guardianName: '儿童爸爸', guardianPhone: '13600002222', guardianConsent: true }, '2014-06-01');
    expect((await post(child, { ...childBody, guardianConsent: false })).json().error.fields).toHaveProperty('guardianConsent');
    const accompanied = await post(child, childBody);
    expect(accompanied.statusCode).toBe(201);
    expect(accompanied.json()).toMatchObject({ age: 12, accompanied: true });

    const small = await newResident(t.app.db, '幼童', t.app.now());
    const tooYoung = await post(small, registration({ guardianName: '家长', guardianPhone: '13600003333', guardianConsent: true }, '2018-03-03'));
    expect(tooYoung.statusCode).toBe(400);
    expect(tooYoung.json().error.message).toContain('志愿服务需年满 10 周岁');
  });

  it('takes other ID types with a stated birth date and sex', async () => {
    const me = await newResident(t.app.db, '港澳', t.app.now());
    const missing = await post(me, registration({ idType: 'hk-macao', idNumber: 'H12345678' }));
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields.birthDate).toBe('出生日期：此证件类型需要填写出生日期');
    const ok = await post(me, registration({ idType: 'hk-macao', idNumber: 'h12345678', birthDate: '1988-08-08', sex: 'female' }));
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ idTypeLabel: '港澳居民来往内地通行证', maskedIdNumber: 'H123*5678', birthDate: '1988-08-08' });
  });

  it('seeds the demo volunteer 李志强 with confirmed hours', async () => {
    const volunteer = await t.signIn('volunteer');
    const me = (await t.app.inject({ method: 'GET', url: '/api/volunteers/me', headers: volunteer })).json();
    expect(me.volunteer).toMatchObject({ realName: '李志强', isPartyMember: true });
    expect(me.volunteer.totalHours).toBeGreaterThan(5);
  });
});
