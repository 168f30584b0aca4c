import { cleanup, fireEvent, render, within } from '@testing-library/react';
import { coverage } from '../testFixtures';
import { CoverageGroups } from './CoverageGroups';

// Every test renders afresh: the previous test's tree must be gone (ids are looked up in the whole document).
afterEach(cleanup);

describe('CoverageGroups', () => {
  it('says in words (and ticks/crosses) what is within 5 / 8 / 15 minutes and what is missing', () => {
    render(<CoverageGroups coverage={coverage()} onOpen={jest.fn()} />);
    const group = (key: string) => within(document.getElementById(`coverage-group-${key}`)!);

    expect(group('5').getByText('步行 5 分钟内能到（1 项）')).toBeTruthy();
    expect(group('5').getByText('✓ 长者食堂/助餐点')).toBeTruthy();
    expect(group('5').getByText('约 130 米 · 步行约 2 分钟 ›')).toBeTruthy();

    expect(group('8').getByText('步行 6–8 分钟能到（0 项）')).toBeTruthy();
    expect(group('8').getByText('这一档没有')).toBeTruthy();

    // Within 15 minutes but slower than its own target (a pharmacy should be within 8): said, not only coloured.
    expect(group('15').getByText('✓ 药店')).toBeTruthy();
    expect(group('15').getByText('按标准应在 8 分钟内，还差一些')).toBeTruthy();

    expect(group('missing').getByText('步行 15 分钟内没有（2 项）')).toBeTruthy();
    expect(group('missing').getByText('✗ 普惠托育')).toBeTruthy();
    expect(group('missing').getByText('2.4 公里 · 步行约 32 分钟 ›')).toBeTruthy();
    expect(group('missing').getByText('✗ 邮政')).toBeTruthy();
    expect(group('missing').getByText('附近 20 公里内都没有找到')).toBeTruthy();
    expect(document.querySelector('#coverage-group-missing .coverage-mark')?.textContent).toBe('✗');
    expect(document.querySelector('#coverage-group-5 .coverage-mark')?.textContent).toBe('✓');
  });

  it('opens the nearest point of a row', () => {
    const onOpen = jest.fn();
    render(<CoverageGroups coverage={coverage()} onOpen={onOpen} />);
    fireEvent.click(document.getElementById('coverage-infant-care')!);
    expect(onOpen).toHaveBeenCalledWith('sp-far-infant-care');
  });
});
