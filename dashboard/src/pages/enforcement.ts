/**
 * Enforcement and prosecution: inspections and fines over time, fines by province, the dossier
 * funnel by article, then inspections by type, their results and police-coordination recoveries.
 */
import { PAGE_SUMS, type EnforcementRow, type ProsecutionRow } from '../../../core/contracts/site-data.ts';
import { prosecution as prosecutionDef } from '../../../core/datasets/prosecution.ts';
import { codesOf } from '../../../core/datasets/index.ts';
import { countedOn } from '../../../core/approved-basis.ts';
import { formatVnd } from '../../../core/format.ts';
import { categoryLabel, pick, t } from '../i18n.ts';
import { VIEW_TEXT } from '../../../core/messages/index.ts';
import { countPoint, ty } from '../chart-helpers.ts';
import { inRegion, nameOf, stampFor, type PageContext } from '../page-context.ts';
import { pageRows } from '../page-rows.ts';
import { renderSectionPage } from '../section-page.ts';
import { renderEnforcementResults } from './enforcement-results.ts';
import { OKABE_ITO } from '../../../core/charts/palette.ts';

/** A dossier's stages in the order it moves through them (the schema's order); the last three are exits. */
const STAGES = codesOf(prosecutionDef, 'trang_thai');
const ARTICLES = codesOf(prosecutionDef, 'dieu_luat');

export async function renderEnforcement(ctx: PageContext): Promise<void> {
  const { data, route } = ctx;
  const { period } = route;
  const [enforcement, prosecution] = await Promise.all([
    pageRows<'enforcement', EnforcementRow>(ctx, 'enforcement', PAGE_SUMS.enforcement),
    pageRows<'prosecution', ProsecutionRow>(ctx, 'prosecution', PAGE_SUMS.prosecution),
  ]);
  const dossiers = prosecution.filter((r) => r.period === period && inRegion(ctx, r.province, period));
  const funnel = STAGES.flatMap((stage) =>
    ARTICLES.map((article) => {
      const n = dossiers
        .filter((r) => r.stage === stage && r.article === article)
        .reduce((s, r) => s + r.dossiers, 0);
      return {
        category: categoryLabel(stage),
        group: `${t('article')} ${article}`,
        value: n,
        shown: n.toLocaleString('vi-VN'),
        article,
      };
    }),
  );
  const series = [t('inspections'), t('employersViolating')];
  await renderSectionPage(ctx, {
    dataset: 'enforcement',
    stamp: stampFor(ctx, 'enforcement'),
    trend: {
      id: 'enforcement-trend',
      title: t('inspectionsTrend'),
      points: data.national.flatMap((r) => [
        countPoint(r.period, series[0] ?? '', r.inspections),
        countPoint(r.period, series[1] ?? '', r.employers_violating),
      ]),
      series,
      yTitle: t('count'),
      seriesTitle: t('measure'),
      fileName: `thanh-tra-toan-quoc-${period}`,
    },
    breakdown: {
      id: 'funnel',
      title: t('funnel'),
      values: funnel,
      chart: {
        categoryTitle: t('stage'),
        groupTitle: t('article'),
        valueTitle: t('dossiers'),
        categories: STAGES.map(categoryLabel),
        groups: ARTICLES.map((a) => `${t('article')} ${a}`),
        layout: 'side',
      },
      table: {
        columns: [
          { key: 'stage', label: t('stage') },
          { key: 'article', label: t('article') },
          { key: 'value', label: t('dossiers') },
        ],
        rows: funnel.map((f) => ({ stage: f.category, article: f.article, value: f.value })),
      },
      fileName: `ho-so-khoi-to-${period}`,
      stamp: stampFor(ctx, 'prosecution'),
    },
    ranking: {
      id: 'fines-ranking',
      title: `${t('finesRanking')} (${pick(VIEW_TEXT.inTy)})`,
      rows: enforcement
        .filter((r) => r.period === period && inRegion(ctx, r.province, period))
        .map((r) => ({ ...r, name: nameOf(ctx, r.province, period) }))
        .sort((a, b) => b.fines_imposed - a.fines_imposed),
      value: (r) => ty(r.fines_imposed),
      shown: (r) => formatVnd(r.fines_imposed),
      xTitle: t('amountTy'),
      format: ',.2f',
      color: OKABE_ITO.orange,
      columns: [
        { key: 'inspections', label: t('inspections') },
        { key: 'employers_violating', label: t('employersViolating') },
        { key: 'fines_imposed', label: t('finesImposed') },
        { key: 'fines_collected', label: t('finesCollected') },
      ],
      fileName: `tien-phat-tinh-${period}`,
    },
  });
  // The national sums of the results count approved reports only on that basis, like the national
  // figures; the units' own figures (ranking, table) are the same on both bases.
  const counted =
    route.basis === 'latest'
      ? enforcement
      : await pageRows<'enforcement', EnforcementRow>(
          ctx,
          'enforcement',
          PAGE_SUMS.enforcement,
          countedOn(route.basis, 'enforcement', data.approvals),
        );
  await renderEnforcementResults(ctx, enforcement, counted);
}
