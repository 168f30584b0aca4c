/**
 * WGS-84 (what a browser's geolocation gives) → GCJ-02 (what WeChat's getLocation({type:'gcj02'}) gives,
 * what Chinese maps and our service-point coordinates use). The two differ by a few hundred metres in
 * 临江 — a third of the 15-minute circle — so the h5 build converts before measuring. Published
 * approximation (accurate to a few metres); no dependencies, so the browser tests can use it too.
 */
export interface Coordinates {
  lat: number;
  lng: number;
}

const SEMI_MAJOR_AXIS = 6378245.0;
const ECCENTRICITY_SQUARED = 0.006693421622965943;

function shiftLat(x: number, y: number): number {
  let shift = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  shift += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  shift += ((20 * Math.sin(y * Math.PI) + 40 * Math.sin((y / 3) * Math.PI)) * 2) / 3;
  shift += ((160 * Math.sin((y / 12) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30)) * 2) / 3;
  return shift;
}

function shiftLng(x: number, y: number): number {
  let shift = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  shift += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  shift += ((20 * Math.sin(x * Math.PI) + 40 * Math.sin((x / 3) * Math.PI)) * 2) / 3;
  shift += ((150 * Math.sin((x / 12) * Math.PI) + 300 * Math.sin((x / 30) * Math.PI)) * 2) / 3;
  return shift;
}

export function wgs84ToGcj02({ lat, lng }: Coordinates): Coordinates {
  const radLat = (lat / 180) * Math.PI;
  const sinLat = Math.sin(radLat);
  const magic = 1 - ECCENTRICITY_SQUARED * sinLat * sinLat;
  const sqrtMagic = Math.sqrt(magic);
  const dLat = (shiftLat(lng - 105, lat - 35) * 180) / (((SEMI_MAJOR_AXIS * (1 - ECCENTRICITY_SQUARED)) / (magic * sqrtMagic)) * Math.PI);
  const dLng = (shiftLng(lng - 105, lat - 35) * 180) / ((SEMI_MAJOR_AXIS / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return { lat: lat + dLat, lng: lng + dLng };
}

/** The inverse, by fixed-point iteration (converges to well under a metre in a few steps). */
export function gcj02ToWgs84(target: Coordinates): Coordinates {
  let guess = { ...target };
  for (let i = 0; i < 8; i += 1) {
    const shifted = wgs84ToGcj02(guess);
    guess = { lat: guess.lat - (shifted.lat - target.lat), lng: guess.lng - (shifted.lng - target.lng) };
  }
  return guess;
}
