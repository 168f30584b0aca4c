/** The counts of a 社区 (or street) → its figures beside the plan's targets (contract/rules/planning.ts). */
import type { PlanningDetails, PlanningRow } from '@contract/planning';
import { behindScore, judge, percent, targetOf } from '@contract/rules/planning';
import { visitRatePercent } from '@contract/rules/care';
import { ratingFigures } from '@contract/rules/rating';
import type { MonthCounts } from './month-figures';

const asPercent = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);

/**
 * 差评按期整改: no rating in the month means 好差评 does not reach the 社区 yet (0, behind); ratings without a
 * 差评 meet it; otherwise the share of 差评 rectified by their deadline (按期整改率).
 */
function ratingsValue(figures: ReturnType<typeof ratingFigures>): number | null {
  if (figures.n === 0) return 0;
  if (figures.badCount === 0) return 100;
  return asPercent(figures.onTimeRate);
}

export function toRow(head: Pick<PlanningRow, 'communityId' | 'name' | 'isDemo'>, counts: MonthCounts): PlanningRow {
  const figures = ratingFigures(counts.ratingRows);
  const details: PlanningDetails = {
    coverage: counts.coverage,
    hours: counts.hours,
    visits: counts.visits,
    ratings: {
      n: figures.n,
      satisfiedRate: figures.satisfiedRate,
      badCount: figures.badCount,
      fixedRate: figures.fixedRate,
      onTimeRate: figures.onTimeRate,
      openOrders: counts.orders.open,
      overdueOrders: counts.orders.overdue,
    },
    volunteers: counts.volunteers,
    verification: counts.verification,
  };
  const indicators = [
    judge('coverage', percent(counts.coverage.met, counts.coverage.total)),
    judge('hours', percent(counts.hours.meetsBoth, counts.hours.facilities)),
    judge('visits', counts.visits.due === 0 ? null : visitRatePercent(counts.visits.due, counts.visits.visited)),
    judge('ratings', ratingsValue(figures)),
    // A 社区: its party teams against 1; a street: how many of its 社区 have one, against all of them.
    counts.volunteers.communities === 1
      ? judge('volunteers', counts.volunteers.partyTeams)
      : judge('volunteers', counts.volunteers.communitiesWithPartyTeam, counts.volunteers.communities * targetOf('volunteers')),
    judge('verification', percent(counts.verification.verified, counts.verification.points)),
  ];
  return { ...head, indicators, details, score: behindScore(indicators) };
}
