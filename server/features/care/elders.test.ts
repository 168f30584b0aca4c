import type { BindElderResult, ElderDetail, ElderPage, ElderSummary } from '@contract/care';
import type { MessagePage } from '@contract/messages';
import type { DemoAccountKey } from '@contract/auth';
import { createTestApp, type TestApp } from '../../testing/app';

// A fresh database per file (PostgreSQL: created, migrated and seeded) takes seconds on a busy machine.
jest.setTimeout(30_000);

let t: TestApp;
const headers: Partial<Record<DemoAccountKey, { authorization: string }>> = {};
const as = (account: DemoAccountKey) => headers[account]!;
let mother: ElderSummary;

const MOTHER_ID_NUMBER = '220681194403081221';
/** Valid check digits, invented people. */
const NEW_ELDER = '220681194005050024';
const OTHER_ELDER = '220681193910100015';

beforeAll(async () => {
  t = await createTestApp();
  for (const account of ['resident', 'elder', 'volunteer', 'worker', 'street', 'provider'] as const) {
    headers[account] = await t.signIn(account);
  }
  mother = (await get('/api/elders', 'elder')).json().items[0];
});
afterAll(() => t.close());

function get(url: string, account: DemoAccountKey) {
  return t.app.inject({ method: 'GET', url, headers: as(account) });
}
const post = (url: string, account: DemoAccountKey, payload: object) => t.app.inject({ method: 'POST', url, headers: as(account), payload });
const del = (url: string, account: DemoAccountKey) => t.app.inject({ method: 'DELETE', url, headers: as(account) });
const lastMessage = async (account: DemoAccountKey) => ((await get('/api/messages', account)).json() as MessagePage).items[0];

