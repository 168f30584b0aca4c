import { taroMock, taroTestControl } from '../../tests-client/taroMock';
import { currentPath, goBack, goToLogin, openPath } from './navigation';

beforeEach(() => taroTestControl.reset());

describe('navigation', () => {
  it('goes back when there is a page to go back to, else home (a fresh h5 load has one page)', async () => {
    taroTestControl.setRoute('/features/account/pages/settings/index', {}, 2);
    await goBack();
    expect(taroMock.navigateBack).toHaveBeenCalled();

    taroTestControl.setRoute('/features/account/pages/settings/index', {}, 1);
    await goBack();
    expect(taroMock.reLaunch).toHaveBeenCalledWith({ url: '/pages/home/index' });
  });

  it('opens tab pages with switchTab (without a query) and others with navigateTo or redirectTo', async () => {
    await openPath('/pages/me/index?x=1');
    expect(taroMock.switchTab).toHaveBeenCalledWith({ url: '/pages/me/index' });
    await openPath('/features/account/pages/privacy/index');
    expect(taroMock.navigateTo).toHaveBeenCalledWith({ url: '/features/account/pages/privacy/index' });
    await openPath('/features/account/pages/privacy/index', 'replace');
    expect(taroMock.redirectTo).toHaveBeenCalledWith({ url: '/features/account/pages/privacy/index' });
  });

  it('knows the current page with its own query, without Taro’s bookkeeping parameters', () => {
    taroTestControl.setRoute('features/directory/pages/detail/index', { id: '12', $taroTimestamp: '99' });
    expect(currentPath()).toBe('/features/directory/pages/detail/index?id=12');
  });

  it('opens one login page when several requests fail with 401 at once', async () => {
    taroTestControl.setRoute('/features/directory/pages/detail/index', { id: '3' }, 2);
    await Promise.all([goToLogin(), goToLogin(), goToLogin()]);
    expect(taroMock.navigateTo).toHaveBeenCalledTimes(1);
  });

  it('never stacks a login page on a login page', async () => {
    taroTestControl.setRoute('/features/account/pages/login/index', { redirect: '%2Fpages%2Fme%2Findex' });
    await goToLogin();
    expect(taroMock.navigateTo).not.toHaveBeenCalled();
  });
});
