-- measure_series: the monthly series of one measure of vss.summaries (lib/summary/measures.ts),
-- national (province 'all') or for one unit, one row per month from the first to the last month
-- that holds data, whatever vss.months holds beyond them (value empty where nothing was
-- reported). geography 'reported' takes the unit as it was each month, so a merged province's
-- series steps at 2025-07; 'current' restates every month to the 34 units through
-- vss.provinces.current_code, so Đà Nẵng (48) runs on through the merger with Quảng Nam folded in.
-- params: measure, province=all, geography=reported
WITH given AS (
  SELECT CAST(? AS VARCHAR) AS measure, CAST(? AS VARCHAR) AS province, CAST(? AS VARCHAR) AS geography
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
  CROSS JOIN given g
  JOIN vss.provinces p
    ON p.code = s.province AND p.valid_from <= s.period AND (p.valid_to IS NULL OR p.valid_to >= s.period)
  WHERE s.measure = g.measure
),
totals AS (
  SELECT pl.period, SUM(pl.value) AS value
  FROM placed pl
  CROSS JOIN given g
  WHERE g.province = 'all' OR pl.unit = g.province
  GROUP BY pl.period
)
SELECT m.period, g.measure, g.province, t.value
FROM months m
CROSS JOIN given g
LEFT JOIN totals t ON t.period = m.period
ORDER BY m.period
