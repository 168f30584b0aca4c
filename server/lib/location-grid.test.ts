import { boundingBox, distanceMetres } from '@contract/rules/walking';
import { gridCol, gridCover, gridRow } from './location-grid';

describe('grid cover of a circle', () => {
  it('contains the cell of every point inside the circle', () => {
    const centre = { lat: 41.8125, lng: 126.9302 };
    const cover = gridCover(boundingBox(centre, 1125));
    // ≈ 2.25 km of latitude is 9–10 rows of 0.0025°.
    expect(cover.rows.length).toBeGreaterThanOrEqual(9);
    expect(cover.rows.length).toBeLessThanOrEqual(11);
    for (let i = 0; i < 2000; i += 1) {
      const angle = (i / 2000) * 2 * Math.PI;
      const reach = 1125 * ((i % 10) / 10 + 0.0999);
      const point = {
        lat: centre.lat + (reach * Math.cos(angle)) / 111_195,
        lng: centre.lng + (reach * Math.sin(angle)) / (111_195 * Math.cos((centre.lat * Math.PI) / 180)),
      };
      expect(distanceMetres(centre, point)).toBeLessThanOrEqual(1126);
      expect(cover.rows).toContain(gridRow(point.lat));
      expect(gridCol(point.lng)).toBeGreaterThanOrEqual(cover.firstCol);
      expect(gridCol(point.lng)).toBeLessThanOrEqual(cover.lastCol);
    }
  });
});
