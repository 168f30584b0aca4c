import { act, fireEvent, render, waitFor } from '@testing-library/react';
import type { PlanningResult, PlanningRow } from '@contract/planning';
import { judge } from '@contract/rules/planning';
import { taroMock, taroTestControl } from '../../../../../tests-client/taroMock';
import { startSignedIn, testWorker } from '../../../../../tests-client/signedIn';
import { useSession } from '@/lib/stores/session';
import { exportPlanning, fetchPlanning } from '../../api';
import PlanningPage from './index';

jest.mock('../../api');
const mockedFetch = jest.mocked(fetchPlanning);
const mockedExport = jest.mocked(exportPlanning);

const streetOfficer = { ...testWorker, id: 4, displayName: '刘建华', scope: { communityId: null, townCode: '220681002', servicePointId: null } };

function row(communityId: string, name: string, visits: number, partyTeams: number): PlanningRow {
  const indicators = [judge('coverage', 100), judge('hours', 100), judge('visits', visits), judge('ratings', 100), judge('volunteers', partyTeams), judge('verification', 100)];
  return {
    communityId,
    name,
    isDemo: false,
    indicators,
    score: indicators.reduce((s, i) => s + i.gap, 0),
    details: {
      coverage: { met: 20, total: 20, items: [], cells: { count: 0, population: null, weighting: 'none', share: null } },
      hours: { facilities: 2, meetsDaily: 2, opensOnHolidays: 2, meetsBoth: 2 },
      visits: { due: 4, visited: (visits / 100) * 4, overdue: 0, monthOver: true },
      ratings: { n: 6, satisfiedRate: 1, badCount: 0, fixedRate: null, onTimeRate: null, openOrders: 0, overdueOrders: 0 },
      volunteers: { teams: 1, partyTeams, communities: 1, communitiesWithPartyTeam: partyTeams ? 1 : 0, volunteers: 3, hours: 6, activities: 1 },
      verification: { points: 5, verified: 5, withinDays: 180 },
    },
  };
}

function result(): PlanningResult {
  const behind = row('yanjiang', '沿江社区', 50, 0);
  const fine = row('xinshi', '新市社区', 100, 1);
  return { month: '2026-11', streets: [{ code: '220681002', name: '新市街道', total: row('', '新市街道', 75, 1), communities: [behind, fine] }] };
}

beforeEach(() => {
  mockedFetch.mockReset();
  mockedExport.mockReset();
  taroTestControl.reset();
  taroTestControl.setRoute('/features/planning/pages/overview/index', {}, 2);
  startSignedIn(streetOfficer);
});

describe('规划监测', () => {
  it('ranks the 社区 behind first and says each shortfall in words, not colour alone', async () => {
    mockedFetch.mockResolvedValue(result());
    render(<PlanningPage />);
    await waitFor(() => expect(document.getElementById('rank-1')).toBeTruthy());
    expect(document.getElementById('rank-1')!.textContent).toMatch(/第 1 名 · 沿江社区 · 2 项未达标/);
    expect(document.getElementById('rank-1')!.textContent).toContain('50% 落后（目标 100%，差 50 个百分点）');
    expect(document.getElementById('rank-2')!.textContent).toContain('全部达标');
    expect(document.getElementById('grid-yanjiang-volunteers')!.textContent).toContain('0 支 落后');
    expect(document.getElementById('grid-xinshi-visits')!.textContent).toContain('100% 达标');
  });

  it('says the coverage from the grid cells beside the centre, or that there are none', async () => {
    const data = result();
    const xinshi = data.streets[0].communities[1];
    xinshi.details.coverage = {
      met: 1,
      total: 1,
      items: [{ id: 'pharmacy', name: '药店', targetMinutes: 8, walkingMinutes: 4, layer: 5, meetsTarget: true, cellShare: 62.5, cellsReached: 2 }],
      cells: { count: 3, population: 4000, weighting: 'population', share: 62.5 },
    };
    mockedFetch.mockResolvedValue(data);
    render(<PlanningPage />);
    await waitFor(() => expect(document.getElementById('details-xinshi')).toBeTruthy());
    expect(document.getElementById('grid-xinshi-coverage')!.textContent).toContain('网格居民 62.5%');
    expect(document.getElementById('details-xinshi')!.textContent).toContain('按人口加权（3 个网格，共 4000 人）');
    expect(document.getElementById('details-xinshi')!.textContent).toContain('药店（62.5%）');
    expect(document.getElementById('details-yanjiang')!.textContent).toContain('没有网格数据，只按社区中心计算');
    expect(document.getElementById('grid-yanjiang-coverage')!.textContent).toContain('网格：暂无数据');
  });

  it('asks the server for the previous month, and exports the month shown', async () => {
    mockedFetch.mockResolvedValue(result());
    render(<PlanningPage />);
    await waitFor(() => expect(document.getElementById('month-previous')).toBeTruthy());
    const first = mockedFetch.mock.calls[0][0];
    act(() => fireEvent.click(document.getElementById('month-previous')!));
    await waitFor(() => expect(mockedFetch).toHaveBeenCalledTimes(2));
    expect(mockedFetch.mock.calls[1][0] < first).toBe(true);
    await waitFor(() => expect(document.getElementById('planning-export')).toBeTruthy());
    mockedExport.mockResolvedValue();
    act(() => fireEvent.click(document.getElementById('planning-export')!));
    await waitFor(() => expect(mockedExport).toHaveBeenCalledWith(mockedFetch.mock.calls[1][0], '220681002'));
    await waitFor(() => expect(taroMock.showToast).toHaveBeenCalled());
  });

  it('is not for a 社区 worker', async () => {
    useSession.setState({ user: testWorker });
    const { findByText } = render(<PlanningPage />);
    expect(await findByText('规划监测给街道和市民政局的工作人员使用')).toBeTruthy();
    expect(mockedFetch).not.toHaveBeenCalled();
  });
});
