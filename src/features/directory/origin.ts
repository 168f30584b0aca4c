/**
 * Where distances are measured from (DOMAIN.md §1): the user's position when they allowed it, otherwise the
 * centre of the community they picked (settings store, via the account's community picker), otherwise nowhere
 * (the list is then sorted by name, without distances).
 *
 * The position itself is never stored (it is personal data and goes stale); only "the user allowed it", so the
 * next launch asks Taro again without the explanation. The picked community's coordinates are remembered here.
 */
import Taro from '@tarojs/taro';
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { LatLng } from '@contract/rules/walking';
import { fetchTowns } from '@/lib/api/endpoints';
import { taroJSONStorage } from '@/lib/stores/taroStorage';
import { wgs84ToGcj02 } from './geo';

export type LocationStatus = 'idle' | 'locating' | 'denied' | 'unavailable';

export interface CommunityPlace extends LatLng {
  id: string;
  name: string;
}

export interface Origin extends LatLng {
  kind: 'location' | 'community';
  /** Shown as "距离从：…". */
  label: string;
  communityId: string | null;
}

interface OriginState {
  /** This session's position (GCJ-02), or null. Not persisted. */
  here: LatLng | null;
  status: LocationStatus;
  /** The user allowed their location: use it (and ask Taro again on the next launch). */
  useLocation: boolean;
  /** The picked community with its centre, resolved from /api/towns. */
  community: CommunityPlace | null;
  /** `onPosition` runs with the position before the pages learn it (earlyStart.ts asks for the list then). */
  locate: (onPosition?: (here: LatLng) => void) => Promise<void>;
  /** Measure from the community from now on (the picker page sets which one). */
  preferCommunity: () => void;
  setCommunity: (community: CommunityPlace | null) => void;
}

/**
 * A browser's position gives up after this (ms, counted once permission is given, never while the user reads the
 * browser's question): the 服务 list of a returning user waits for the position, and without a limit a phone that
 * cannot find itself would keep it waiting. WeChat ends its own attempt with a failure.
 */
const BROWSER_POSITION_TIMEOUT_MS = 10_000;

type Coordinates = { latitude: number; longitude: number };

interface EarlyPositionWindow {
  /**
   * Asked for by index.html before our scripts arrived, for a returning location user on the 服务 tab; `coords`
   * is set as soon as the browser answers.
   */
  __ljEarlyPosition?: { answer: Promise<Coordinates>; coords?: Coordinates };
}

/** The position index.html asked for on this page load, taken once: a later 使用我的位置 asks anew. */
function takeEarlyPosition(): EarlyPositionWindow['__ljEarlyPosition'] | null {
  if (process.env.TARO_ENV !== 'h5') return null;
  const page = window as EarlyPositionWindow;
  const early = page.__ljEarlyPosition ?? null;
  delete page.__ljEarlyPosition;
  return early;
}

/** Browsers report WGS-84 and Taro's h5 getLocation only accepts 'wgs84'; WeChat converts to GCJ-02 itself. */
async function currentPosition(early: Promise<Coordinates> | undefined): Promise<LatLng> {
  if (process.env.TARO_ENV === 'h5') {
    // Taro's h5 getLocation passes highAccuracyExpireTime to the browser as its timeout.
    const { latitude, longitude } = await (early ?? Taro.getLocation({ type: 'wgs84', highAccuracyExpireTime: BROWSER_POSITION_TIMEOUT_MS }));
    return wgs84ToGcj02({ lat: latitude, lng: longitude });
  }
  const { latitude, longitude } = await Taro.getLocation({ type: 'gcj02' });
  return { lat: latitude, lng: longitude };
}

/** WeChat says "auth deny"/"authorize no response", browsers "User denied Geolocation". */
function isRefusal(error: unknown): boolean {
  const message = String((error as { errMsg?: string; message?: string })?.errMsg ?? (error as Error)?.message ?? '');
  return /deny|denied|permission|authorize/i.test(message);
}

let askedThisLaunch = false;

/**
 * The position has been asked for since the app started (by earlyStart.ts, the page, or a tap): the page asks by
 * itself only once per launch, and not again after an early ask has already answered.
 */
export function askedForPositionThisLaunch(): boolean {
  return askedThisLaunch;
}

export const useOrigin = create<OriginState>()(
  persist(
    (set, get) => ({
      here: null,
      status: 'idle',
      useLocation: false,
      community: null,
      locate: async (onPosition) => {
        if (get().status === 'locating') return;
        askedThisLaunch = true;
        set({ status: 'locating' });
        try {
          // Already answered (index.html asked early): no await, so the list is asked for in this very task.
          const early = takeEarlyPosition();
          const here = early?.coords ? wgs84ToGcj02({ lat: early.coords.latitude, lng: early.coords.longitude }) : await currentPosition(early?.answer);
          onPosition?.(here);
          set({ here, status: 'idle', useLocation: true });
        } catch (error) {
          set({ here: null, status: isRefusal(error) ? 'denied' : 'unavailable', useLocation: false });
        }
      },
      preferCommunity: () => set({ useLocation: false, here: null, status: 'idle' }),
      setCommunity: (community) => set({ community }),
    }),
    {
      name: 'lj-directory-origin',
      storage: taroJSONStorage,
      partialize: ({ useLocation, community }) => ({ useLocation, community }),
    },
  ),
);

export function originOf(state: Pick<OriginState, 'here' | 'useLocation' | 'community'>): Origin | null {
  if (state.useLocation && state.here) return { ...state.here, kind: 'location', label: '您的位置', communityId: null };
  if (state.community) {
    const { id, name, lat, lng } = state.community;
    return { lat, lng, kind: 'community', label: name, communityId: id };
  }
  return null;
}

/** The centre of a community, from the town list (cached for the session). */
let townsRequest: ReturnType<typeof fetchTowns> | null = null;
export async function findCommunityPlace(id: string): Promise<CommunityPlace | null> {
  townsRequest ??= fetchTowns().catch((error: unknown) => {
    townsRequest = null;
    throw error;
  });
  const towns = await townsRequest;
  for (const town of towns) {
    const found = town.communities.find((c) => c.id === id);
    if (found) return { id: found.id, name: found.name, lat: found.lat, lng: found.lng };
  }
  return null;
}
