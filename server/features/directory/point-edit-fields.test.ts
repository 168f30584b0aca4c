import type { EditablePoint } from '@contract/upkeep';
import { applyPatch, auditDetail, changedFields } from './point-edits';

const closedDay: never[] = [];
const point: EditablePoint = {
  id: 'sp-test',
  name: '测试食堂',
  subcategory: 'elder-canteen',
  address: '新市街 1 号',
  lat: 41.8,
  lng: 126.9,
  phone: '0439-1234567',
  hours: { weekly: { mon: [{ open: '11:00', close: '13:00' }], tue: closedDay, wed: closedDay, thu: closedDay, fri: closedDay, sat: closedDay, sun: closedDay }, holiday: [] },
  pause: null,
  services: [],
  accessibility: [],
  description: '',
  verifiedAt: '2026-11-01',
  version: 3,
  communityId: 'xinshi',
};

describe('a staff edit', () => {
  it('replaces only the fields sent, and names what changed', () => {
    const after = applyPatch(point, { version: 3, phone: '0439-7654321', name: '测试食堂', pause: { from: '2026-12-01', to: '2026-12-05', reason: '装修' } });
    expect(after).toMatchObject({ phone: '0439-7654321', address: point.address, pause: { reason: '装修' } });
    // The name was sent unchanged: not a change.
    expect(changedFields(point, after)).toEqual(['phone', 'pause']);
  });

  it('compares hours whole and can clear a pause', () => {
    const paused = { ...point, pause: { from: '2026-12-01', to: '2026-12-05', reason: '装修' } };
    const after = applyPatch(paused, { version: 3, pause: null, hours: { ...point.hours, holiday: [{ open: '11:00', close: '12:00' }] } });
    expect(after.pause).toBeNull();
    expect(changedFields(paused, after)).toEqual(['hours', 'pause']);
  });

  it('records the changed fields before and after for the audit log', () => {
    const after = { ...applyPatch(point, { version: 3, phone: '0439-7654321' }), version: 4 };
    expect(auditDetail(point, after, ['phone'])).toEqual({
      fields: 'phone',
      fromVersion: 3,
      toVersion: 4,
      before: '{"phone":"0439-1234567"}',
      after: '{"phone":"0439-7654321"}',
    });
  });
});
