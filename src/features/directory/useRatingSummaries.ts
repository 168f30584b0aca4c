import { useEffect, useState } from 'react';
import type { RatingSummary } from '@contract/ratings';
import { fetchRatingSummaries } from './api';

/** The ratings API answers at most this many points at once. */
const BATCH = 50;

/**
 * 好差评 figures for the cards on screen, asked once per point, a page of points per request, after the list
 * itself has arrived (the list never waits for them). A failure leaves the cards without the line: ratings are
 * a hint beside the distance and hours, not something to show an error for.
 */
export function useRatingSummaries(ids: readonly string[]): ReadonlyMap<string, RatingSummary> {
  const [known, setKnown] = useState<ReadonlyMap<string, RatingSummary>>(() => new Map());
  const missing = ids.filter((id) => !known.has(id));
  const missingKey = missing.join(',');

  useEffect(() => {
    if (missingKey === '') return;
    let current = true;
    const wanted = missingKey.split(',');
    const batches: string[][] = [];
    for (let start = 0; start < wanted.length; start += BATCH) batches.push(wanted.slice(start, start + BATCH));
    void Promise.all(batches.map((batch) => fetchRatingSummaries(batch)))
      .then((answers) => {
        if (!current) return;
        setKnown((previous) => new Map([...previous, ...answers.flat().map((s) => [s.servicePointId, s] as const)]));
      })
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [missingKey]);

  return known;
}
