/**
 * The portal's sign-off panel. A province's director sees each report's state and the uploads
 * held, approves the reports whose receipts they read (naming those uploads, so one that arrived
 * meanwhile is not approved unseen) or reopens the approved ones with a reason. Leadership sees
 * how many units are approved, pending or reopened and the national debt in the chosen view, and
 * returns a province's month or publishes the month (national-sign-off.ts).
 */
import { datasetTitle, pick } from '../i18n.ts';
import { answer, ApiRefusal, postJson } from './api-client.ts';
import { el, table, vnTime } from './dom.ts';
import { SIGN_OFF_TEXT, type SignOffTextKey } from '../../../core/messages/index.ts';
import { renderNational } from './national-sign-off.ts';

const tx = (key: SignOffTextKey) => pick(SIGN_OFF_TEXT[key]);
type State = 'approved' | 'pending' | 'reopened' | 'missing';

interface Standing {
  period: string;
  province: string;
  may_sign_off: 'director' | 'national' | null;
  reports: Array<{
    dataset: string;
    state: State;
    latest_accepted: string | null;
    held: Array<{ file_name: string }>;
    last_action: { action: string; actor: string; at: string; reason: string | null } | null;
  }>;
}

const post = (body: unknown) => postJson('api/approvals', body);

export async function renderSignOff(root: HTMLElement, scope: string, period: string): Promise<void> {
  if (scope === 'all') return renderNational(root, period);
  const standing = await answer<Standing>(
    await fetch(`api/approvals?period=${encodeURIComponent(period)}`, { cache: 'no-store' }),
  );
  const rows = standing.reports.map((r) => [
    datasetTitle(r.dataset),
    el('span', { 'data-state': r.state }, [tx(r.state)]),
    r.last_action
      ? `${r.last_action.actor} · ${vnTime(r.last_action.at)}${r.last_action.reason ? ` · ${r.last_action.reason}` : ''}`
      : '',
    r.held.map((h) => h.file_name).join(', '),
  ]);
  const status = el('p', { role: 'status' }, []);
  const parts: Node[] = [
    table(tx('heading'), [tx('report'), tx('state'), tx('lastAction'), tx('held')], rows),
    status,
  ];
  if (standing.may_sign_off === 'director') {
    const approvable = standing.reports.filter(
      (r) => r.latest_accepted && (r.state === 'pending' || r.state === 'reopened'),
    );
    const approved = standing.reports.filter((r) => r.state === 'approved');
    const act = async (body: unknown) => {
      try {
        await post(body);
        await renderSignOff(root, scope, period);
      } catch (error) {
        status.textContent = error instanceof ApiRefusal ? pick(error.text) : String(error);
      }
    };
    const approve = el('button', { type: 'button', id: 'approve' }, [tx('approve')]);
    approve.toggleAttribute('disabled', approvable.length === 0);
    approve.addEventListener('click', () => {
      const covers = approvable.map((r) => ({ dataset: r.dataset, upload_id: r.latest_accepted }));
      void act({ action: 'approve', period, province: standing.province, covers });
    });
    const reason = el('textarea', { id: 'reopen-reason', rows: '2', 'aria-label': tx('reason') }, []);
    const reopen = el('button', { type: 'button', id: 'reopen' }, [tx('reopen')]);
    reopen.toggleAttribute('disabled', approved.length === 0);
    reopen.addEventListener('click', () => {
      const datasets = approved.map((r) => r.dataset);
      void act({ action: 'reopen', period, province: standing.province, datasets, reason: reason.value });
    });
    parts.push(el('p', {}, [tx('approveHint')]), approve, el('label', {}, [tx('reason'), reason]), reopen);
  }
  root.replaceChildren(...parts);
}
