/**
 * The national level's sign-off panel: how many units are approved, pending, reopened or missing,
 * the national debt in each view, and its two actions through the upload API: return a province's
 * approved month with a reason (POST /api/approvals, action "return"), and publish the month
 * (POST /api/approvals/publish), which freezes the counted figures for a meeting.
 */
import { DATASET_NAMES } from '../../../core/datasets/index.ts';
import { SIGN_OFF_TEXT, type SignOffTextKey } from '../../../core/messages/index.ts';
import { pick } from '../i18n.ts';
import { answer, ApiRefusal, postJson } from './api-client.ts';
import { el, table, vnTime } from './dom.ts';

const tx = (key: SignOffTextKey) => pick(SIGN_OFF_TEXT[key]);
type State = 'approved' | 'pending' | 'reopened' | 'missing';
type View = 'counted' | 'approved_only' | 'latest_accepted';

interface National {
  units: number;
  counts: Record<State, number>;
  views: Record<View, { units: number; totals: Record<string, number> }>;
  provinces: Array<{ province: string; state: State }>;
}

interface Standing {
  reports: Array<{ dataset: string; state: State }>;
}

const DEBT = ['no_bhxh', 'no_bhyt', 'no_bhtn'];

const nationalOf = async (period: string, dataset: string) =>
  answer<National>(
    await fetch(
      `api/approvals/national?period=${encodeURIComponent(period)}&dataset=${encodeURIComponent(dataset)}`,
      { cache: 'no-store' },
    ),
  );

/** The provinces with at least one approved report of the month (any dataset), in code order. */
async function approvedProvinces(period: string, debt: National): Promise<string[]> {
  const others = await Promise.all(
    DATASET_NAMES.filter((d) => d !== 'debt').map((d) => nationalOf(period, d)),
  );
  const codes = new Set<string>();
  for (const view of [debt, ...others])
    for (const p of view.provinces) if (p.state === 'approved') codes.add(p.province);
  return [...codes].sort();
}

export async function renderNational(root: HTMLElement, period: string): Promise<void> {
  const national = await nationalOf(period, 'debt');
  const { approved, pending, reopened, missing } = national.counts;
  const views: Array<[View, SignOffTextKey]> = [
    ['counted', 'viewCounted'],
    ['approved_only', 'viewApproved'],
    ['latest_accepted', 'viewLatest'],
  ];
  // Missing is not zero: a view with no unit shows a dash, and each row says how many units it sums.
  const rows = views.map(([view, label]) => {
    const v = national.views[view];
    const debt = DEBT.reduce((s, c) => s + (v.totals[c] ?? 0), 0);
    return [tx(label), `${v.units}/${national.units}`, v.units === 0 ? '—' : debt.toLocaleString('vi-VN')];
  });
  const status = el('p', { role: 'status', id: 'national-status' }, []);
  const fail = (error: unknown) => {
    status.textContent = error instanceof ApiRefusal ? pick(error.text) : String(error);
  };
  root.replaceChildren(
    el('p', { id: 'sign-off-counts' }, [
      `${tx('approved')}: ${approved} · ${tx('pending')}: ${pending} · ${tx('reopened')}: ${reopened} · ${tx('missing')}: ${missing} (${national.units} ${tx('units')})`,
    ]),
    table(tx('national'), [tx('view'), tx('unitsIn'), tx('debtTotal')], rows),
    await returnForm(period, national, fail, () => renderNational(root, period)),
    publishForm(period, status, fail),
    status,
  );
}

/** Return: the province chosen gets every approved report of the month back, with the reason. */
async function returnForm(
  period: string,
  national: National,
  fail: (error: unknown) => void,
  redraw: () => Promise<void>,
): Promise<HTMLElement> {
  const codes = await approvedProvinces(period, national);
  const select = el(
    'select',
    { id: 'return-province' },
    codes.map((c) => el('option', { value: c }, [c])),
  );
  const reason = el('textarea', { id: 'return-reason', rows: '2' }, []);
  const button = el('button', { type: 'button', id: 'return' }, [tx('returnButton')]);
  button.toggleAttribute('disabled', codes.length === 0);
  button.addEventListener('click', () => {
    const province = select.value;
    void (async () => {
      // Only the reports approved are returned; the API refuses the others (not_approved).
      const standing = await answer<Standing>(
        await fetch(`api/approvals?period=${encodeURIComponent(period)}&province=${province}`, {
          cache: 'no-store',
        }),
      );
      const datasets = standing.reports.filter((r) => r.state === 'approved').map((r) => r.dataset);
      await postJson('api/approvals', { action: 'return', period, province, datasets, reason: reason.value });
      await redraw();
      document.getElementById('national-status')?.replaceChildren(pick(SIGN_OFF_TEXT.returned(province)));
    })().catch(fail);
  });
  return el('section', { id: 'return-form' }, [
    el('h3', {}, [tx('returnHeading')]),
    codes.length === 0 ? el('p', {}, [tx('returnNone')]) : el('span', {}, []),
    el('label', {}, [tx('returnProvince'), select]),
    el('label', {}, [tx('returnReason'), reason]),
    button,
  ]);
}

/** Publish: freezes the counted figures of every report; the answer says when. */
function publishForm(period: string, status: HTMLElement, fail: (error: unknown) => void): HTMLElement {
  const button = el('button', { type: 'button', id: 'publish' }, [tx('publishButton')]);
  button.addEventListener('click', () => {
    postJson<{ snapshot: { at: string; snapshot_id: string } }>('api/approvals/publish', { period })
      .then((answered) => {
        status.dataset.snapshot = answered.snapshot.snapshot_id;
        status.textContent = pick(SIGN_OFF_TEXT.published(vnTime(answered.snapshot.at)));
      })
      .catch(fail);
  });
  return el('section', { id: 'publish-form' }, [
    el('h3', {}, [tx('publishHeading')]),
    el('p', {}, [tx('publishHint')]),
    button,
  ]);
}
