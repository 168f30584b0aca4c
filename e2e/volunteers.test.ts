/**
 * Browser journey of volunteer sign-up (issue 9). Server and phone clocks start at 09:00 China time on
 * 2026-12-01; a worker has published an activity that starts at 09:25 (check-in is open from 08:55).
 *   1. 王秀兰 (`resident`) opens 志愿服务, registers — a mistyped ID number is refused under its field and
 *      corrected without retyping the rest — signs up, and checks in with the 6-digit code the worker shows;
 *   2. two hours pass (the activity's times and her check-in move back in the database); the worker (`worker`)
 *      checks her out from the roster and confirms 1.5 hours;
 *   3. she sees the hours in 我的志愿 and her 志愿服务证明;
 *   4. 李志强 (`volunteer`) signs up for another activity in 长辈版: text ≥ 20 px, targets ≥ 60 px.
 * Every page visited passes axe-core (no serious or critical violations).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import type { ActivityDetail, CheckInCode, Roster } from '@contract/volunteers';
import { checkCharacter } from '@contract/rules/id-number';
import { apiToken, signInAs } from './accounts';
import { assertElderSizes, confirmModal, typeInto } from './steps';
import { startApp, type App } from './harness';

const CLOCK_START = '2026-12-01T01:00:00.000Z';
const MINUTE = 60_000;
const at = (minutes: number) => new Date(Date.parse(CLOCK_START) + minutes * MINUTE).toISOString();
const ID_FIRST_17 = '22068119620518002';
const ID_NUMBER = ID_FIRST_17 + checkCharacter(ID_FIRST_17);
const WRONG_ID = ID_FIRST_17 + (ID_NUMBER.endsWith('0') ? '1' : '0');

/** Waits until the element stops sliding in (the page transition), so a screenshot shows the whole page. */
async function settledShot(app: App, selector: string, name: string): Promise<void> {
  let previous = -1;
  for (let i = 0; i < 40; i += 1) {
    const box = await app.visible(selector).boundingBox();
    if (box && Math.abs(box.x - previous) < 0.5) break;
    previous = box?.x ?? -1;
    await app.page.waitForTimeout(100);
  }
  await app.screenshot(name);
}

