/**
 * The overview's charts drawn ahead by the refresh (data/first-screen.json): fetched beside the
 * site data, shown while the charting library loads, then handed one by one to the live panels,
 * which keep each in place until their view is drawn (panel.ts). Only the view they were drawn
 * for may show them: another month, language, basis, geography, region or map measure never does.
 */
import { isFirstScreenFile, type FirstScreenFile } from '../../core/contracts/first-screen.ts';
import { FIRST_SCREEN_FILES } from '../../core/contracts/site-files.ts';
import { DEFAULT_MAP_MEASURE } from '../../core/charts/map-measures.ts';
import type { Route } from './route.ts';

export interface DrawnAhead {
  element: SVGSVGElement;
  height: number;
}

const held = new Map<string, DrawnAhead>();

/** The file, or undefined when it is missing or not the contract's: the page then draws live. */
export async function fetchDrawnAhead(base: string): Promise<FirstScreenFile | undefined> {
  try {
    const response = await fetch(base + FIRST_SCREEN_FILES.charts, { cache: 'no-cache' });
    if (!response.ok) return undefined;
    const value: unknown = await response.json();
    return isFirstScreenFile(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Whether `route` is the view the file was drawn for. */
export function drawnFor(file: FirstScreenFile, route: Route, latest: string): boolean {
  return (
    file.period === latest &&
    route.page === 'overview' &&
    route.period === file.period &&
    route.lang === file.lang &&
    route.basis === file.basis &&
    route.geography === file.geography &&
    route.region === '' &&
    route.measure === DEFAULT_MAP_MEASURE
  );
}

/**
 * The drawing as an element of this document, parsed as SVG (never written into HTML), with
 * anything that could run or load (scripts, foreign HTML, event attributes, links) removed: the
 * file is ours, but a page shows no markup it has not checked.
 */
export function svgElement(svg: string, label: string): SVGSVGElement | undefined {
  const parsed = new DOMParser().parseFromString(svg, 'image/svg+xml');
  const root = parsed.documentElement;
  if (!(root instanceof SVGSVGElement) || parsed.querySelector('parsererror')) return undefined;
  for (const el of root.querySelectorAll('script, foreignObject, iframe, a, use, image')) el.remove();
  for (const el of [root, ...root.querySelectorAll('*')])
    for (const attr of [...el.attributes])
      if (/^on/i.test(attr.name) || /href$/i.test(attr.name)) el.removeAttribute(attr.name);
  const element = document.importNode(root, true);
  element.setAttribute('role', 'img');
  element.setAttribute('aria-label', label);
  element.dataset.drawnAhead = 'true';
  return element;
}

export function holdDrawnAhead(id: string, drawn: DrawnAhead): void {
  held.set(id, drawn);
}

/** The chart drawn ahead for the panel `id`, once; later panels draw live only. */
export function takeDrawnAhead(id: string): DrawnAhead | undefined {
  const drawn = held.get(id);
  held.delete(id);
  return drawn;
}

/** The view changed before the live panels were drawn: nothing drawn ahead may be shown again. */
export function forgetDrawnAhead(): void {
  held.clear();
}
