/** A section page's rows in the chosen geography (zod-checked: this module lives in the chart chunk). */
import type { PageDataName } from '../../core/contracts/site-data.ts';
import type { PageContext } from './page-context.ts';
import { restateRows } from './restate-rows.ts';
import { loadPageData } from './site-data-client.ts';

/**
 * A page file in the chosen geography, with `summed` added up over merged units when restated.
 * `keep`: only the rows it accepts, chosen in the units they were reported in, before restating.
 */
export async function pageRows<K extends PageDataName, T extends { period: string; province: string }>(
  ctx: PageContext,
  name: K,
  summed: readonly (keyof T)[],
  keep?: (row: T) => boolean,
): Promise<T[]> {
  const all = (await loadPageData(name)) as unknown as T[];
  const rows = keep ? all.filter(keep) : all;
  return ctx.route.geography === 'current' ? restateRows(rows, ctx.data.units, summed) : rows;
}
