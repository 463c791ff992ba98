/** A section page's rows in the chosen geography (zod-checked: this module lives in the chart chunk). */
import type { PageDataName } from '../../core/contracts/site-data.ts';
import type { PageContext } from './page-context.ts';
import { restateRows } from './restate-rows.ts';
import { loadPageData } from './site-data-client.ts';

/** A page file in the chosen geography, with `summed` added up over merged units when restated. */
export async function pageRows<K extends PageDataName, T extends { period: string; province: string }>(
  ctx: PageContext,
  name: K,
  summed: readonly (keyof T)[],
): Promise<T[]> {
  const rows = (await loadPageData(name)) as unknown as T[];
  return ctx.route.geography === 'current' ? restateRows(rows, ctx.data.units, summed) : rows;
}