describe('volunteer sign-up in the browser', () => {
  let app: App;
  let dir: string;
  let activity: ActivityDetail;
  let later: ActivityDetail;
  let workerToken: string;
  let signupId = 0;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linjiang-e2e-volunteers-'));
    app = await startApp({ serverEnv: { CLOCK_START, DATABASE_PATH: path.join(dir, 'volunteers.sqlite') } });
    await app.context.clock.install({ time: new Date(CLOCK_START) });
    workerToken = await apiToken(app, 'worker');
    const publish = (title: string, start: number, minutes: number, deadline: number) =>
      app.api<ActivityDetail>(
        'POST',
        '/api/activities',
        {
          communityId: 'xinshi',
          teamId: 'xinshi-vt',
          title,
          description: '陪独居老人聊天，帮忙看看家里水电是否安全。',
          address: '新市社区党群服务中心',
          startsAt: at(start),
          endsAt: at(start + minutes),
          signupDeadline: at(deadline),
          capacity: 3,
          targetGroup: 'left-behind-elders',
          safeguards: ['insurance', 'water'],
        },
        workerToken,
      );
    const first = await publish('陪伴独居老人聊天', 25, 120, 15);
    assert.equal(first.status, 201, JSON.stringify(first.body));
    activity = first.body;
    const second = await publish('长者食堂助餐', 60 * 24 * 3, 120, 60 * 24 * 2);
    assert.equal(second.status, 201, JSON.stringify(second.body));
    later = second.body;
  });
  after(async () => {
    await app?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a resident registers (a wrong ID number corrected without retyping), signs up and checks in with the code', () =>
    app.step('volunteers-register-sign-up', async () => {
      await app.openApp('/pages/home/index');
      await app.tap('consent-agree');
      await signInAs(app, 'resident');
      await app.openApp('/pages/home/index');
      await app.tap('entry-volunteers');
      await app.waitForVisible(`#activity-${activity.id}`);
      assert.match(await app.visible(`#activity-${activity.id}`).innerText(), /招募中[\s\S]*陪伴独居老人聊天[\s\S]*还剩 3 个名额/);
      await app.assertAccessible('volunteers: activity list');

      await app.tap(`activity-${activity.id}`);
      await app.waitForVisible('#activity-detail');
      assert.match(await app.visible('#activity-detail').innerText(), /新市社区党群服务中心[\s\S]*留守老人[\s\S]*2 小时[\s\S]*意外保险、饮水/);
      await app.assertAccessible('volunteers: activity detail');
      await app.tap('activity-register');
      await app.waitForVisible('#reg-submit');

      await typeInto(app, 'reg-name', '王秀兰');
      await typeInto(app, 'reg-id-number', WRONG_ID);
      await typeInto(app, 'reg-phone', '13904391234');
      await app.tap('reg-skill-companionship');
      await app.tap('reg-availability-weekend');
      await app.tap('reg-submit');
      await app.waitForVisible('#reg-id-number-error');
      assert.equal(await app.visible('#reg-id-number-error').innerText(), '身份证号：校验位不对，请逐位核对');
      // Everything else is still there.
      assert.equal(await app.visible('#reg-name input').inputValue(), '王秀兰');
      assert.equal(await app.visible('#reg-phone input').inputValue(), '13904391234');
      assert.equal(await app.visible('#reg-skill-companionship').getAttribute('aria-checked'), 'true');
      await app.screenshot('volunteers-register-refused');
      await app.assertAccessible('volunteers: registration refused');

      await typeInto(app, 'reg-id-number', ID_NUMBER);
      await app.tap('reg-submit');
      await app.page.getByText('您已登记为志愿者').filter({ visible: true }).waitFor();
      await confirmModal(app);
      await app.waitForVisible('#activity-signup');

      await app.tap('activity-signup');
      await confirmModal(app);
      await app.page.getByText(/报名成功/).filter({ visible: true }).waitFor();
      await confirmModal(app);
      await app.page.locator('#my-signup:visible', { hasText: '您已报名' }).waitFor();
      assert.match(await app.visible('#activity-places').innerText(), /还剩 2 个名额/);

      const { body: code } = await app.api<CheckInCode>('GET', `/api/activities/${activity.id}/checkin-code`, undefined, workerToken);
      await typeInto(app, 'checkin-code', code.code);
      await app.tap('checkin-submit');
      await app.page.locator('#checkin-box:visible', { hasText: '已于 09:' }).waitFor();
      await app.screenshot('volunteers-checked-in');
      await app.assertAccessible('volunteers: checked in');

      const { body: roster } = await app.api<Roster>('GET', `/api/activities/${activity.id}/signups`, undefined, workerToken);
      signupId = roster.items[0].signupId;
      assert.equal(roster.items[0].volunteerName, '王秀兰');
    }));

  it('two hours later the worker checks her out from the roster and confirms the hours', () =>
    app.step('volunteers-worker-attendance', async () => {
      // Time passes: the activity and her check-in move two hours back, as if the morning had gone by.
      const db = new Database(path.join(dir, 'volunteers.sqlite'));
      try {
        const back = (iso: string) => new Date(Date.parse(iso) - 120 * MINUTE).toISOString();
        const row = db.prepare('select starts_at, ends_at, signup_deadline from activities where id = ?').get(activity.id) as Record<string, string>;
        db.prepare('update activities set starts_at = ?, ends_at = ?, signup_deadline = ? where id = ?').run(back(row.starts_at), back(row.ends_at), back(row.signup_deadline), activity.id);
        const signup = db.prepare('select checked_in_at from activity_signups where id = ?').get(signupId) as { checked_in_at: string };
        db.prepare('update activity_signups set checked_in_at = ? where id = ?').run(back(signup.checked_in_at), signupId);
      } finally {
        db.close();
      }

      await signInAs(app, 'worker');
      await app.tap('me-volunteer-manage');
      await app.waitForVisible(`#manage-${activity.id}`);
      await app.assertAccessible('volunteers staff: activities');
      await app.tap(`manage-${activity.id}`);
      await app.waitForVisible(`#roster-${signupId}`);
      await app.tap('code-show');
      assert.match(await app.visible('#checkin-code-shown').innerText(), /^\d{6}$/);
      await app.visible('#code-box [role="img"]').waitFor(); // the QR code weapp scans
      assert.match(await app.visible(`#roster-${signupId}-status`).innerText(), /已签到/);
      await app.assertAccessible('volunteers staff: roster');

      await app.tap(`roster-${signupId}-check-out`);
      await app.page.locator(`#roster-${signupId}-status:visible`, { hasText: '1.5 小时，待确认' }).waitFor();
      await app.tap(`roster-${signupId}-confirm`);
      await confirmModal(app);
      await app.page.locator(`#roster-${signupId}-status:visible`, { hasText: '已确认 1.5 小时' }).waitFor();
      await settledShot(app, `#roster-${signupId}`, 'volunteers-roster-confirmed');

      // Back on the list: export this month's confirmed records (the file the browser saves).
      await app.tap('roster-back');
      await app.waitForVisible('#export-submit');
      const download = app.page.waitForEvent('download');
      await app.tap('export-submit');
      const file = await (await download).path();
      const csv = fs.readFileSync(file);
      assert.deepEqual([...csv.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 with BOM');
      const text = csv.toString('utf8');
      assert.match(text, /"序号","姓名","证件类型","证件号码"/);
      assert.match(text, new RegExp(`"王秀兰","居民身份证","${ID_NUMBER}"[^\n]*"1\\.5"`));
      await app.assertAccessible('volunteers staff: activities with export');
    }));

  it('she sees her hours in 我的志愿 and her 志愿服务证明', () =>
    app.step('volunteers-hours-certificate', async () => {
      await signInAs(app, 'resident');
      await app.tap('me-volunteering');
      await app.waitForVisible('#mine-total-hours');
      assert.equal(await app.visible('#mine-total-hours').innerText(), '1.5 小时');
      await app.assertAccessible('volunteers: 我的志愿');
      await app.tap(`record-${signupId}-certificate`);
      await app.waitForVisible('#certificate');
      const text = await app.visible('#certificate').innerText();
      assert.match(text, /志愿服务证明/);
      assert.match(text, /姓名：王秀兰/);
      assert.match(text, new RegExp(`证件：居民身份证 2206\\*{10}${ID_NUMBER.slice(-4)}`));
      assert.doesNotMatch(text, new RegExp(ID_NUMBER));
      assert.match(text, /服务时长：1\.5 小时/);
      assert.match(text, /出具单位：临江市新市街道新市社区居民委员会/);
      assert.match(text, /编号：LJZY-2026-/);
      await settledShot(app, '#certificate', 'volunteers-certificate');
      await app.assertAccessible('volunteers: certificate');
    }));

  it('李志强 signs up in 长辈版: big text and big targets on every page', () =>
    app.step('volunteers-elder-sign-up', async () => {
      await signInAs(app, 'volunteer');
      await app.tap('me-settings');
      await app.tap('elder-mode-switch');
      await app.waitForVisible('#page-root[data-elder="on"]');
      await app.tap('settings-back');
      await app.openApp('/pages/home/index');
      await assertElderSizes(app, '首页', ['#entry-volunteers']);
      await app.tap('entry-volunteers');
      await app.waitForVisible(`#activity-${later.id}`);
      await assertElderSizes(app, 'activity list', ['#filter-recruiting', `#activity-${later.id}`, '#activities-back']);
      await app.assertAccessible('volunteers (长辈版): activity list');
      await app.tap(`activity-${later.id}`);
      await app.waitForVisible('#activity-signup');
      await assertElderSizes(app, 'activity detail', ['#activity-signup', '#activity-back']);
      await app.assertAccessible('volunteers (长辈版): activity detail');
      await app.tap('activity-signup');
      await confirmModal(app);
      await app.page.getByText(/报名成功/).filter({ visible: true }).waitFor();
      await confirmModal(app);
      await app.page.locator('#my-signup:visible', { hasText: '您已报名' }).waitFor();
      await assertElderSizes(app, 'signed up', ['#activity-cancel-signup']);
      await settledShot(app, '#my-signup', 'volunteers-elder-signed-up');
      await app.assertAccessible('volunteers (长辈版): signed up');
    }));
});
