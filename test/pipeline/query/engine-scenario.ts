/**
 * A lake small enough to compute by hand, across the 63 -> 34 change: 2025-06 (63 units) and
 * 2025-07 (34 units). Hà Giang (02) merged into Tuyên Quang (08) on 2025-07-01.
 * The expected figures in the tests are worked out from these rows on paper.
 */
import { writeLakeFile, writeLedgerRecord } from './engine-fixture.ts';

const debtor = (
  ma_so_thue: string,
  no_bhxh: number,
  no_bhyt: number,
  no_bhtn: number,
  so_thang_no: number,
  da_thu_hoi: number,
) => ({
  ma_so_thue,
  ten_don_vi: `Công ty ${ma_so_thue}`,
  no_bhxh,
  no_bhyt,
  no_bhtn,
  so_thang_no,
  da_thu_hoi,
  so_lao_dong: 10,
  tinh_trang: 'late',
});

const scheme = (
  loai_hinh: string,
  so_nguoi_tham_gia: number,
  chi_tieu_giao: number,
  dan_so_co_so: number,
) => ({
  loai_hinh,
  so_nguoi_tham_gia,
  chi_tieu_giao,
  dan_so_co_so,
});

export async function writeScenario(mirror: string): Promise<void> {
  // 2025-06, 63 units.
  await writeLakeFile(mirror, 'debt', '2025-06', '01', [
    debtor('0100000001', 100, 20, 5, 4, 10),
    debtor('0100000002', 50, 0, 0, 1, 0),
    debtor('0100000003', 0, 0, 0, 0, 7),
  ]);
  await writeLakeFile(mirror, 'debt', '2025-06', '08', [debtor('5000000001', 300, 30, 10, 3, 0)]);
  await writeLakeFile(mirror, 'debt', '2025-06', '02', [debtor('5100000001', 60, 0, 0, 2, 0)]);
  await writeLakeFile(mirror, 'coverage', '2025-06', '01', [
    scheme('si_compulsory', 1000, 1200, 5000),
    scheme('si_voluntary', 200, 300, 5000),
    scheme('hi', 8000, 8500, 9000),
    scheme('ui', 900, 1000, 5000),
  ]);
  await writeLakeFile(mirror, 'coverage', '2025-06', '08', [
    scheme('si_compulsory', 100, 150, 700),
    scheme('hi', 600, 650, 800),
  ]);
  await writeLakeFile(mirror, 'enforcement', '2025-06', '01', [
    {
      so_cuoc_thanh_tra: 5,
      so_don_vi_duoc_thanh_tra: 4,
      so_don_vi_vi_pham: 2,
      so_quyet_dinh_xu_phat: 2,
      tien_phat: 1_000_000,
      tien_phat_da_thu: 400_000,
    },
  ]);
  await writeLakeFile(mirror, 'prosecution', '2025-06', '01', [
    {
      ma_ho_so: 'HS-1',
      dieu_luat: '214',
      ma_so_thue: null,
      ngay_gui: '2025-03-15',
      trang_thai: 'sent',
      so_tien: 10,
    },
    {
      ma_ho_so: 'HS-2',
      dieu_luat: '216',
      ma_so_thue: '0100000001',
      ngay_gui: '2025-04-01',
      trang_thai: 'prosecuted',
      so_tien: 20,
    },
    {
      ma_ho_so: 'HS-3',
      dieu_luat: '216',
      ma_so_thue: '0100000002',
      ngay_gui: '2025-05-20',
      trang_thai: 'tried',
      so_tien: 30,
    },
  ]);
  // Only unit 01 sends its collection report: the late-payment rate compares its debt alone.
  await writeLakeFile(mirror, 'collection', '2025-06', '01', [
    { loai_bao_hiem: 'bhxh', so_phai_thu: 4000, so_da_thu: 3900, lai_cham_dong: 12 },
    { loai_bao_hiem: 'bhyt', so_phai_thu: 1500, so_da_thu: 1500, lai_cham_dong: 3 },
    { loai_bao_hiem: 'bhtn', so_phai_thu: 500, so_da_thu: 450, lai_cham_dong: 1 },
  ]);
  await writeLakeFile(mirror, 'procedures', '2025-06', '01', [
    {
      nhom_thu_tuc: 'collection',
      tiep_nhan: 100,
      dung_han: 80,
      tre_han: 10,
      dang_giai_quyet: 10,
      qua_han: 3,
    },
    { nhom_thu_tuc: 'short_term', tiep_nhan: 50, dung_han: 45, tre_han: 5, dang_giai_quyet: 0, qua_han: 0 },
  ]);
  // Deadline for 2025-06: end of 2025-07-10 in Vietnam = 2025-07-10T17:00:00Z.
  const june = { period: '2025-06' };
  writeLedgerRecord(mirror, {
    ...june,
    dataset: 'debt',
    province: '01',
    received_at: '2025-07-05T03:00:00.000Z',
  });
  writeLedgerRecord(mirror, {
    ...june,
    dataset: 'debt',
    province: '01',
    received_at: '2025-07-20T03:00:00.000Z',
    status: 'duplicate',
  });
  writeLedgerRecord(mirror, {
    ...june,
    dataset: 'debt',
    province: '08',
    received_at: '2025-07-10T16:59:59.000Z',
  });
  writeLedgerRecord(mirror, {
    ...june,
    dataset: 'debt',
    province: '02',
    received_at: '2025-07-03T00:00:00.000Z',
    status: 'rejected',
  });
  writeLedgerRecord(mirror, {
    ...june,
    dataset: 'debt',
    province: '02',
    received_at: '2025-07-10T17:00:00.000Z',
  });
  writeLedgerRecord(mirror, {
    ...june,
    dataset: 'coverage',
    province: '01',
    received_at: '2025-07-01T00:00:00.000Z',
  });
  writeLedgerRecord(mirror, {
    ...june,
    dataset: 'coverage',
    province: '08',
    received_at: '2025-07-20T00:00:00.000Z',
  });
  for (const dataset of ['enforcement', 'prosecution', 'procedures']) {
    writeLedgerRecord(mirror, { ...june, dataset, province: '01', received_at: '2025-07-02T00:00:00.000Z' });
  }

  // 2025-07, 34 units: Tuyên Quang (08) now includes Hà Giang.
  await writeLakeFile(mirror, 'debt', '2025-07', '01', [debtor('0100000001', 200, 0, 0, 6, 50)]);
  await writeLakeFile(mirror, 'debt', '2025-07', '08', [debtor('5000000001', 500, 50, 0, 1, 0)]);
  const july = { period: '2025-07' };
  writeLedgerRecord(mirror, {
    ...july,
    dataset: 'debt',
    province: '01',
    received_at: '2025-08-01T00:00:00.000Z',
  });
  writeLedgerRecord(mirror, {
    ...july,
    dataset: 'debt',
    province: '08',
    received_at: '2025-08-11T01:00:00.000Z',
  });
}
