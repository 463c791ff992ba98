/**
 * CSV uploads for the DuckDB-path differential test: valid files of each dataset, large enough
 * for the DuckDB path, and the same files bent in the ways provinces bend them (title rows,
 * numbering rows, semicolons, BOM, CRLF, blank lines, totals rows, quoted and multi-line cells,
 * bad cells, extra columns). Written here from the dataset definitions, not by the code tested.
 */
import iconv from 'iconv-lite';
import { DATASETS, type ColumnDef, type DatasetName } from '../../../core/datasets/index.ts';

export type Cell = string;
export interface Upload {
  name: string;
  dataset: DatasetName;
  bytes: Uint8Array;
  /** Whether the DuckDB path should take it (true) or leave it to the JavaScript path (false). */
  fast: boolean;
}

const NAMES = [
  'Công ty TNHH Thương mại Tân Phú',
  'Hợp tác xã Nông nghiệp Đồng Tâm',
  'Doanh nghiệp tư nhân Cơ khí Thành Công',
  'Tổng công ty Xây dựng Sông Đà',
  'Chi nhánh Công ty CP Dược, Hậu Giang',
  'Cửa hàng Vật liệu Ánh Dương',
  'Trường Mầm non Hoa Sen',
  'Tổng Công Ty Điện lực Miền Nam',
];

/** A valid value of column `c` for row `i` (rows also satisfy their dataset's row rules). */
function cellOf(name: DatasetName, c: ColumnDef, i: number): Cell {
  const t = c.type;
  if (name === 'prosecution' && c.key === 'ma_so_thue' && i % 5 === 0) return '';
  if (name === 'prosecution' && c.key === 'dieu_luat') return i % 5 === 0 ? '214' : 'Điều 216';
  if (name === 'enforcement') {
    const small = ['so_don_vi_vi_pham', 'tien_phat_da_thu', 'so_cuoc_dot_xuat', 'so_cuoc_chuyen_nganh'];
    if (small.includes(c.key) || c.key === 'so_tien_da_truy_thu') return String(i % 3);
    // the inspection types add up to the inspections
    if (c.key === 'so_cuoc_theo_ke_hoach') return String(((i * 7919) % 900) + 1003 - 2 * (i % 3));
    // a report that leaves the police-coordination figures empty (they may be)
    if (c.key.endsWith('_cong_an') && i % 7 === 0) return '';
  }
  switch (t.kind) {
    case 'tax_code':
      return i % 4 === 3 ? `${3700000000 + i}-00${i % 10}` : String(3700000000 + i);
    case 'text':
      return c.unique ? `HS-${i}` : `${NAMES[i % NAMES.length]} ${i}`;
    case 'integer':
      return String(t.max !== undefined ? (i * 7) % t.max : ((i * 7919) % 900) + 1003);
    case 'category': {
      const option = t.options[i % t.options.length]!;
      return i % 3 === 0 ? option.code : i % 3 === 1 ? option.vi : option.vi.toUpperCase();
    }
    case 'date':
      return i % 2 === 0 ? `${(i % 28) + 1}/0${(i % 9) + 1}/2025` : `2025-1${i % 3}-0${(i % 9) + 1}`;
  }
}

export function dataRows(name: DatasetName, count: number): Cell[][] {
  const columns = DATASETS[name].columns;
  return Array.from({ length: count }, (_, i) => columns.map((c) => cellOf(name, c, i)));
}

export const headerRow = (name: DatasetName): Cell[] => DATASETS[name].columns.map((c) => c.vi);

interface Shape {
  delimiter?: string;
  eol?: string;
  bom?: boolean;
  titles?: Cell[][];
  numbering?: boolean;
  header?: Cell[];
  rows: Cell[][];
  after?: Cell[][];
  encoding?: 'windows-1258';
}

function quote(cell: Cell, delimiter: string): string {
  return /["\r\n]/.test(cell) || cell.includes(delimiter) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

export function csvBytes(name: DatasetName, shape: Shape): Uint8Array {
  const d = shape.delimiter ?? ',';
  const eol = shape.eol ?? '\r\n';
  const header = shape.header ?? headerRow(name);
  const numbering = shape.numbering ? [header.map((_, i) => `(${i + 1})`)] : [];
  const lines = [...(shape.titles ?? []), header, ...numbering, ...shape.rows, ...(shape.after ?? [])];
  const text = lines.map((cells) => cells.map((cell) => quote(cell, d)).join(d)).join(eol) + eol;
  if (shape.encoding) return iconv.encode(text, shape.encoding);
  return Buffer.from((shape.bom ? '\ufeff' : '') + text, 'utf8');
}
