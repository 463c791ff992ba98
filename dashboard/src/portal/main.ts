/**
 * The upload portal page: who is submitting, the upload form (dataset, month, file by drop or
 * picker), progress while the file travels and is checked, the receipt, what is due and the
 * month's history, and the templates. Text comes from portal-text.ts in the chosen language.
 */
import { DATASET_NAMES } from '../../../core/datasets/index.ts';
import { addMonths, periodOf } from '../../../core/period.ts';
import { datasetTitle, lang, pick, setLang } from '../i18n.ts';
import { formatPeriod } from '../../../core/format.ts';
import {
  ApiRefusal,
  askToUpload,
  getDue,
  getMe,
  putFile,
  sha256Hex,
  waitForReceipt,
  type Me,
} from './api-client.ts';
import { byId, el } from './dom.ts';
import { renderDue } from './due-view.ts';
import { PORTAL_TEXT, type PortalTextKey, SIGN_OFF_TEXT } from '../../../core/messages/index.ts';
import { renderReceipt } from './receipt-view.ts';
import { renderSignOff } from './sign-off-view.ts';
import { showLocalSwitch } from './local-switch.ts';

const tx = (key: PortalTextKey) => pick(PORTAL_TEXT[key]);
const MONTHS_OFFERED = 24;

let me: Me = { scope: null, local: false };
let chosen: File | undefined;
let lastReceipt: { key: string; sha256: string } | undefined;

function say(key: PortalTextKey | string, fraction?: number): void {
  const status = byId('upload-status');
  status.textContent = key in PORTAL_TEXT ? tx(key as PortalTextKey) : key;
  const bar = byId<HTMLProgressElement>('upload-progress');
  bar.hidden = fraction === undefined;
  if (fraction === undefined) return;
  if (Number.isNaN(fraction)) bar.removeAttribute('value');
  else bar.value = fraction;
}

function applyText(): void {
  document.title = tx('docTitle');
  for (const node of document.querySelectorAll<HTMLElement>('[data-text]'))
    node.textContent = tx(node.dataset.text as PortalTextKey);
  byId('lang').setAttribute('aria-label', tx('languageLabel'));
  const who = byId('who');
  who.textContent =
    me.scope === null
      ? tx('notSignedIn')
      : me.scope === 'all'
        ? tx('leadership')
        : `${tx('signedInAs')}: ${me.scope}`;
  for (const option of byId<HTMLSelectElement>('dataset').options)
    option.textContent = datasetTitle(option.value);
  renderTemplates();
}

function fillForm(): void {
  const dataset = byId<HTMLSelectElement>('dataset');
  dataset.replaceChildren(...DATASET_NAMES.map((d) => el('option', { value: d }, [datasetTitle(d)])));
  const period = byId<HTMLSelectElement>('period');
  const current = periodOf(new Date());
  const months = Array.from({ length: MONTHS_OFFERED }, (_, i) => addMonths(current, -i));
  period.replaceChildren(...months.map((m) => el('option', { value: m }, [formatPeriod(m)])));
  // The month due: last month's reports are due by the 10th of this one.
  period.value = addMonths(current, -1);
}

/** The templates of the month chosen: a dataset's template can change from a month on. */
function renderTemplates(): void {
  const period = byId<HTMLSelectElement>('period').value;
  byId('templates-list').replaceChildren(
    ...DATASET_NAMES.map((d) =>
      el('li', {}, [
        el(
          'a',
          { href: `api/templates/${d}.xlsx?period=${encodeURIComponent(period)}`, download: `${d}.xlsx` },
          [`${tx('template')}: ${datasetTitle(d)}`],
        ),
      ]),
    ),
  );
}

async function refreshDue(): Promise<void> {
  if (me.scope === null) return;
  const period = byId<HTMLSelectElement>('period').value;
  byId('sign-off-heading').textContent = pick(SIGN_OFF_TEXT.heading);
  await renderSignOff(byId('sign-off'), me.scope, period).catch(() => undefined);
  if (me.scope === 'all') return;
  renderDue(byId('due'), await getDue(period), (key, sha256) => void showReceipt(key, sha256));
}

/** Counts receipt requests: only the newest may draw, so a slow older answer never replaces it. */
let receiptRequest = 0;

async function showReceipt(key: string, sha256: string, after?: string): Promise<boolean> {
  const mine = ++receiptRequest;
  const answer = await waitForReceipt(key, sha256, { everyMs: 1000, attempts: 120, after });
  if (mine !== receiptRequest) return answer !== undefined;
  if (!answer) return false;
  lastReceipt = { key, sha256 };
  renderReceipt(byId('receipt'), answer, sha256);
  return true;
}

function choose(file: File | undefined): void {
  chosen = file;
  byId('chosen').textContent = file ? `${tx('chosen')}: ${file.name} (${file.size.toLocaleString()} B)` : '';
}

async function submit(event: Event): Promise<void> {
  event.preventDefault();
  const button = byId<HTMLButtonElement>('submit');
  if (!chosen) return say('chooseFileFirst');
  button.disabled = true;
  try {
    say('hashing', Number.NaN);
    const bytes = await chosen.arrayBuffer();
    const sha256 = await sha256Hex(bytes);
    say('asking', Number.NaN);
    const grant = await askToUpload({
      dataset: byId<HTMLSelectElement>('dataset').value,
      period: byId<HTMLSelectElement>('period').value,
      fileName: chosen.name,
      size: chosen.size,
      sha256,
    });
    say('uploading', 0);
    await putFile(grant, chosen, (f) => say('uploading', f));
    say('checking', Number.NaN);
    // A new upload clears the receipt on screen: the one drawn next is this upload's.
    byId('receipt').hidden = true;
    byId('receipt').replaceChildren();
    say((await showReceipt(grant.key, sha256, grant.issued_at)) ? '' : 'receiptTimeout');
    // The receipt is answered only once the ledger holds the upload, so what is due now lists it.
    await refreshDue();
  } catch (error) {
    say(error instanceof ApiRefusal ? pick(error.text) : tx('uploadFailed'));
  } finally {
    button.disabled = false;
  }
}

function wireDropZone(): void {
  const zone = byId('drop-zone');
  const input = byId<HTMLInputElement>('file');
  zone.addEventListener('click', () => input.click());
  zone.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      input.click();
    }
  });
  zone.addEventListener('dragover', (e) => {
    e.preventDefault();
    zone.classList.add('drag-over');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('drag-over'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('drag-over');
    choose(e.dataTransfer?.files[0]);
  });
  input.addEventListener('change', () => choose(input.files?.[0]));
}

async function start(): Promise<void> {
  setLang(new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'vi');
  fillForm();
  wireDropZone();
  me = await getMe();
  if (me.local) showLocalSwitch(me, () => location.reload());
  if (me.scope === null && !me.local) location.assign('/auth/login');
  byId<HTMLButtonElement>('submit').disabled = me.scope === null || me.scope === 'all';
  byId('upload-form').addEventListener('submit', (e) => void submit(e));
  byId('period').addEventListener('change', () => {
    renderTemplates();
    void refreshDue();
  });
  byId('lang').addEventListener('click', () => {
    setLang(lang() === 'vi' ? 'en' : 'vi');
    applyText();
    void refreshDue();
    if (lastReceipt) void showReceipt(lastReceipt.key, lastReceipt.sha256);
  });
  applyText();
  await refreshDue();
  document.body.dataset.ready = 'true';
}

void start();
