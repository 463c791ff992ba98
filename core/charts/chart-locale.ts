/**
 * How charts write numbers and dates: "1.234.567,8" and "tháng 9" as Vietnamese readers write
 * them, in both languages. The dashboard's live views and the charts the refresh draws ahead read
 * the same definitions, so both print the same axis labels.
 */

/** d3-format locale. */
export const FORMAT_LOCALE = { decimal: ',', thousands: '.', grouping: [3], currency: ['', ' đ'] };

/** d3-time-format locale. */
export const TIME_FORMAT_LOCALE = {
  dateTime: '%A, %d/%m/%Y, %X',
  date: '%d/%m/%Y',
  time: '%H:%M:%S',
  periods: ['SA', 'CH'],
  days: ['Chủ nhật', 'Thứ hai', 'Thứ ba', 'Thứ tư', 'Thứ năm', 'Thứ sáu', 'Thứ bảy'],
  shortDays: ['CN', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7'],
  months: Array.from({ length: 12 }, (_, i) => `tháng ${i + 1}`),
  shortMonths: Array.from({ length: 12 }, (_, i) => `Th${i + 1}`),
};
