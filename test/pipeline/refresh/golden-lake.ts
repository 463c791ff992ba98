/**
 * A lake made from a fixed seed for the site data golden test: three months across the July 2025
 * reform, six units of the 63 (four of the 34), every dataset and every category code, late and
 * missing reports, a rejected upload, a duplicate and a few sign-offs. Nothing here reads a clock
 * or a random source, so two runs write the same bytes; the figures are whatever the generator
 * gives, and the golden files hold them.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { approvalIdOf, type ApprovalRecord } from '../../../pipeline/approval/approval-record.ts';
import { approvalKey } from '../../../core/contracts/layout.ts';
import { DATASET_NAMES, DATASETS, type DatasetName } from '../../../core/datasets/index.ts';
import { writeLakeFile, writeLedgerRecord, type FixtureRow } from '../query/engine-fixture.ts';

export const GOLDEN_PERIODS = ['2025-05', '2025-06', '2025-07'] as const;
const UNITS_63 = ['01', '02', '08', '48', '49', '79'];
const UNITS_34 = ['01', '08', '48', '79'];

/** mulberry32: a small seeded generator, the same numbers on every machine. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The category codes of a dataset's column, from its definition. */
function codes(dataset: DatasetName, key: string): string[] {
  const type = DATASETS[dataset].columns.find((c) => c.key === key)?.type;
  return type?.kind === 'category' ? type.options.map((o) => o.code) : [];
}

type Draw = () => number;
const int = (draw: Draw, lo: number, hi: number) => lo + Math.floor(draw() * (hi - lo + 1));

function debtRows(draw: Draw, unit: string, month: number): FixtureRow[] {
  const statuses = codes('debt', 'tinh_trang');
  return Array.from({ length: int(draw, 4, 9) }, (_, i) => ({
    ma_so_thue: `${unit}${String(month)}${String(i).padStart(7, '0')}`,
    ten_don_vi: `Công ty ${unit}-${i}`,
    no_bhxh: int(draw, 0, 90) * 1_000_000,
    no_bhyt: int(draw, 0, 20) * 500_000,
    no_bhtn: int(draw, 0, 5) * 250_000,
    so_thang_no: int(draw, 0, 12),
    da_thu_hoi: int(draw, 0, 10) * 100_000,
    so_lao_dong: int(draw, 0, 25),
    tinh_trang: statuses[(i + month) % statuses.length] ?? null,
  }));
}

function coverageRows(draw: Draw): FixtureRow[] {
  return codes('coverage', 'loai_hinh').map((loai_hinh) => {
    const base = int(draw, 5_000, 90_000);
    return {
      loai_hinh,
      so_nguoi_tham_gia: int(draw, base / 4, base),
      chi_tieu_giao: int(draw, base / 3, base),
      dan_so_co_so: base,
    };
  });
}

/**
 * The columns the enforcement template gained, from 2025-06 (month 1) on, but not in Quảng Nam's
 * (49) June report, made with the older template. Drawn from a source of their own, so the rest
 * of the lake is the same numbers as before they were added.
 */
function enforcementResults(unit: string, month: number, inspections: number): FixtureRow {
  if (month < 1 || (unit === '49' && month === 1)) return {};
  const draw = generator(Number(unit) * 100 + month);
  const unscheduled = int(draw, 0, inspections);
  const specialised = int(draw, 0, inspections - unscheduled);
  const found = int(draw, 0, 400) * 2_500_000;
  const police = int(draw, 0, 2);
  return {
    so_cuoc_theo_ke_hoach: inspections - unscheduled - specialised,
    so_cuoc_dot_xuat: unscheduled,
    so_cuoc_chuyen_nganh: specialised,
    so_lao_dong_chua_tham_gia: int(draw, 0, 60),
    so_tien_dong_thieu: found,
    so_tien_da_truy_thu: int(draw, 0, found / 1_000_000) * 1_000_000,
    so_don_vi_thu_hoi_cong_an: police,
    so_tien_thu_hoi_cong_an: police * int(draw, 1, 300) * 1_000_000,
  };
}

function enforcementRows(draw: Draw, unit: string, month: number): FixtureRow[] {
  const inspected = int(draw, 3, 30);
  const fines = int(draw, 1, 90) * 5_000_000;
  const inspections = int(draw, 1, 12);
  return [
    {
      so_cuoc_thanh_tra: inspections,
      so_don_vi_duoc_thanh_tra: inspected,
      so_don_vi_vi_pham: int(draw, 0, inspected),
      so_quyet_dinh_xu_phat: int(draw, 0, 8),
      tien_phat: fines,
      tien_phat_da_thu: int(draw, 0, fines / 1_000_000) * 1_000_000,
      ...enforcementResults(unit, month, inspections),
    },
  ];
}

function prosecutionRows(draw: Draw, unit: string, month: number): FixtureRow[] {
  const articles = codes('prosecution', 'dieu_luat');
  const stages = codes('prosecution', 'trang_thai');
  return Array.from({ length: int(draw, 2, 6) }, (_, i) => {
    const article = articles[(i + month) % articles.length] ?? '216';
    return {
      ma_ho_so: `HS-${unit}-${i}`,
      dieu_luat: article,
      ma_so_thue: article === '216' || i % 2 === 0 ? `${unit}99${String(i).padStart(6, '0')}` : null,
      ngay_gui: `2025-0${1 + (i % 4)}-1${i % 9}`,
      trang_thai: stages[int(draw, 0, stages.length - 1)] ?? 'sent',
      so_tien: int(draw, 1, 900) * 1_000_000,
    };
  });
}

