import {
  DEFAULT_RADIUS_METRES,
  WALKING_METRES_PER_MINUTE,
  boundingBox,
  distanceMetres,
  formatDistance,
  formatWalking,
  walkingMinutes,
} from './walking';

describe('walking rules', () => {
  it('reads the pace from configuration and makes the default radius a 15-minute walk', () => {
    expect(WALKING_METRES_PER_MINUTE).toBe(75);
    expect(DEFAULT_RADIUS_METRES).toBe(1125);
  });

  it('measures distance on the sphere', () => {
    // One thousandth of a degree of latitude ≈ 111.2 m anywhere.
    expect(distanceMetres({ lat: 41.8, lng: 126.9 }, { lat: 41.801, lng: 126.9 })).toBeCloseTo(111.2, 0);
    // One thousandth of a degree of longitude at 41.8° N ≈ 111.2 × cos(41.8°) ≈ 82.9 m.
    expect(distanceMetres({ lat: 41.8, lng: 126.9 }, { lat: 41.8, lng: 126.901 })).toBeCloseTo(82.9, 0);
    expect(distanceMetres({ lat: 41.8, lng: 126.9 }, { lat: 41.8, lng: 126.9 })).toBe(0);
  });

  it('rounds walking minutes up, at least 1', () => {
    expect(walkingMinutes(0)).toBe(1);
    expect(walkingMinutes(75)).toBe(1);
    expect(walkingMinutes(76)).toBe(2);
    expect(walkingMinutes(1125)).toBe(15);
    expect(walkingMinutes(1126)).toBe(16);
    expect(formatWalking(450)).toBe('步行约 6 分钟');
  });

  it('formats distances in metres under 1 km and kilometres above', () => {
    expect(formatDistance(447)).toBe('约 450 米');
    expect(formatDistance(3)).toBe('约 10 米');
    expect(formatDistance(990)).toBe('约 990 米');
    expect(formatDistance(996)).toBe('1.0 公里');
    expect(formatDistance(1234)).toBe('1.2 公里');
  });

  it('builds a box that contains the whole circle', () => {
    const centre = { lat: 41.8, lng: 126.9 };
    const box = boundingBox(centre, 1000);
    for (const corner of [
      { lat: box.maxLat, lng: centre.lng },
      { lat: box.minLat, lng: centre.lng },
      { lat: centre.lat, lng: box.maxLng },
      { lat: centre.lat, lng: box.minLng },
    ]) {
      expect(distanceMetres(centre, corner)).toBeGreaterThanOrEqual(1000);
      expect(distanceMetres(centre, corner)).toBeLessThan(1010);
    }
  });
});
