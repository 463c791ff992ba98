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
  private readonly used = new Set<string>();

  next(rng: Rng, prefix: string): string {
    for (;;) {
      const base = `${prefix}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`;
      const code = rng.chance(0.06) ? `${base}-${String(rng.int(1, 30)).padStart(3, '0')}` : base;
      if (!this.used.has(code)) {
        this.used.add(code);
        return code;
      }
    }
  }
}
