import { toActivityBody, emptyActivityDraft } from './activity-form';

describe('activity draft', () => {
  it('turns China-local dates and times into instants', () => {
    const body = toActivityBody({ ...emptyActivityDraft('xinshi'), title: ' 扫雪 ', date: '2026-12-05', startTime: '09:00', endTime: '11:30', deadlineDate: '2026-12-04', deadlineTime: '18:00', address: '新市社区' });
    expect(body).toMatchObject({
      title: '扫雪',
      startsAt: '2026-12-05T01:00:00.000Z',
      endsAt: '2026-12-05T03:30:00.000Z',
      signupDeadline: '2026-12-04T10:00:00.000Z',
      capacity: 10,
      communityId: 'xinshi',
    });
  });

  it('passes an impossible time through for the server to name', () => {
    const body = toActivityBody({ ...emptyActivityDraft('xinshi'), date: '2026-13-05' });
    expect(body.startsAt).toBe('2026-13-05 09:00');
  });
});
