/**
 * Okabe-Ito colours: distinguishable with the common colour-vision deficiencies and in greyscale
 * print, which matters for a page that is printed for meetings.
 */
export const OKABE_ITO = {
  black: '#000000',
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  green: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  purple: '#CC79A7',
} as const;

/** Amount axes are in "tỷ đồng" (10^9 VND): whole numbers a reader can compare at a glance. */
export const VND_PER_TY = 1e9;

/** Vega expression that turns a "YYYY-MM" value into "MM/YYYY". */
export const PERIOD_LABEL_EXPR = "slice(datum.value, 5) + '/' + slice(datum.value, 0, 4)";
