/**
 * The Hoàng Sa and Trường Sa archipelagos on every map of Viet Nam. The boundary files hold them as
 * reefs a few hundred metres across, which draw as invisible specks at a country's scale; an
 * official map must show and name them, so each gets an outlined symbol of a fixed minimum size
 * and a label, drawn above the provinces whatever the measure or the month, on the live map and
 * on the map the refresh draws ahead alike.
 */
import { CHART_TEXT, type Lang } from '../messages/index.ts';

export interface Island {
  key: 'hoangSa' | 'truongSa';
  /** Centre of the archipelago's features in the boundary files (degrees). */
  lon: number;
  lat: number;
  /** The unit it belongs to, in the 63-unit and the 34-unit codes (both unchanged by the 2025 merger). */
  province: string;
  /** Where the label sits against the symbol: Trường Sa lies at the map's right edge, so its name ends there. */
  align: 'center' | 'right';
}

export const ISLANDS: readonly Island[] = [
  { key: 'hoangSa', lon: 112.0, lat: 16.4, province: '48', align: 'center' },
  { key: 'truongSa', lon: 114.3, lat: 10.2, province: '56', align: 'right' },
];

/** Symbol area in square pixels: about 14 px across, visible on a 360 px phone. */
export const ISLAND_SYMBOL_SIZE = 200;

/**
 * A name on two lines, the archipelago then the unit it belongs to ("Quần đảo Hoàng Sa" /
 * "(TP Đà Nẵng)"): on one line the names are wider than a third of a phone's map and ran past its
 * edge.
 */
export function islandLabelLines(name: string): string[] {
  const at = name.indexOf(' (');
  return at < 0 ? [name] : [name.slice(0, at), name.slice(at + 1)];
}

/** The islands' layers (their symbols, then a label each), in `lang`, for a projected map. */
export function islandLayers(lang: Lang) {
  const values = ISLANDS.map((i) => {
    const name = CHART_TEXT[i.key][lang];
    return { lon: i.lon, lat: i.lat, name, lines: islandLabelLines(name) };
  });
  const position = {
    longitude: { field: 'lon', type: 'quantitative' },
    latitude: { field: 'lat', type: 'quantitative' },
  } as const;
  return [
    {
      data: { values },
      mark: {
        type: 'point' as const,
        shape: 'diamond',
        size: ISLAND_SYMBOL_SIZE,
        filled: false,
        stroke: '#1f3b5a',
        strokeWidth: 1.5,
      },
      encoding: { ...position, tooltip: [{ field: 'name', type: 'nominal' as const }] },
    },
    // one label layer an island, as a text mark's alignment is fixed for the layer
    ...ISLANDS.map((island, i) => ({
      data: { values: values.slice(i, i + 1) },
      mark: {
        type: 'text' as const,
        align: island.align,
        baseline: 'bottom' as const,
        dx: island.align === 'right' ? 8 : 0,
        dy: -10,
        fontSize: 11,
        fill: '#1f3b5a',
      },
      encoding: {
        ...position,
        text: { field: 'lines', type: 'nominal' as const },
        // read out as one name, not as the data's fields
        description: { field: 'name', type: 'nominal' as const },
      },
    })),
  ];
}
