import { act, fireEvent, render, waitFor } from '@testing-library/react';
import { fetchTowns } from '@/lib/api/endpoints';
import { useSession } from '@/lib/stores/session';
import { initialSettings, useSettings } from '@/lib/stores/settings';
import { taroTestControl } from '../../../../../tests-client/taroMock';
import { testWorker } from '../../../../../tests-client/signedIn';
import { typeInto } from '../../../../../tests-client/typeInto';
import { createPoint } from '../../api';
import { editable } from '../../testFixtures';
import CreatePointPage from './index';

jest.mock('../../api');
jest.mock('@/lib/api/endpoints');
const mocked = { create: jest.mocked(createPoint), towns: jest.mocked(fetchTowns) };
const click = (id: string) => act(() => fireEvent.click(document.getElementById(id)!));
const streetWorker = { ...testWorker, id: 4, displayName: '刘建华', scope: { communityId: null, townCode: '220681002', servicePointId: null } };
const TOWNS = [
  { code: '220681002', name: '新市街道', communities: [{ id: 'xinshi', name: '新市社区', lat: 41.811, lng: 126.925 }, { id: 'yanjiang', name: '沿江社区', lat: 41.8, lng: 126.93 }] },
  { code: '220681001', name: '建国街道', communities: [{ id: 'jianguo', name: '建国社区', lat: 41.82, lng: 126.9 }] },
] as Awaited<ReturnType<typeof fetchTowns>>;

function fillThePoint() {
  typeInto('edit-name', '沿江便民修车');
  typeInto('edit-phone', '0439-5381234');
  typeInto('edit-address', '临江市沿江路 8 号');
  typeInto('edit-lat', '41.801');
  typeInto('edit-lng', '126.931');
  click('category-party-government');
  click(document.querySelector('[id^="subcategory-"]')!.id);
}

beforeEach(() => {
  jest.resetAllMocks();
  taroTestControl.reset();
  useSettings.setState({ ...initialSettings(), firstLaunchDone: true });
  mocked.towns.mockResolvedValue(TOWNS);
});

describe('新增服务点', () => {
  it('lets a 街道 worker put the point in a 社区 of their street, and asks for one first', async () => {
    useSession.setState({ user: streetWorker });
    render(<CreatePointPage />);
    await waitFor(() => expect(document.getElementById('community-yanjiang')).toBeTruthy());
    expect(document.getElementById('community-jianguo')).toBeNull(); // another street's
    fillThePoint();
    click('edit-save');
    expect(document.getElementById('edit-community')!.textContent).toContain('请选择社区');
    expect(mocked.create).not.toHaveBeenCalled();
    mocked.create.mockResolvedValueOnce(editable({ id: 'sp-new', name: '沿江便民修车', communityId: 'yanjiang' }));
    click('community-yanjiang');
    click('edit-save');
    await waitFor(() => expect(mocked.create).toHaveBeenCalledWith(expect.objectContaining({ communityId: 'yanjiang', name: '沿江便民修车' })));
    expect(await waitFor(() => document.getElementById('create-done')!.textContent)).toContain('沿江便民修车');
  });

  it('takes a 社区 worker\u2019s own 社区 without asking', async () => {
    useSession.setState({ user: testWorker });
    render(<CreatePointPage />);
    await waitFor(() => expect(document.getElementById('edit-name')).toBeTruthy());
    expect(document.getElementById('edit-community')).toBeNull();
    expect(mocked.towns).not.toHaveBeenCalled();
  });
});
