import { cleanup, act, renderHook } from '@testing-library/react';
import { taroMock, taroTestControl } from '../../../tests-client/taroMock';
import { initialSettings, useSettings } from '@/lib/stores/settings';
import { useOrigin } from './origin';
import { useDirectoryOrigin } from './useDirectoryOrigin';

// Every test renders afresh: the previous test's tree must be gone (ids are looked up in the whole document).
afterEach(cleanup);

const HERE = { lat: 41.8, lng: 126.91 };
const XINSHI = { id: 'xinshi', name: '新市社区', lat: 41.811, lng: 126.925 };

beforeEach(() => {
  taroTestControl.reset();
  useSettings.setState({ ...initialSettings(), firstLaunchDone: true, community: { id: 'xinshi', name: '新市社区', phone: '0439-5210548' } });
  // The user allowed the location this session; the community is known too.
  useOrigin.setState({ here: HERE, status: 'idle', useLocation: true, community: XINSHI });
});

describe('选择社区 from the directory', () => {
  it('keeps measuring from the user’s position when they back out of the picker without choosing', () => {
    const { result } = renderHook(() => useDirectoryOrigin());
    expect(result.current.origin).toMatchObject({ kind: 'location' });
    act(() => result.current.chooseCommunity());
    expect(taroMock.navigateTo).toHaveBeenCalledWith({ url: '/features/account/pages/community/index' });
    // Back from the picker, nothing chosen.
    expect(result.current.origin).toMatchObject({ kind: 'location', label: '您的位置' });
  });

  it('measures from the community once one is picked, even the one picked before', () => {
    const { result } = renderHook(() => useDirectoryOrigin());
    act(() => result.current.chooseCommunity());
    act(() => useSettings.getState().chooseCommunity({ id: 'xinshi', name: '新市社区', phone: '0439-5210548' }));
    expect(result.current.origin).toMatchObject({ kind: 'community', label: '新市社区', communityId: 'xinshi' });
  });
});
