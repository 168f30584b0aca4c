import { useEffect, useMemo, useState } from 'react';
import { COMMUNITY_PICKER_PATH, openPath } from '@/lib/navigation';
import { useSession } from '@/lib/stores/session';
import { useSettings, type ChosenCommunity } from '@/lib/stores/settings';
import { askedForPositionThisLaunch, findCommunityPlace, originOf, useOrigin, type LocationStatus, type Origin } from './origin';

export interface DirectoryOrigin {
  origin: Origin | null;
  /**
   * What decides the origin on this launch is known: the remembered permission has been answered with a position
   * (or not), and a remembered 社区 has its centre. Until then `origin` may still change by itself, so the list
   * waits rather than fetching once from a provisional origin and again from the real one.
   */
  settled: boolean;
  status: LocationStatus;
  /** Ask for the position (after the page has said why). */
  locate: () => void;
  /**
   * The user chose 不同意，仅浏览 on the privacy notice: the position may be asked for only after they agree to it
   * again, in words, at the moment they want it (OriginBar), and never by itself on a later launch.
   */
  declinedConsent: boolean;
  /**
   * Measure from a community: opens the account's community picker, which remembers the choice. The origin moves
   * to the community only once one is picked: backing out of the picker keeps measuring from the user's position.
   */
  chooseCommunity: () => void;
}

/** The picked community when 选择社区 was tapped (undefined: not waiting for a pick); a new pick replaces it. */
let pickStartedFrom: ChosenCommunity | null | undefined;

/** The origin for distances, kept in step with the community chosen in the account pages. */
export function useDirectoryOrigin(): DirectoryOrigin {
  const { here, status, useLocation, community, locate, preferCommunity, setCommunity } = useOrigin();
  const chosen = useSettings((s) => s.community);
  const chosenId = chosen?.id ?? null;
  const ownId = useSession((s) => s.user?.communityId ?? null);
  const pickedId = chosenId ?? ownId;
  const declinedConsent = useSettings((s) => s.consentVersion === null);
  // A picked 社区 whose centre cannot be had (offline, or no longer in the town list): waiting longer changes nothing.
  const [unplacedId, setUnplacedId] = useState<string | null>(null);

  // The user allowed their location before: ask Taro again once per launch (no second explanation) — unless
  // they declined the privacy notice, when only a tap after agreeing in words may send the position.
  useEffect(() => {
    if (useLocation && !here && !askedForPositionThisLaunch() && !declinedConsent) {
      void locate();
    }
  }, [useLocation, here, locate, declinedConsent]);

  // The picker stores a new object even when the same community is picked again: that still means "from there".
  useEffect(() => {
    if (pickStartedFrom === undefined || chosen === pickStartedFrom) return;
    pickStartedFrom = undefined;
    if (chosen) preferCommunity();
  }, [chosen, preferCommunity]);

  useEffect(() => {
    if (!pickedId || pickedId === community?.id) return;
    let current = true;
    findCommunityPlace(pickedId).then(
      (place) => current && (place ? setCommunity(place) : setUnplacedId(pickedId)),
      // Offline: keep the previous origin; the list shows its own network error.
      () => current && setUnplacedId(pickedId),
    );
    return () => {
      current = false;
    };
  }, [pickedId, community?.id, setCommunity]);

  // Allowed before: the position is about to be asked for (the effect above) or is being asked for. Meanwhile the
  // page says it is locating rather than "距离从：<社区>" for the moment before the position replaces it.
  const awaitingPosition = useLocation && !here && !declinedConsent && (status === 'locating' || !askedForPositionThisLaunch());
  const awaitingCommunity = pickedId !== null && pickedId !== community?.id && pickedId !== unplacedId;
  const origin = useMemo(
    () => (awaitingPosition ? null : originOf({ here, useLocation, community })),
    [awaitingPosition, here, useLocation, community],
  );
  const settled = !awaitingPosition && (origin?.kind === 'location' || !awaitingCommunity);
  return {
    origin,
    settled,
    status: awaitingPosition ? 'locating' : status,
    declinedConsent,
    locate: () => void locate(),
    chooseCommunity: () => {
      pickStartedFrom = useSettings.getState().community;
      void openPath(COMMUNITY_PICKER_PATH);
    },
  };
}
