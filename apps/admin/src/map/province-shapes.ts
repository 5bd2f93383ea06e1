// The provinces' outlines as SVG paths, projected once (Mercator, fitted to a fixed width). This
// module, the TopoJSON file, topojson-client and d3-geo make one chunk, loaded only when a map is
// shown (ProvinceMap imports it dynamically).
import { provinces } from '@kmg/domain';
import { geoMercator, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import topology from '#map/indonesia-38-provinces.topo.json';

export const MAP_WIDTH = 1000;

/** Names in the boundary file that our province list spells differently. */
const nameAliases: Readonly<Record<string, string>> = { 'Daerah Istimewa Yogyakarta': 'DI Yogyakarta' };

const codeByName = new Map(provinces.map((province) => [province.name, province.code]));

/** Our province code for a name in the boundary file (joined by name: its codes repeat for Papua). */
export function provinceCodeOfMapName(name: string): string | undefined {
  return codeByName.get(nameAliases[name] ?? name);
}

export type ProvinceShape = {
  code: string;
  /** Our name of the province (the domain list's). */
  name: string;
  /** SVG path data in the map's coordinates. */
  d: string;
  /** Where a tooltip points, in the map's coordinates. */
  centroid: [number, number];
};

export type ProvinceShapes = { width: number; height: number; shapes: ProvinceShape[] };

type ProvinceProperties = { PROVINSI: string; KODE_PROV: number | string };

export function buildProvinceShapes(data: unknown): ProvinceShapes {
  const topo = data as Topology<{ 'indonesia-38-prov-topo': GeometryCollection<ProvinceProperties> }>;
  const collection = feature(topo, topo.objects['indonesia-38-prov-topo']);
  const projection = geoMercator().fitWidth(MAP_WIDTH, collection);
  const path = geoPath(projection);
  const [[, top], [, bottom]] = path.bounds(collection);
  const shapes: ProvinceShape[] = [];
  for (const province of collection.features) {
    const code = provinceCodeOfMapName(province.properties.PROVINSI);
    const d = path(province);
    if (!code || !d) continue;
    const [x, y] = path.centroid(province);
    shapes.push({ code, name: provinces.find((p) => p.code === code)?.name ?? '', d, centroid: [x, y] });
  }
  shapes.sort((a, b) => a.code.localeCompare(b.code));
  return { width: MAP_WIDTH, height: Math.ceil(bottom - top), shapes };
}

export const provinceShapes: ProvinceShapes = buildProvinceShapes(topology);
