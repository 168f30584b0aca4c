import { render } from '@testing-library/react';
import { useSession } from '@/lib/stores/session';
import { testResident, testWorker } from '../../../tests-client/signedIn';
import { StaffGate } from './StaffGate';

const page = () => render(<StaffGate roles={['worker']} who='社区工作人员'><div>纠错待办</div></StaffGate>);

describe('StaffGate', () => {
  it('opens for its roles', () => {
    useSession.setState({ user: testWorker });
    expect(page().queryByText('纠错待办')).toBeTruthy();
  });

  it('asks a guest to sign in rather than showing an empty page', () => {
    useSession.setState({ user: null });
    const { getByText, queryByText } = page();
    expect(getByText('请先登录')).toBeTruthy();
    expect(getByText('去登录')).toBeTruthy();
    expect(queryByText('纠错待办')).toBeNull();
  });

  it('tells anyone else whose page it is', () => {
    useSession.setState({ user: testResident });
    const { getByText, queryByText } = page();
    expect(getByText('这个页面只给社区工作人员使用')).toBeTruthy();
    expect(queryByText('纠错待办')).toBeNull();
  });
});
