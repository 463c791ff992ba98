/**
 * The two conversions chart values are made with, shared by the dashboard's pages and the specs
 * the refresh draws ahead, so a value drawn ahead and its live view are computed alike.
 */
import { VND_PER_TY } from './palette.ts';

/** Đồng to tỷ đồng, the unit the national charts draw money in. */
export const ty = (vnd: number) => vnd / VND_PER_TY;

/** A part of a whole in percent; no whole, no share (0). */
export const share = (part: number, whole: number) => (whole > 0 ? (100 * part) / whole : 0);
