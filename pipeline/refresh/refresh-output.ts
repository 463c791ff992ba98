/**
 * Writes the site data files from the rows of the months computed, in the order they have always
 * been written (meta last: its computed_at vouches for the files before it), through a writer
 * that writes them whole or only the months recomputed (refresh-write.ts).
 */
import type { Engine } from '../query/engine.ts';
import {
  NATIONAL_FILES,
  PAGE_DATA,
  PROVINCE_FILES,
  SITE_FILES,
  type PageDataName,
  type SiteMeta,
} from '../../core/contracts/site-data.ts';
import type { ComparedRows, MonthRows } from './refresh-months.ts';
import { siteTable } from './refresh-pages.ts';
import { writeProvinceBundles } from './refresh-bundles.ts';
import { FIRST_SCREEN_FILES } from '../../core/contracts/site-files.ts';
import { firstScreenFile, type MonthRowReader } from '../site/first-screen-svg.ts';
import { lastRows, type SiteWriter } from './refresh-write.ts';

/** The comparisons and headline figures, for the months they were computed for. */

export interface SiteOutput {
  engine: Engine;
  outDir: string;
  writer: SiteWriter;
  meta: SiteMeta;
  rows: MonthRows;
  compared: ComparedRows;
  units: unknown;
  withPolice: boolean;
  readPolice: boolean;
  /** Each current unit's accepted uploads of every month shown. */
  acceptedByUnit: ReadonlyMap<string, number>;
}

/** The files just written read back by their months' byte ranges, when the writer knows them. */
function monthsRead(o: SiteOutput): MonthRowReader | undefined {
  const segments = o.writer.segments();
  return segments ? (file, keep) => lastRows(o.outDir, file, segments, keep) : undefined;
}

export async function writeSite(o: SiteOutput): Promise<string[]> {
  const { outDir, writer, rows, compared } = o;
  const table = (file: string) => o.rows.tables.get(file) ?? siteTable([]);
  const files = [
    await writer.rows(outDir, SITE_FILES.national, siteTable(rows.national)),
    await writer.rows(outDir, SITE_FILES.provinces, table(SITE_FILES.provinces)),
    await writer.rows(outDir, SITE_FILES.completeness, table(SITE_FILES.completeness)),
    await writer.json(outDir, SITE_FILES.units, o.units),
    // changes over the units that reported both months
    await writer.rows(outDir, NATIONAL_FILES.comparisons, compared.comparisons, compared.months),
    // the first screen's figures against the national targets
    await writer.rows(outDir, NATIONAL_FILES.headline, compared.headline, compared.months),
  ];
  // the section pages' files, one per entry of the contract's PAGE_DATA
  for (const name of Object.keys(PAGE_DATA) as PageDataName[]) {
    files.push(await writer.rows(outDir, SITE_FILES[name], table(SITE_FILES[name])));
  }
  files.push(
    await writer.rows(outDir, SITE_FILES.approvals, table(SITE_FILES.approvals)),
    await writer.rows(outDir, NATIONAL_FILES.nationalApproved, siteTable(rows.nationalApproved)),
    await writer.rows(
      outDir,
      NATIONAL_FILES.comparisonsApproved,
      compared.comparisonsApproved,
      compared.months,
    ),
    await writer.rows(outDir, NATIONAL_FILES.headlineApproved, compared.headlineApproved, compared.months),
    await writer.json(outDir, PROVINCE_FILES.scope, { province: null }),
    // each current unit's bundle under provinces/<code>/, cut from the rows of the files above
    ...(await writeProvinceBundles(
      o.engine,
      {
        outDir,
        latest: o.meta.latest_period,
        meta: o.meta,
        withPolice: o.withPolice,
        readPolice: o.readPolice,
        tables: rows.tables,
        units: o.units,
        accepted: o.acceptedByUnit,
      },
      (dir, file, t) => writer.rows(dir, file, t),
      (dir, file, value) => writer.json(dir, file, value),
    )),
    // the overview's first-screen charts drawn ahead, from the files above
    await writer.json(
      outDir,
      FIRST_SCREEN_FILES.charts,
      await firstScreenFile(outDir, o.meta, monthsRead(o)),
    ),
    // meta last: its computed_at vouches for the files before it
    await writer.json(outDir, SITE_FILES.meta, o.meta),
  );
  return files;
}