function proceduresRows(draw: Draw): FixtureRow[] {
  return codes('procedures', 'nhom_thu_tuc').map((nhom_thu_tuc) => {
    const onTime = int(draw, 50, 900);
    const late = int(draw, 0, 40);
    const pending = int(draw, 0, 60);
    return {
      nhom_thu_tuc,
      tiep_nhan: onTime + late + pending,
      dung_han: onTime,
      tre_han: late,
      dang_giai_quyet: pending,
      qua_han: int(draw, 0, pending),
    };
  });
}

function collectionRows(draw: Draw): FixtureRow[] {
  return codes('collection', 'loai_bao_hiem').map((loai_bao_hiem) => {
    const due = int(draw, 100, 9_000) * 1_000_000;
    return {
      loai_bao_hiem,
      so_phai_thu: due,
      so_da_thu: Math.round(due * (0.9 + draw() * 0.1)),
      lai_cham_dong: int(draw, 0, 50) * 100_000,
    };
  });
}

function rowsOf(dataset: DatasetName, draw: Draw, unit: string, month: number): FixtureRow[] {
  switch (dataset) {
    case 'debt':
      return debtRows(draw, unit, month);
    case 'coverage':
      return coverageRows(draw);
    case 'enforcement':
      return enforcementRows(draw, unit, month);
    case 'prosecution':
      return prosecutionRows(draw, unit, month);
    case 'procedures':
      return proceduresRows(draw);
    case 'collection':
      return collectionRows(draw);
  }
}

/** The report deadline of a month, the end of the 10th of the next month in Vietnam, shifted by hours. */
function receivedAt(period: string, hoursAfterDeadline: number): string {
  const [y = 0, m = 0] = period.split('-').map(Number);
  return new Date(Date.UTC(y, m, 10, 17) + hoursAfterDeadline * 3_600_000).toISOString();
}

function writeApproval(mirror: string, fields: Omit<ApprovalRecord, 'approval_id'>): void {
  const record = { ...fields, approval_id: approvalIdOf(fields) };
  const path = join(mirror, approvalKey(record.period as '2025-07', record.province, record.approval_id));
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(record));
}

/** Writes the lake, ledger and sign-offs of `periods` into `mirror`, as the mirror of the lake bucket holds them. */
export async function writeGoldenLake(
  mirror: string,
  seed = 19,
  periods: readonly string[] = GOLDEN_PERIODS,
): Promise<void> {
  const draw = generator(seed);
  let upload = 0;
  const approvable: { dataset: DatasetName; period: string; province: string; upload_id: string }[] = [];
  for (const [month, period] of periods.entries()) {
    const units = period >= '2025-07' ? UNITS_34 : UNITS_63;
    for (const unit of units) {
      for (const dataset of DATASET_NAMES) {
        if (draw() < 0.12) continue; // a report not sent: missing, never zero
        const rows = rowsOf(dataset, draw, unit, month);
        await writeLakeFile(mirror, dataset, period, unit, rows);
        if (draw() < 0.15) {
          writeLedgerRecord(mirror, {
            dataset,
            period,
            province: unit,
            upload_id: `g${String(++upload).padStart(5, '0')}`,
            received_at: receivedAt(period, -72),
            status: 'rejected',
            rows_accepted: 0,
            rows_rejected: rows.length,
            error_count: 1,
          });
        }
        const uploadId = `g${String(++upload).padStart(5, '0')}`;
        writeLedgerRecord(mirror, {
          dataset,
          period,
          province: unit,
          upload_id: uploadId,
          received_at: receivedAt(period, int(draw, -200, 60)),
          rows_read: rows.length,
          rows_accepted: rows.length,
          sha256: `${dataset}${period}${unit}`.padEnd(64, '0'),
          warning_count: int(draw, 0, 2),
        });
        if (draw() < 0.1) {
          writeLedgerRecord(mirror, {
            dataset,
            period,
            province: unit,
            upload_id: `g${String(++upload).padStart(5, '0')}`,
            received_at: receivedAt(period, 100),
            status: 'duplicate',
          });
        }
        approvable.push({ dataset, period, province: unit, upload_id: uploadId });
      }
    }
  }
  // About half the reports approved by the director, one of them reopened afterwards.
  const approved = approvable.filter(() => draw() < 0.5);
  for (const [i, a] of approved.entries()) {
    writeApproval(mirror, {
      action: 'approve',
      period: a.period,
      province: a.province,
      covers: [{ dataset: a.dataset, upload_id: a.upload_id }],
      actor: 'giam.doc',
      role: 'director',
      at: receivedAt(a.period, 200 + i),
      reason: null,
    });
  }
  const reopened = approved[3];
  if (reopened) {
    writeApproval(mirror, {
      action: 'reopen',
      period: reopened.period,
      province: reopened.province,
      covers: [{ dataset: reopened.dataset, upload_id: reopened.upload_id }],
      actor: 'giam.doc',
      role: 'director',
      at: receivedAt(reopened.period, 400),
      reason: 'Số liệu cần rà soát lại',
    });
  }
}