describe('the seeded family', () => {
  it('shows 张桂芝 to herself and to her daughter, with the ID number masked', async () => {
    expect(mother).toMatchObject({
      name: '张桂芝',
      maskedIdNumber: '2206**********1221',
      birthDate: '1944-03-08',
      age: 82,
      communityId: 'xinshi',
      communityName: '新市社区',
      classes: ['advanced-age', 'living-alone'],
      dibao: false,
      access: 'self',
      relation: null,
      canBook: true,
    });
    expect(mother.bathAssessedOn).not.toBeNull();
    expect(mother.pendingBindings).toBe(0);
    const daughter: ElderPage = (await get('/api/elders', 'resident')).json();
    const { pendingBindings: _own, ...shared } = mother;
    expect(daughter.items).toEqual([{ ...shared, access: 'active', relation: '子女' }]);
  });

  it('gives phones in full to the elder and the worker (audited), masked to the relative', async () => {
    const own: ElderDetail = (await get(`/api/elders/${mother.id}`, 'elder')).json();
    expect(own.phone).toBe('13904395566');
    expect(own.emergencyContacts).toEqual([{ name: '王秀兰', relation: '女儿', phone: '13904391234' }]);
    expect(own.relatives).toEqual([
      expect.objectContaining({ name: '王**', relation: '子女', status: 'active', confirmedBy: 'worker' }),
    ]);
    const daughter: ElderDetail = (await get(`/api/elders/${mother.id}`, 'resident')).json();
    expect(daughter.phone).toBe('139****5566');
    expect(daughter.emergencyContacts[0].phone).toBe('139****1234');
    expect(daughter.relatives).toEqual([]);
    expect(JSON.stringify(daughter)).not.toContain(MOTHER_ID_NUMBER);
    const worker: ElderDetail = (await get(`/api/elders/${mother.id}`, 'worker')).json();
    expect(worker.phone).toBe('13904395566');
    expect(worker.access).toBe('worker');
    const audit = await t.app.db.selectFrom('audit_log').selectAll().where('action', '=', 'elder.view_profile').execute();
    expect(audit.at(-1)).toMatchObject({ subject_type: 'elder', subject_id: String(mother.id) });
    expect(audit.at(-1)!.detail).not.toContain('张桂芝');
  });

  it('hides her from anyone unbound (404) and from a provider', async () => {
    for (const account of ['volunteer', 'provider'] as const) {
      const response = await get(`/api/elders/${mother.id}`, account);
      expect(response.statusCode).toBe(404);
      expect(response.json().error.message).toBe('没有找到这位老人，或您还没有绑定这位老人');
    }
    expect(((await get('/api/elders', 'volunteer')).json() as ElderPage).items).toEqual([]);
  });

  it('stores the ID number and phones encrypted only', async () => {
    const row = await t.app.db.selectFrom('elder_profiles').selectAll().where('id', '=', mother.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(MOTHER_ID_NUMBER);
    expect(JSON.stringify(row)).not.toContain('13904395566');
    expect(t.app.privacy.decrypt(row.id_number_encrypted)).toBe(MOTHER_ID_NUMBER);
  });
});

describe('workers', () => {
  it('list the elders of their 社区 only; a street worker those of every 社区 of the street', async () => {
    const worker: ElderPage = (await get('/api/elders?limit=50', 'worker')).json();
    expect(new Set(worker.items.map((e) => e.communityId))).toEqual(new Set(['xinshi']));
    expect(worker.items.map((e) => e.name)).toEqual(expect.arrayContaining(['张桂芝', '李文华', '赵淑兰']));
    const street: ElderPage = (await get('/api/elders?limit=50', 'street')).json();
    expect(new Set(street.items.map((e) => e.communityId))).toEqual(new Set(['xinshi', 'yanjiang', 'xinshi-xinghua']));
    expect((await get('/api/elders?community=yanjiang', 'worker')).statusCode).toBe(403);
    const alone: ElderPage = (await get('/api/elders?class=living-alone', 'street')).json();
    expect(alone.items.every((e) => e.classes.includes('living-alone'))).toBe(true);
    expect(alone.items.map((e) => e.name).sort()).toEqual(['张桂芝', '赵淑兰', '钱玉梅'].sort());
    const page1: ElderPage = (await get('/api/elders?limit=2', 'street')).json();
    const page2: ElderPage = (await get(`/api/elders?limit=2&cursor=${encodeURIComponent(page1.nextCursor!)}`, 'street')).json();
    expect(page2.items[0].id).not.toBe(page1.items[1].id);
    expect((await get('/api/elders?class=rich', 'worker')).json().error.fields.class).toBe('老人类别：不是可选的老人类别');
  });

  it('set the classes, 低保 and the bath assessment; nobody else can', async () => {
    const zhou = ((await get('/api/elders?q=周', 'street')).json() as ElderPage).items[0];
    expect(zhou.communityId).toBe('xinshi-xinghua');
    const body = { classes: ['advanced-age', 'empty-nest'], dibao: true, bathAssessedOn: '2026-11-20' };
    expect((await post(`/api/elders/${zhou.id}/classes`, 'worker', body)).statusCode).toBe(404);
    expect((await post(`/api/elders/${mother.id}/classes`, 'resident', body)).statusCode).toBe(403);
    expect((await post(`/api/elders/${mother.id}/classes`, 'elder', body)).statusCode).toBe(403);
    const set = await post(`/api/elders/${zhou.id}/classes`, 'street', body);
    expect(set.statusCode).toBe(200);
    expect(set.json()).toMatchObject({ classes: ['advanced-age', 'empty-nest'], dibao: true, bathAssessedOn: '2026-11-20' });
    const bad = await post(`/api/elders/${zhou.id}/classes`, 'street', { ...body, classes: ['rich'] });
    expect(bad.json().error.fields['classes.0']).toBe('老人类别：不是可选的老人类别');
    const future = await post(`/api/elders/${zhou.id}/classes`, 'street', { ...body, bathAssessedOn: '2026-12-01' });
    expect(future.json().error.fields.bathAssessedOn).toBe('助浴评估日期：不能晚于今天');
    const audit = await t.app.db.selectFrom('audit_log').select('detail').where('action', '=', 'elder.set_classes').execute();
    expect(audit.at(-1)!.detail).toContain('advanced-age,empty-nest');
  });
});

describe('creating a profile', () => {
  const base = { name: '孙秀英', address: '临江市新市街道新市社区和平街 5 号', communityId: 'xinshi', livingSituation: 'alone' };

  it('refuses a wrong ID number, an unknown community, a missing name, naming the field', async () => {
    const badId = await post('/api/elders', 'volunteer', { ...base, relation: '子女', idNumber: '220681194005050025' });
    expect(badId.statusCode).toBe(400);
    expect(badId.json().error.fields.idNumber).toBe('身份证号：校验位不对，请逐位核对');
    const place = await post('/api/elders', 'volunteer', { ...base, relation: '子女', idNumber: NEW_ELDER, communityId: 'atlantis' });
    expect(place.json().error.fields.communityId).toBe('社区：没有这个社区');
    const noName = await post('/api/elders', 'volunteer', { ...base, name: ' ', relation: '子女', idNumber: NEW_ELDER });
    expect(noName.json().error.fields.name).toBe('姓名：不能为空');
    const relation = await post('/api/elders', 'volunteer', { ...base, relation: '邻居', idNumber: NEW_ELDER });
    expect(relation.json().error.fields.relation).toMatch(/^关系：/);
  });

  it('lets a relative create the profile of an elder without the app: bound once a worker approves', async () => {
    const created = await post('/api/elders', 'volunteer', { ...base, relation: '子女', idNumber: NEW_ELDER, phone: '13512345678' });
    expect(created.statusCode).toBe(201);
    const elder: ElderDetail = created.json();
    expect(elder).toMatchObject({ access: 'pending', canBook: false, birthDate: '1940-05-05', classes: [], maskedIdNumber: '2206**********0024' });
    const booking = await t.app.inject({
      method: 'POST',
      url: '/api/bookings',
      headers: as('volunteer'),
      payload: { elderId: elder.id, slotId: 'cs-xinshi-lunch:2026-11-27:1100', mealMode: 'dine-in' },
    });
    expect(booking.statusCode).toBe(404);
    expect(booking.json().error.message).toBe('您与这位老人的绑定还没有生效，请等老人确认或社区审核后再预约');
    // The worker of the 社区 finds the request among the elders waiting for approval, and approves it.
    const waiting: ElderPage = (await get('/api/elders?pending=true', 'worker')).json();
    expect(waiting.items.map((e) => [e.id, e.pendingBindings])).toEqual([[elder.id, 1]]);
    const seen: ElderDetail = (await get(`/api/elders/${elder.id}`, 'worker')).json();
    expect(seen.pendingBindings).toBe(1);
    const request = seen.relatives.find((r) => r.status === 'pending')!;
    expect(request).toMatchObject({ name: '李**', relation: '子女' });
    const approved = await post(`/api/elders/${elder.id}/confirm-binding`, 'worker', { bindingId: request.bindingId });
    expect(approved.statusCode).toBe(200);
    expect(((await get('/api/elders?pending=true', 'worker')).json() as ElderPage).items).toEqual([]);
    expect(((await get(`/api/elders/${elder.id}`, 'volunteer')).json() as ElderDetail)).toMatchObject({ access: 'active', canBook: true });
    expect(await lastMessage('volunteer')).toMatchObject({ title: '家属绑定成功' });
  });

  it('refuses a second profile for the same ID number, and a second own profile', async () => {
    const again = await post('/api/elders', 'resident', { ...base, relation: '亲属', idNumber: NEW_ELDER });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('这位老人已经建档，请用「绑定家人」申请绑定');
    const own = await post('/api/elders', 'elder', { ...base, relation: 'self', idNumber: OTHER_ELDER });
    expect(own.statusCode).toBe(409);
    expect(own.json().error.message).toBe('您已经建立了本人档案，可在「家人」里查看');
  });

  it('lets only workers create profiles as the 社区, in their own 社区', async () => {
    expect((await post('/api/elders', 'resident', { ...base, relation: 'worker', idNumber: OTHER_ELDER })).statusCode).toBe(403);
    expect((await post('/api/elders', 'worker', { ...base, relation: 'worker', idNumber: OTHER_ELDER, communityId: 'yanjiang' })).statusCode).toBe(403);
    const made = await post('/api/elders', 'worker', { ...base, relation: 'worker', idNumber: OTHER_ELDER });
    expect(made.statusCode).toBe(201);
    expect(made.json()).toMatchObject({ access: 'worker', canBook: false, relatives: [] });
  });
});

describe('binding by the elder’s code', () => {
  let result: BindElderResult;

  it('finds the elder only by the right name and ID number', async () => {
    const wrongName = await post('/api/elders/bind', 'volunteer', { name: '张桂兰', idNumber: MOTHER_ID_NUMBER, relation: '亲属' });
    expect(wrongName.statusCode).toBe(404);
    const self = await post('/api/elders/bind', 'elder', { name: '张桂芝', idNumber: MOTHER_ID_NUMBER, relation: '亲属' });
    expect(self.json().error.message).toBe('这是您本人的档案，不需要绑定');
    const already = await post('/api/elders/bind', 'resident', { name: '张桂芝', idNumber: MOTHER_ID_NUMBER, relation: '子女' });
    expect(already.json().error.message).toBe('您已经绑定了这位老人');
  });

  it('sends the elder a 6-digit code; a wrong code counts down, the right one binds', async () => {
    const response = await post('/api/elders/bind', 'volunteer', { name: '张桂芝', idNumber: MOTHER_ID_NUMBER, relation: '亲属' });
    expect(response.statusCode).toBe(201);
    result = response.json();
    expect(result).toMatchObject({ confirmWith: 'code', elder: { id: mother.id, access: 'pending', relation: '亲属', canBook: false } });
    expect(result.elder.pendingBindings).toBeUndefined();
    expect(((await get('/api/elders', 'elder')).json() as ElderPage).items[0].pendingBindings).toBe(1);
    const message = await lastMessage('elder');
    expect(message).toMatchObject({ kind: 'elder.binding_requested', title: '家属绑定申请', link: '/features/care/pages/family/index' });
    const code = /绑定码 (\d{6})/.exec(message.body)![1];
    expect(message.body).toContain('李**（亲属）');

    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    const miss = await post(`/api/elders/${mother.id}/confirm-binding`, 'volunteer', { bindingCode: wrong });
    expect(miss.statusCode).toBe(400);
    expect(miss.json().error.fields.bindingCode).toBe('绑定码：不正确，请核对老人收到的绑定码（还可以试 4 次）');
    const shape = await post(`/api/elders/${mother.id}/confirm-binding`, 'volunteer', { bindingCode: '12ab' });
    expect(shape.json().error.fields.bindingCode).toBe('绑定码：应为 6 位数字');
    const ok = await post(`/api/elders/${mother.id}/confirm-binding`, 'volunteer', { bindingCode: code });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ access: 'active', canBook: true });
    const row = await t.app.db.selectFrom('elder_bindings').selectAll().where('id', '=', result.bindingId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'active', confirmed_by: 'code', code_hash: null });
  });

  it('lets the relative leave, and the elder remove a relative; each side is told', async () => {
    const left = await del(`/api/elders/${mother.id}/binding`, 'volunteer');
    expect(left.statusCode).toBe(200);
    expect(await lastMessage('elder')).toMatchObject({ title: '家属绑定已解除' });
    expect((await get(`/api/elders/${mother.id}`, 'volunteer')).statusCode).toBe(404);
    expect((await del(`/api/elders/${mother.id}/binding`, 'volunteer')).statusCode).toBe(404);

    // Asked again, and this time the elder approves in the app, then removes them.
    const again: BindElderResult = (await post('/api/elders/bind', 'volunteer', { name: '张桂芝', idNumber: MOTHER_ID_NUMBER, relation: '其他' })).json();
    expect((await post(`/api/elders/${mother.id}/confirm-binding`, 'resident', { bindingId: again.bindingId })).statusCode).toBe(403);
    const approved = await post(`/api/elders/${mother.id}/confirm-binding`, 'elder', { bindingId: again.bindingId });
    expect(approved.json().access).toBe('self');
    const volunteerId = (await get('/api/me', 'volunteer')).json().user.id;
    expect((await del(`/api/elders/${mother.id}/binding?relative=${volunteerId}`, 'resident')).statusCode).toBe(403);
    const removed = await del(`/api/elders/${mother.id}/binding?relative=${volunteerId}`, 'elder');
    expect(removed.statusCode).toBe(200);
    expect(await lastMessage('volunteer')).toMatchObject({ title: '家属绑定已解除' });
    expect(((await get('/api/elders', 'volunteer')).json() as ElderPage).items.some((e) => e.id === mother.id)).toBe(false);
  });

  it('voids the code after 5 wrong tries', async () => {
    await post('/api/elders/bind', 'provider', { name: '张桂芝', idNumber: MOTHER_ID_NUMBER, relation: '其他' });
    const code = /绑定码 (\d{6})/.exec((await lastMessage('elder')).body)![1];
    const wrong = String((Number(code) + 7) % 1_000_000).padStart(6, '0');
    for (let i = 0; i < 4; i += 1) expect((await post(`/api/elders/${mother.id}/confirm-binding`, 'provider', { bindingCode: wrong })).statusCode).toBe(400);
    const fifth = await post(`/api/elders/${mother.id}/confirm-binding`, 'provider', { bindingCode: wrong });
    expect(fifth.statusCode).toBe(409);
    expect(fifth.json().error.message).toBe('绑定码错误次数过多，请老人在「家人」里直接同意，或请社区工作人员审核');
    const late = await post(`/api/elders/${mother.id}/confirm-binding`, 'provider', { bindingCode: code });
    expect(late.statusCode).toBe(409);
    // Asking again gives no fresh tries: the elder is asked to approve in the app instead.
    const again: BindElderResult = (await post('/api/elders/bind', 'provider', { name: '张桂芝', idNumber: MOTHER_ID_NUMBER, relation: '其他' })).json();
    expect(again.confirmWith).toBe('worker');
    expect((await lastMessage('elder')).body).not.toMatch(/绑定码 \d{6}/);
    expect((await post(`/api/elders/${mother.id}/confirm-binding`, 'provider', { bindingCode: code })).statusCode).toBe(409);
    await del(`/api/elders/${mother.id}/binding`, 'provider');
  });

  it('counts simultaneous wrong tries one by one: never more than 5 compared', async () => {
    await post('/api/elders/bind', 'provider', { name: '张桂芝', idNumber: MOTHER_ID_NUMBER, relation: '其他' });
    const code = /绑定码 (\d{6})/.exec((await lastMessage('elder')).body)![1];
    const guesses = Array.from({ length: 20 }, (_, i) => String((Number(code) + 1 + i) % 1_000_000).padStart(6, '0'));
    const answers = await Promise.all(guesses.map((bindingCode) => post(`/api/elders/${mother.id}/confirm-binding`, 'provider', { bindingCode })));
    expect(answers.filter((a) => a.statusCode === 400)).toHaveLength(4);
    expect(answers.filter((a) => a.statusCode === 409)).toHaveLength(16);
    const row = await t.app.db.selectFrom('elder_bindings').select(['code_attempts', 'code_hash', 'status']).where('elder_id', '=', mother.id).where('relation', '=', '其他').executeTakeFirstOrThrow();
    expect(row).toEqual({ code_attempts: 5, code_hash: null, status: 'pending' });
    await del(`/api/elders/${mother.id}/binding`, 'provider');
  });

  it('shows a pending relative nothing sensitive: no classes, no profile', async () => {
    const pending: BindElderResult = (await post('/api/elders/bind', 'provider', { name: '张桂芝', idNumber: MOTHER_ID_NUMBER, relation: '其他' })).json();
    expect(pending.elder).toMatchObject({ access: 'pending', classes: [], dibao: false, bathAssessedOn: null, canBook: false });
    const detail = await get(`/api/elders/${mother.id}`, 'provider');
    expect(detail.statusCode).toBe(403);
    expect(detail.json().error.message).toBe('绑定生效后才能查看老人的档案，请等老人确认或社区审核');
    await del(`/api/elders/${mother.id}/binding`, 'provider');
  });

  it('expires the code after 24 hours', async () => {
    await post('/api/elders/bind', 'volunteer', { name: '张桂芝', idNumber: MOTHER_ID_NUMBER, relation: '其他' });
    const code = /绑定码 (\d{6})/.exec((await lastMessage('elder')).body)![1];
    t.clock.advance(24 * 60 * 60 * 1000);
    const expired = await post(`/api/elders/${mother.id}/confirm-binding`, 'volunteer', { bindingCode: code });
    expect(expired.statusCode).toBe(409);
    expect(expired.json().error.message).toBe('绑定码已失效，请重新申请绑定，或请社区工作人员审核');
  });
});
