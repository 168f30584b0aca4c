/**
 * Walking distance rules of the 15-minute circle (DOMAIN.md §1): straight-line distance,
 * walking minutes at our configured pace, and how distances read in Chinese.
 * Pure: used by the server (sorting, coverage) and the client (labels).
 */
import directoryConfig from '../../config/domain/directory.json';

/** Our walking pace (config/domain/directory.json), ≈ 75 m/min. */
export const WALKING_METRES_PER_MINUTE: number = directoryConfig.walkingMetresPerMinute;

/** How far one gets in `minutes` on foot, in metres (15 min → 1125 m). */
export function walkableMetres(minutes: number): number {
  return minutes * WALKING_METRES_PER_MINUTE;
}

/** The default search radius: the whole 15-minute circle. */
export const DEFAULT_RADIUS_METRES: number = walkableMetres(directoryConfig.defaultRadiusMinutes);

export interface LatLng {
  lat: number;
  lng: number;
}

const EARTH_RADIUS_METRES = 6_371_008.8;
const toRadians = (degrees: number) => (degrees * Math.PI) / 180;

/** Great-circle distance in metres (haversine); at town scale the error is far below a metre. */
export function distanceMetres(a: LatLng, b: LatLng): number {
  const dLat = toRadians(b.lat - a.lat);
  const dLng = toRadians(b.lng - a.lng);
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(toRadians(a.lat)) * Math.cos(toRadians(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Whole minutes on foot, rounded up so "步行约 N 分钟" never promises less than it takes;
 * at least 1 (a point next door is still a short walk). 1125 m → 15, 1126 m → 16.
 */
export function walkingMinutes(metres: number): number {
  return Math.max(1, Math.ceil(metres / WALKING_METRES_PER_MINUTE - 1e-9));
}

/** "约 450 米" under 1 km (to the nearest 10 m), "1.2 公里" from 1 km on (one decimal). */
export function formatDistance(metres: number): string {
  if (metres < 995) return `约 ${Math.max(10, Math.round(metres / 10) * 10)} 米`;
  return `${(metres / 1000).toFixed(1)} 公里`;
}

/** "步行约 6 分钟". */
export function formatWalking(metres: number): string {
  return `步行约 ${walkingMinutes(metres)} 分钟`;
}

export interface BoundingBox {
  minLat: number;
  maxLat: number;
  minLng: number;
  maxLng: number;
}

/**
 * The lat/lng box that contains every point within `radiusMetres` of `centre` (slightly larger,
 * never smaller), so an indexed range query can pre-select before the exact distance check.
 * Valid away from the poles, which is all of 临江.
 */
export function boundingBox(centre: LatLng, radiusMetres: number): BoundingBox {
  const latDelta = (radiusMetres / EARTH_RADIUS_METRES) * (180 / Math.PI) * 1.0001;
  const lngDelta = latDelta / Math.cos(toRadians(Math.min(89, Math.abs(centre.lat) + latDelta)));
  return {
    minLat: centre.lat - latDelta,
    maxLat: centre.lat + latDelta,
    minLng: centre.lng - lngDelta,
    maxLng: centre.lng + lngDelta,
  };
}
