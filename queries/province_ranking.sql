-- province_ranking: for one month and one measure of vss.summaries (core/measures.ts,
-- e.g. debt_total, debt_3m_plus, hi_participants), the units ranked by it (1 = largest), with
-- the value and rank of the month before and the change. geography 'reported' ranks that month's
-- units (63 until 2025-06, 34 from 2025-07); 'current' ranks the 34 units with older figures
-- restated through vss.provinces.current_code. Across the 63 -> 34 change the month before is
-- restated to this month's units, so the change compares like with like.
-- previous_month is derived from period by the caller (core/comparison-months.ts).
-- A measure whose meaning a template version changed from this month (core/measure-breaks.ts:
-- arrears recovered at debt template version 2) has no change: change is NULL and change_break
-- names the reason ('template_changed'); it is NULL on every other row.
-- params: period, geography=reported, measure=debt_total, period, previous_month
WITH given AS (
  SELECT m.period, x.geography
  FROM vss.months m
  CROSS JOIN (VALUES ('reported'), ('current')) AS x (geography)
  WHERE m.period = ? AND x.geography = ?
),
units AS (
  SELECT u.code, u.name_vi
  FROM vss.provinces u
  CROSS JOIN given g
  WHERE (g.geography = 'current' AND u.generation = '34')
    OR (g.geography <> 'current' AND u.valid_from <= g.period AND (u.valid_to IS NULL OR u.valid_to >= g.period))
),
placed AS (
  SELECT
    s.period,
    s.measure,
    CASE
      WHEN g.geography = 'current' OR p.valid_from > g.period OR p.valid_to < g.period THEN p.current_code
      ELSE p.code
    END AS unit,
    s.value
  FROM vss.summaries s
  CROSS JOIN given g
  JOIN vss.provinces p
    ON p.code = s.province AND p.valid_from <= s.period AND (p.valid_to IS NULL OR p.valid_to >= s.period)
  WHERE s.measure = ? AND s.period IN (?, ?)
),
this_month AS (
  SELECT pl.unit, pl.measure, SUM(pl.value) AS value
  FROM placed pl
  JOIN given g ON pl.period = g.period
  GROUP BY pl.unit, pl.measure
),
month_before AS (
  SELECT pl.unit, SUM(pl.value) AS value
  FROM placed pl
  JOIN given g ON pl.period <> g.period
  GROUP BY pl.unit
),
breaks AS (
  -- begin generated: measure_breaks
  SELECT 'arrears_recovered' AS measure, 'template_changed' AS reason, '2026-07' AS break_from
  -- end generated
),
ranked AS (
  SELECT
    u.code AS province,
    u.name_vi,
    c.measure,
    c.value,
    b.value AS previous_value,
    RANK() OVER (ORDER BY c.value DESC) AS value_rank,
    CASE WHEN b.value IS NULL THEN NULL ELSE RANK() OVER (ORDER BY b.value DESC) END AS previous_rank
  FROM units u
  JOIN this_month c ON c.unit = u.code
  LEFT JOIN month_before b ON b.unit = u.code
)
SELECT
  g.period,
  r.measure,
  r.province,
  r.name_vi,
  r.value,
  r.value_rank,
  r.previous_value,
  CASE WHEN br.reason IS NULL THEN r.value - r.previous_value END AS change,
  r.previous_rank,
  br.reason AS change_break
FROM ranked r
CROSS JOIN given g
LEFT JOIN breaks br ON br.measure = r.measure AND br.break_from = g.period
ORDER BY r.value_rank, r.province
