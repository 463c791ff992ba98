/**
 * The debt page's breakdown of the month shown: debt by months overdue and by employer sector,
 * and the late-payment interest (site data debt-breakdown.json). A unit that sent no report, or
 * reported in a month before the sector split (debt template version 2), is left out and named
 * as not reported, never counted as 0. In today's 34 units the rows of merged units are summed.
 */
import { debt } from '../../../core/datasets/debt.ts';
import { lakeColumns, versionFrom } from '../../../core/datasets/index.ts';
import { DEBT_BREAKDOWN_TEXT as TEXT, VIEW_TEXT } from '../../../core/messages/index.ts';
import { PAGE_SUMS, type DebtBreakdownRow } from '../../../core/contracts/site-data.ts';
import { formatPeriod, formatVnd } from '../../../core/format.ts';
import { lang, pick } from '../i18n.ts';
import { inRegion, reportedUnits, section, stampFor, type PageContext } from '../page-context.ts';
import { pageRows } from '../page-rows.ts';
import { chartPanel } from '../panel.ts';
import { ty } from '../chart-helpers.ts';
import { barRankingSpec, type RankedBar } from '../specs/bar-ranking.ts';
import { OKABE_ITO } from '../../../core/charts/palette.ts';

type Figure = Exclude<keyof DebtBreakdownRow, 'period' | 'province'>;

const SECTORS = (() => {
  const type = lakeColumns(debt).find((c) => c.key === 'khu_vuc')?.type;
  return type?.kind === 'category' ? type.options : [];
})();
const SECTOR_FROM = versionFrom(debt, 2) ?? '';
const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The sum of a figure over the rows that hold it; undefined when none does. */
function sumOf(rows: readonly DebtBreakdownRow[], figure: Figure): number | undefined {
  const held = rows.map((r) => r[figure]).filter((v): v is number => v !== null);
  return held.length === 0 ? undefined : held.reduce((a, b) => a + b, 0);
}

interface Entry {
  code: string;
  label: string;
  value: number | undefined;
}

function bars(entries: readonly Entry[]): RankedBar[] {
  return entries.flatMap((e) =>
    e.value === undefined
      ? []
      : [{ code: e.code, name: e.label, value: ty(e.value), shown: formatVnd(e.value) }],
  );
}

function note(panel: HTMLElement, text: string): void {
  const p = document.createElement('p');
  p.className = 'not-reported';
  p.textContent = text;
  panel.append(p);
}

export async function renderDebtBreakdown(ctx: PageContext): Promise<void> {
  const { period } = ctx.route;
  // Restated to today's 34, a merged unit sums its old units' rows and counts only when every one
  // of them reported debt (as in the ranking beside it): a partial sum would read as a fall.
  const reported = reportedUnits(ctx, 'debt', period);
  const rows = (
    await pageRows<'debtBreakdown', DebtBreakdownRow>(ctx, 'debtBreakdown', PAGE_SUMS.debtBreakdown)
  ).filter((r) => r.period === period && inRegion(ctx, r.province, period) && reported.has(r.province));
  // Interest, like the sectors, is in every summary of a version-2 month and in none before.
  const withSector = rows.filter((r) => r.debt_interest !== null);
  const stamp = stampFor(ctx, 'debt');
  const pair = section(ctx);
  const inTy = pick(VIEW_TEXT.inTy);
  const ages: Entry[] = (Object.keys(TEXT.ages) as (keyof typeof TEXT.ages)[]).map((code) => ({
    code,
    label: pick(TEXT.ages[code]),
    value: sumOf(rows, code),
  }));
  const sectors: Entry[] = SECTORS.map((o) => ({
    code: o.code,
    label: capitalise(lang() === 'vi' ? o.vi : o.en),
    value: sumOf(withSector, `debt_sector_${o.code}` as Figure),
  }));
  const table = (entries: readonly Entry[], key: string) => ({
    columns: [
      { key: 'label', label: pick(key === 'band' ? TEXT.band : TEXT.sector) },
      { key: 'value', label: pick(TEXT.amount) },
    ],
    rows: entries.map((e) => ({ label: e.label, value: e.value ?? null })),
  });
  const chart = (id: string, title: string, entries: readonly Entry[], key: string, color: string) =>
    chartPanel(pair, {
      id,
      title: `${title} (${inTy}) · ${formatPeriod(period)}`,
      spec: barRankingSpec(bars(entries), {
        description: `${title} ${formatPeriod(period)}`,
        xTitle: pick(TEXT.amount).replace('(đồng)', `(${inTy})`).replace('(VND)', `(${inTy})`),
        nameTitle: pick(key === 'band' ? TEXT.band : TEXT.sector),
        color,
      }),
      table: table(entries, key),
      fileName: `no-${key}-${period}`,
      stamp,
      wide: false,
    });
  // A chart only for figures some unit reported: an empty one would draw an axis of nothing.
  if (rows.length === 0) return;
  const agePanel = await chart('debt-age', pick(TEXT.byAge), ages, 'band', OKABE_ITO.vermillion);
  if (withSector.length === 0) {
    note(agePanel, pick(TEXT.noSectorAtAll(formatPeriod(SECTOR_FROM))));
    return;
  }
  const sectorPanel = await chart('debt-sector', pick(TEXT.bySector), sectors, 'sector', OKABE_ITO.blue);
  const interest = sumOf(withSector, 'debt_interest') ?? 0;
  note(sectorPanel, pick(TEXT.interestOf(formatVnd(interest), withSector.length)));
  const without = rows.length - withSector.length;
  if (without > 0) note(sectorPanel, pick(TEXT.noSector(without, formatPeriod(SECTOR_FROM))));
}
