/**
 * 编辑服务点 on the weapp bundle against the real API (mini-runtime.ts + the real server in-process, every wx.request
 * answered by `app.inject`): the 社区 worker signs in, opens the edit page of a 新市社区 point, sees the form filled
 * from GET editable, picks a new position on WeChat's map (wx.chooseLocation, answered here), saves, and the server
 * has the new position with the version one up. Usage: tsx scripts/weapp/headless-upkeep.ts [distDir].
 */
import path from 'node:path';
import type { EditablePointAnswer } from '../../contract/upkeep';
import { fixedClock } from '../../server/lib/clock';
import { createTestApp } from '../../server/testing/app';
import { createChecklist, createMiniRuntime, injectNoting, type AnsweredRequest, runAsProcess, textOf } from './mini-runtime';

const distDir = path.resolve(process.argv[2] ?? 'dist');
const API_BASE = process.env.TARO_APP_API_BASE || 'http://127.0.0.1:3000';
const LOGIN_ROUTE = 'features/account/pages/login/index';
const EDIT_ROUTE = 'features/upkeep/pages/edit/index';
const POINT = 'sp-220681002-repair-0115';
const PICKED = { latitude: 41.803456, longitude: 126.925678, name: '新市修鞋配钥匙', address: '新市街' };

type Callbacks = { success?: (r: unknown) => void; complete?: (r: unknown) => void };

async function main(): Promise<number> {
  const server = await createTestApp({ clock: fixedClock(new Date()) });
  const answered: AnsweredRequest[] = [];
  const runtime = createMiniRuntime({ distDir, request: injectNoting(server.app, API_BASE, answered) });
  // WeChat's map picker: the user picks PICKED (listed on wx before launch, so Taro builds Taro.chooseLocation).
  Object.assign((globalThis as unknown as { wx: Record<string, unknown> }).wx, {
    chooseLocation: (o: Callbacks) => {
      const answer = { ...PICKED, errMsg: 'chooseLocation:ok' };
      setTimeout(() => {
        o.success?.(answer);
        o.complete?.(answer);
      }, 0);
    },
  });
  const { check, finish } = createChecklist();
  try {
    const headers = await server.signIn('worker');
    const before = (await server.app.inject({ method: 'GET', url: `/api/services/${POINT}/editable`, headers })).json() as EditablePointAnswer;

    runtime.launch(LOGIN_ROUTE);
    const login = await runtime.openPage(LOGIN_ROUTE);
    if (login.find('consent-agree')) await login.tap('consent-agree');
    await login.tap('login-demo-worker');
    check('signed in as the 社区 worker 工作人员登录', answered.some((a) => a.url.endsWith('/api/auth/demo') && a.status === 200), answered.map((a) => `${a.status} ${a.url}`).join(', '));
    login.hide();

    const edit = await runtime.openPage(EDIT_ROUTE, { id: POINT });
    // An input's value is a property of its node, not text of the page (Taro's setData names it by a short key).
    const addressInput = edit.find('edit-address') as Record<string, unknown> | undefined;
    const addressShown = Object.values(addressInput ?? {}).includes(before.point.address);
    check('the form is filled from GET editable 表单已填好', Boolean(edit.find('point-form')) && addressShown, `地址：${before.point.address}`);
    check('the weapp offers WeChat’s map 在地图上选位置', Boolean(edit.find('edit-choose-location')), edit.text().slice(0, 200));
    await edit.tap('edit-choose-location');
    check('the picked position is shown 显示新位置', textOf(edit.find('edit-position')).includes('41.803456'), textOf(edit.find('edit-position')));
    await edit.tap('edit-save');

    const patches = answered.filter((a) => a.method === 'PATCH' && a.url === `${API_BASE}/api/services/${POINT}`);
    check('one PATCH answered 200 保存成功', patches.length === 1 && patches[0].status === 200, JSON.stringify(patches) || edit.text().slice(0, 200));
    const after = (await server.app.inject({ method: 'GET', url: `/api/services/${POINT}/editable`, headers })).json() as EditablePointAnswer;
    check(
      'the server has the new position, version one up 服务器已更新',
      after.point.lat === PICKED.latitude && after.point.lng === PICKED.longitude && after.point.version === before.point.version + 1,
      JSON.stringify({ lat: after.point.lat, lng: after.point.lng, version: after.point.version }),
    );
  } finally {
    await server.close();
  }
  return finish(answered, runtime.errors);
}

runAsProcess(main, 'the upkeep run threw 编辑服务点运行失败');
