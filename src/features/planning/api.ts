/** The planner's calls; types only from the contract. */
import type { IndicatorId } from '@contract/rules/planning';
import type { PlanningResult, TrendResult } from '@contract/planning';
import { api } from '@/lib/api/client';
import { downloadCsv } from '@/lib/downloadCsv';

const streetParams = (street: string | null): Record<string, string> => (street ? { street } : {});

export async function fetchPlanning(month: string, street: string | null): Promise<PlanningResult> {
  const { data } = await api.get<PlanningResult>('/api/planning/communities', { params: { month, ...streetParams(street) } });
  return data;
}

export async function fetchTrend(community: string, indicator: IndicatorId, month: string): Promise<TrendResult> {
  const { data } = await api.get<TrendResult>('/api/planning/trend', { params: { community, indicator, month } });
  return data;
}

/** The month's table as CSV, for the street's report. */
export async function exportPlanning(month: string, street: string | null): Promise<void> {
  await downloadCsv('/api/planning/export', { month, ...streetParams(street) }, `规划监测-${month}.csv`);
}
