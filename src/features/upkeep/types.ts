/** The upkeep API's shapes, all from the contract, plus the subset of fields an edit sends. */
import type { PointPatch } from '@contract/upkeep';

export type { CorrectionKind, CorrectionOutcome, CorrectionView, EditablePoint, NewPoint, StalePoint } from '@contract/upkeep';
export { correctionKindWords, correctionKinds, correctionOutcomeWords, correctionOutcomes } from '@contract/upkeep';
export type { PointPause as Pause } from '@contract/rules/pause';

/** What a PATCH may change (any subset; the version goes beside it). */
export type PointChanges = Omit<PointPatch, 'version'>;
