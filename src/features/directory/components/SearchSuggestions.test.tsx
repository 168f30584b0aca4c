import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { SearchSuggestions } from '@contract/directory';
import { fakeServer } from '../../../../tests-client/fakeServer';
import { api } from '@/lib/api/client';
import { NO_FILTERS, type ServiceList } from '../useServiceList';
import { ServiceResults } from './ServiceResults';

afterEach(cleanup);
jest.mock('../api', () => ({ fetchRatingSummaries: jest.fn(async () => []) }));

const empty: ServiceList = {
  items: [], beyond: [], loading: false, loadingMore: false, failure: undefined, moreFailure: undefined, hasMore: false, keptAt: null,
  refresh: jest.fn(), loadMore: jest.fn(),
};
const clinic = { id: 'sp-clinic', name: '新市社区卫生服务站', subcategory: 'community-health-center', subcategoryName: '社区卫生服务中心', distanceMeters: 1800, walkingMinutes: 24, isDemo: true };
const answer: SearchSuggestions = {
  closest: true,
  items: [
    { id: 'community-health-center', name: '社区卫生服务中心', nearest: clinic },
    { id: 'village-clinic', name: '村卫生室', nearest: null },
  ],
};

function renderEmpty(q: string, onChange = jest.fn(), seen: string[] = []) {
  api.defaults.adapter = fakeServer({ 'GET /api/search-suggestions': (config) => (config.params.q === q ? answer : { closest: false, items: [] }) }, seen);
  render(
    <ServiceResults
      list={empty}
      filters={{ ...NO_FILTERS, q }}
      hasOrigin
      origin={{ lat: 41.811, lng: 126.925 }}
      onChange={onChange}
      onClear={jest.fn()}
      onOpen={jest.fn()}
    />,
  );
  return onChange;
}

it('under 没有找到, offers the closest categories with their nearest point; a tap lists that category', async () => {
  const seen: string[] = [];
  const onChange = renderEmpty('宠物医院', jest.fn(), seen);
  expect(screen.getByText(/没有找到/)).toBeTruthy();
  await waitFor(() => expect(screen.getByText('您是不是要找：')).toBeTruthy());
  expect(screen.getByText('最近的：新市社区卫生服务站，1.8 公里')).toBeTruthy();
  expect(document.getElementById('suggestion-village-clinic')!.getAttribute('aria-label')).toBe('村卫生室');
  fireEvent.click(document.getElementById('suggestion-community-health-center')!);
  expect(onChange).toHaveBeenCalledWith({ q: '', category: 'health', subcategory: 'community-health-center' });
  expect(seen).toEqual(['GET /api/search-suggestions']);
});

it('asks for no suggestions when the list is empty without a search', async () => {
  const seen: string[] = [];
  api.defaults.adapter = fakeServer({}, seen);
  render(<ServiceResults list={empty} filters={{ ...NO_FILTERS, category: 'health' }} hasOrigin origin={null} onChange={jest.fn()} onClear={jest.fn()} onOpen={jest.fn()} />);
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(seen).toEqual([]);
  expect(document.getElementById('search-suggestions')).toBeNull();
});

it('shows only the empty state when the suggestions cannot be had (offline)', async () => {
  api.defaults.adapter = fakeServer({});
  render(<ServiceResults list={empty} filters={{ ...NO_FILTERS, q: '游泳馆' }} hasOrigin={false} origin={null} onChange={jest.fn()} onClear={jest.fn()} onOpen={jest.fn()} />);
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(screen.getByText(/没有找到/)).toBeTruthy();
  expect(document.getElementById('search-suggestions')).toBeNull();
});
