-- measure_series: the monthly series of one measure of vss.summaries (core/measures.ts),
-- national (province 'all') or for one unit, one row per month from the first to the last month
-- that holds data, whatever vss.months holds beyond them (value empty where nothing was
-- reported). geography 'reported' takes the unit as it was each month, so a merged province's
-- series steps at 2025-07; 'current' restates every month to the 34 units through
-- vss.provinces.current_code, so Đà Nẵng (48) runs on through the merger with Quảng Nam folded in.
-- A measure no unit has reported, or a unit that does not exist, gives no rows.
-- params: geography=reported, province=all, measure
WITH given AS (
  SELECT x.geography FROM (VALUES ('reported'), ('current')) AS x (geography) WHERE x.geography = ?
),
chosen_unit AS (
  SELECT DISTINCT u.code AS province
  FROM (SELECT 'all' AS code UNION ALL SELECT code FROM vss.provinces) u
  WHERE u.code = ?
),
chosen_measure AS (
  SELECT DISTINCT s.measure FROM vss.summaries s WHERE s.measure = ?
),
span AS (
  SELECT MIN(period) AS first_period, MAX(period) AS last_period
  FROM (SELECT period FROM vss.uploads UNION ALL SELECT period FROM vss.summaries) held
),
months AS (
  SELECT m.period FROM vss.months m JOIN span ON m.period BETWEEN span.first_period AND span.last_period
),
placed AS (
  SELECT
    s.period,
    CASE WHEN g.geography = 'current' THEN p.current_code ELSE p.code END AS unit,
    s.value
  FROM vss.summaries s
  JOIN chosen_measure cm ON cm.measure = s.measure
  CROSS JOIN given g
  JOIN vss.provinces p
    ON p.code = s.province AND p.valid_from <= s.period AND (p.valid_to IS NULL OR p.valid_to >= s.period)
),
totals AS (
  SELECT pl.period, SUM(pl.value) AS value
  FROM placed pl
  CROSS JOIN chosen_unit cu
  WHERE cu.province = 'all' OR pl.unit = cu.province
  GROUP BY pl.period
)
SELECT m.period, cm.measure, cu.province, t.value
FROM months m
CROSS JOIN chosen_measure cm
CROSS JOIN chosen_unit cu
LEFT JOIN totals t ON t.period = m.period
ORDER BY m.period
