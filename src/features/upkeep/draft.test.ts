import { changedFields, changesOf, draftOf, draftProblems, fieldError, reapply } from './draft';
import { editable } from './testFixtures';

describe('the edit draft', () => {
  it('round-trips a point: yuan text back to fen, accessibility split on 、 and commas', () => {
    const draft = { ...draftOf(editable()), accessibility: '无障碍坡道，适老扶手、 助听设备' };
    expect(draft.services[0]).toEqual({ name: '早餐', price: '3.00', unit: '餐', subsidised: true, subsidy: '2.00' });
    const changes = changesOf(draft);
    expect(changes.services).toEqual(editable().services);
    expect(changes.accessibility).toEqual(['无障碍坡道', '适老扶手', '助听设备']);
    expect(changes.pause).toBeNull();
  });

  it('names a price that is not money and a pause without a reason before sending', () => {
    const draft = draftOf(editable());
    draft.services[0].price = '三块';
    draft.pauseOn = true;
    draft.pause = { from: '2026-12-10', to: '2026-12-20', reason: ' ' };
    expect(draftProblems(draft)).toEqual({ 'services.0.priceCents': expect.stringContaining('价格'), 'pause.reason': expect.stringContaining('原因') });
  });

  it('after a conflict keeps the fields the user changed and takes the other edit everywhere else', () => {
    const base = draftOf(editable());
    const mine = { ...base, phone: '0439-1111111' };
    const current = draftOf(editable({ name: '新市长者食堂（新址）', phone: '0439-2222222', version: 4 }));
    expect(changedFields(base, current)).toEqual(['name', 'phone']);
    const merged = reapply(base, mine, current);
    expect(merged.phone).toBe('0439-1111111');
    expect(merged.name).toBe('新市长者食堂（新址）');
  });

  it('finds a field\u2019s error under its path, not under a longer name that starts alike', () => {
    const fields = { 'services.1.priceCents': '价格：不能小于 0', 'phoneNumber': 'x' };
    expect(fieldError(fields, 'services.1')).toBe('价格：不能小于 0');
    expect(fieldError(fields, 'services.0')).toBeUndefined();
    expect(fieldError(fields, 'phone')).toBeUndefined();
  });
});
