import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalPortal, type LocalPortal } from '../../../local/local-portal.ts';
import type { Receipt } from '../../../core/contracts/receipt.ts';
import { serveSite, type SiteServer } from '../../../local/site-server.ts';
import { brokenDebtCsv, debtCsv } from '../ingest/ingest-harness.ts';
import { DATASET_NAMES } from '../../../core/datasets/index.ts';

let dir: string;
let portal: LocalPortal;
let site: SiteServer;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vss-portal-'));
  await writeFile(join(dir, 'index.html'), '<!doctype html><title>site</title>');
  portal = await startLocalPortal({ dataDir: join(dir, 'data'), asProvince: '48', log: () => undefined });
  site = await serveSite({ dir, port: 0, api: portal.handle });
});

afterAll(async () => {
  await site?.close();
  await portal?.close();
  await rm(dir, { recursive: true, force: true });
});

const api = (path: string, init: RequestInit = {}) => fetch(new URL(path, site.url), init);
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** What the portal page does: ask for a URL, PUT the bytes there, poll for the receipt. */
async function uploadThroughPortal(fileName: string, csv: string, period = '2025-08') {
  const ask = await api('/api/uploads', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      dataset: 'debt',
      period,
      fileName,
      size: Buffer.byteLength(csv),
      sha256: sha256(csv),
    }),
  });
  expect(ask.status).toBe(201);
  const grant = (await ask.json()) as {
    key: string;
    upload: { url: string; headers: Record<string, string> };
  };
  const put = await fetch(grant.upload.url, { method: 'PUT', headers: grant.upload.headers, body: csv });
  expect(put.status).toBe(200);
  await portal.idle();
  const query = `key=${encodeURIComponent(grant.key)}&sha256=${sha256(csv)}`;
  const answer = await api(`/api/receipt?${query}`);
  expect(answer.status).toBe(200);
  return { key: grant.key, query, ...((await answer.json()) as { receipt: Receipt }) };
}

describe('the upload portal on the local server, with the local S3 and the real ingest', () => {
  it('takes a good file to an accepted receipt whose totals are the sums of the rows', async () => {
    const csv = debtCsv(5, 3);
    const { key, receipt } = await uploadThroughPortal('no-thang-8.csv', csv);
    expect(key).toBe('uploads/debt/2025-08/48/no-thang-8.csv');
    expect(receipt.status).toBe('accepted');
    expect(receipt.rows).toEqual({ read: 5, accepted: 5, rejected: 0 });
    const [header, ...lines] = csv.trim().split('\n');
    const col = header!.split(',').indexOf('no_bhxh');
    expect(receipt.totals.no_bhxh).toBe(lines.reduce((s, l) => s + Number(l.split(',')[col]), 0));
    expect(receipt.upload.sha256).toBe(sha256(csv));
  });

  it('takes a broken file to a rejected receipt naming the row and column, and marks the cell', async () => {
    const csv = brokenDebtCsv(4, 7);
    const { receipt, query } = await uploadThroughPortal('no-sai.csv', csv);
    expect(receipt.status).toBe('rejected');
    expect(receipt.errors).toContainEqual(
      expect.objectContaining({ row: 2, column: 'no_bhxh', rule: 'integer.min' }),
    );
    // The API answers with a short-lived signed link, never the workbook in its own body.
    const answer = await api(`/api/annotated?${query}`, { redirect: 'manual' });
    expect(answer.status).toBe(303);
    expect(await answer.text()).toBe('');
    const link = new URL(answer.headers.get('location') ?? '');
    expect(link.pathname).toMatch(/\/annotated\/debt\/2025-08\/48\/[0-9a-f]{32}\.xlsx$/);
    expect(link.searchParams.get('X-Amz-Expires')).toBe('300');
    const marked = await fetch(link);
    expect(marked.status).toBe(200);
    expect(marked.headers.get('content-disposition')).toContain('no-sai.checked.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await marked.arrayBuffer());
    const note = workbook.worksheets[0]!.getCell(2, 3).note;
    expect(JSON.stringify(note)).toContain('tối thiểu');
  });

  it('says what is due for the month: debt on time or late, the others missing, and lists the uploads', async () => {
    const res = await api('/api/due?period=2025-08');
    const due = (await res.json()) as {
      province: string;
      reports: Array<{ dataset: string; status: string }>;
      history: Array<{ fileName: string; status: string }>;
    };
    expect(due.province).toBe('48');
    const debt = due.reports.find((r) => r.dataset === 'debt');
    // Uploaded today, long after 2025-09-10: late.
    expect(debt?.status).toBe('late');
    expect(due.reports.filter((r) => r.dataset !== 'debt').map((r) => r.status)).toEqual(
      Array(DATASET_NAMES.length - 1).fill('missing'),
    );
    expect(due.history.map((h) => [h.fileName, h.status]).sort()).toEqual([
      ['no-sai.csv', 'rejected'],
      ['no-thang-8.csv', 'accepted'],
    ]);
  });

  it("lists every month's uploads of the province in the history, whatever month is asked for", async () => {
    await uploadThroughPortal('no-thang-7.csv', debtCsv(3, 9), '2025-07');
    for (const period of ['2025-08', '2025-07', '2026-01']) {
      const due = (await (await api(`/api/due?period=${period}`)).json()) as {
        history: Array<{ fileName: string; period: string }>;
      };
      expect(due.history.map((h) => `${h.period} ${h.fileName}`).sort()).toEqual([
        '2025-07 no-thang-7.csv',
        '2025-08 no-sai.csv',
        '2025-08 no-thang-8.csv',
      ]);
    }
    const july = (await (await api('/api/due?period=2025-07')).json()) as {
      reports: Array<{ dataset: string; status: string }>;
    };
    expect(july.reports.find((r) => r.dataset === 'debt')?.status).toBe('late');
  });

  it("acts as the province chosen by the local switch, and refuses another province's receipt", async () => {
    const mine = (await (await api('/api/due?period=2025-08')).json()) as {
      history: Array<{ key: string; sha256: string }>;
    };
    const entry = mine.history[0]!;
    const asOther = await api(`/api/receipt?key=${encodeURIComponent(entry.key)}&sha256=${entry.sha256}`, {
      headers: { cookie: 'vss_as_province=01' },
    });
    expect(asOther.status).toBe(403);
    const me = await (await api('/api/me', { headers: { cookie: 'vss_as_province=01' } })).json();
    expect(me).toMatchObject({ scope: '01', local: true });
    expect(me.units).toHaveLength(63);
  });

  it('serves the debt template of the version in force for the month asked', async () => {
    const headers = async (period: string) => {
      const res = await api(`/api/templates/debt.xlsx?period=${period}`);
      expect(res.status).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(await res.arrayBuffer());
      return (workbook.worksheets[0]?.getRow(1).values as unknown[]).slice(1);
    };
    const v1 = await headers('2026-06');
    expect(v1).toContain('Tình trạng');
    expect(v1).not.toContain('Khu vực kinh tế');
    const v2 = await headers('2026-07');
    expect(v2).toEqual(expect.arrayContaining(['Khu vực kinh tế', 'Tính chất nợ', 'Biện pháp xử lý']));
    expect(v2).not.toContain('Tình trạng');
    expect((await api('/api/templates/debt.xlsx?period=2026-13')).status).toBe(400);
  });

  it('serves each dataset template as a workbook', async () => {
    const res = await api('/api/templates/procedures.xlsx');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    expect(workbook.worksheets.length).toBeGreaterThan(0);
  });
});
