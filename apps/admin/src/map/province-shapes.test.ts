import { provinces } from '@kmg/domain';
import { describe, expect, it } from 'vitest';
import topology from '#map/indonesia-38-provinces.topo.json';
import { buildProvinceShapes, provinceCodeOfMapName } from '#map/province-shapes.ts';

const mapNames = topology.objects['indonesia-38-prov-topo'].geometries.map(
  (geometry) => geometry.properties.PROVINSI,
);

describe('provinceCodeOfMapName', () => {
  it('joins all 38 provinces of the boundary file to our list by name, each once', () => {
    expect(mapNames).toHaveLength(38);
    const codes = mapNames.map((name) => provinceCodeOfMapName(name));
    expect(codes.filter((code) => code === undefined)).toEqual([]);
    expect(new Set(codes).size).toBe(38);
    expect([...codes].sort()).toEqual(provinces.map((province) => province.code).sort());
  });

  it('reads the file’s Yogyakarta and keeps the Papua provinces apart (their file codes repeat)', () => {
    expect(provinceCodeOfMapName('Daerah Istimewa Yogyakarta')).toBe('34');
    expect(['Papua Tengah', 'Papua Selatan', 'Papua Pegunungan'].map(provinceCodeOfMapName)).toEqual([
      '94',
      '93',
      '95',
    ]);
  });
});

describe('buildProvinceShapes', () => {
  it('draws every province inside a wide map', () => {
    const { width, height, shapes } = buildProvinceShapes(topology);
    expect(shapes).toHaveLength(38);
    expect(width).toBe(1000);
    expect(height).toBeGreaterThan(250);
    expect(height).toBeLessThan(500);
    for (const shape of shapes) {
      expect(shape.d, shape.name).toMatch(/^M/);
      expect(shape.centroid[0]).toBeGreaterThanOrEqual(0);
      expect(shape.centroid[0]).toBeLessThanOrEqual(width);
    }
  });
});
