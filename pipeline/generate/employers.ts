/** Employer identities for debtors and dossiers: unique tax codes and plausible Vietnamese names. */
import type { Rng } from './random.ts';

const FORMS = [
  'Công ty TNHH',
  'Công ty Cổ phần',
  'Công ty TNHH MTV',
  'Doanh nghiệp tư nhân',
  'Hợp tác xã',
] as const;
const TRADES = [
  'Thương mại',
  'Xây dựng',
  'Dệt may',
  'Cơ khí',
  'Thực phẩm',
  'Vận tải',
  'Dịch vụ',
  'Điện tử',
  'Chế biến gỗ',
  'Nông sản',
  'Da giày',
  'Du lịch',
  'Công nghệ',
  'Thủy sản',
  'Vật liệu xây dựng',
] as const;
const NAMES = [
  'An Phát',
  'Hoàng Long',
  'Minh Anh',
  'Phú Thịnh',
  'Thành Công',
  'Việt Tiến',
  'Hưng Thịnh',
  'Đại Nam',
  'Sao Mai',
  'Tân Phú',
  'Bình Minh',
  'Trường Sơn',
  'Hồng Hà',
  'Kim Ngân',
  'Phương Đông',
  'Thái Bình Dương',
  'Quang Trung',
  'Ngọc Lan',
  'Đức Huy',
  'Hải Âu',
] as const;

export function employerName(rng: Rng): string {
  return `${rng.pick(FORMS)} ${rng.pick(TRADES)} ${rng.pick(NAMES)}`;
}

/**
 * Hands out tax codes never used before in the run, so a code is unique in every file even after
 * the registers of merged units are put together. Some are branch codes (10 digits + "-" + 3).
 */
export class TaxCodes {
  /** Codes as numbers (prefix, 8 digits, branch), far lighter than strings at millions of codes. */
  private readonly used = new Set<number>();

  next(rng: Rng, prefix: string): string {
    for (;;) {
      const serial = rng.int(0, 99_999_999);
      const branch = rng.chance(0.06) ? rng.int(1, 30) : 0;
      const key = (Number(prefix) * 1e8 + serial) * 100 + branch;
      if (!this.used.has(key)) {
        this.used.add(key);
        const base = `${prefix}${String(serial).padStart(8, '0')}`;
        return branch === 0 ? base : `${base}-${String(branch).padStart(3, '0')}`;
      }
    }
  }
}
