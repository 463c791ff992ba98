-- national_figures: the national figures of one month, one row per measure, with the change
-- since the month before (mom) and since the same month a year before (yoy): debt by scheme,
-- debt of 3+ months, employers owing, arrears recovered; coverage per scheme and its rate
-- against the year's target and against population / labour force (*_pct_of_target,
-- *_pct_of_base, in percent); inspections, sanctions, fines imposed and collected; prosecution
-- dossiers by article and stage; procedures received, on time (and the on-time rate), overdue.
-- Sums over the units that reported, from vss.summaries; the same in both geographies.
-- Changes of a *_pct measure are in percentage points.
-- The coverage targets (<scheme>_target) are the national reference's (vss.targets, by the
-- month's year and generation), not the uploads' own chi_tieu_giao, summed over the units whose
-- coverage report is in and that have one; target_units says how many units that is (a unit
-- without a target is left out of the sum and of the rate, never counted as 0).
-- previous_month and previous_year are the comparison months, derived from period by the caller
-- (core/comparison-months.ts), so each read of vss.summaries is a plain partition predicate.
-- A measure whose meaning a template version changed (core/measure-breaks.ts: arrears recovered
-- counts the recoveries of employers that paid everything off from debt template version 2) has
-- no change across that version: mom_change, mom_pct (or the yoy ones) are NULL and mom_break
-- (yoy_break) names the reason, 'template_changed'; break_from is the version's first month.
-- params: period, previous_month, previous_year
WITH slots AS (
  SELECT 'current' AS slot, s.period, s.dataset, s.province, s.measure, s.value
  FROM vss.summaries s
  WHERE s.period = ?
  UNION ALL
  SELECT 'previous_month' AS slot, s.period, s.dataset, s.province, s.measure, s.value
  FROM vss.summaries s
  WHERE s.period = ?
  UNION ALL
  SELECT 'previous_year' AS slot, s.period, s.dataset, s.province, s.measure, s.value
  FROM vss.summaries s
  WHERE s.period = ?
),
coverage_targets AS (
  SELECT c.slot, c.period, t.*
  FROM (SELECT DISTINCT slot, period, province FROM slots WHERE dataset = 'coverage') c
  JOIN vss.targets t
    ON t.year = substr(c.period, 1, 4)
    AND t.generation = (CASE WHEN c.period >= '2025-07' THEN '34' ELSE '63' END)
    AND t.province = c.province
),
sums AS (
  SELECT slot, period, measure, CAST(SUM(value) AS DOUBLE) AS value
  FROM slots
  WHERE measure NOT IN (
    -- begin generated: upload_targets
    'si_compulsory_target', 'si_voluntary_target', 'ui_target', 'hi_target'
    -- end generated
  )
  GROUP BY slot, period, measure
  UNION ALL
  -- begin generated: assigned_measures
  SELECT slot, period, 'si_compulsory_target' AS measure, CAST(SUM(target_si_compulsory) AS DOUBLE) AS value FROM coverage_targets GROUP BY slot, period
  UNION ALL SELECT slot, period, 'si_voluntary_target' AS measure, CAST(SUM(target_si_voluntary) AS DOUBLE) AS value FROM coverage_targets GROUP BY slot, period
  UNION ALL SELECT slot, period, 'ui_target' AS measure, CAST(SUM(target_ui) AS DOUBLE) AS value FROM coverage_targets GROUP BY slot, period
  UNION ALL SELECT slot, period, 'hi_target' AS measure, CAST(SUM(target_hi) AS DOUBLE) AS value FROM coverage_targets GROUP BY slot, period
  UNION ALL SELECT slot, period, 'target_units' AS measure, CAST(COUNT(target_si_compulsory) AS DOUBLE) AS value FROM coverage_targets GROUP BY slot, period
  UNION ALL SELECT s.slot, s.period, 'si_compulsory_participants_targeted' AS measure, CAST(SUM(s.value) AS DOUBLE) AS value FROM slots s JOIN coverage_targets c ON c.slot = s.slot AND c.province = s.province WHERE s.dataset = 'coverage' AND s.measure = 'si_compulsory_participants' GROUP BY s.slot, s.period
  UNION ALL SELECT s.slot, s.period, 'si_voluntary_participants_targeted' AS measure, CAST(SUM(s.value) AS DOUBLE) AS value FROM slots s JOIN coverage_targets c ON c.slot = s.slot AND c.province = s.province WHERE s.dataset = 'coverage' AND s.measure = 'si_voluntary_participants' GROUP BY s.slot, s.period
  UNION ALL SELECT s.slot, s.period, 'ui_participants_targeted' AS measure, CAST(SUM(s.value) AS DOUBLE) AS value FROM slots s JOIN coverage_targets c ON c.slot = s.slot AND c.province = s.province WHERE s.dataset = 'coverage' AND s.measure = 'ui_participants' GROUP BY s.slot, s.period
  UNION ALL SELECT s.slot, s.period, 'hi_participants_targeted' AS measure, CAST(SUM(s.value) AS DOUBLE) AS value FROM slots s JOIN coverage_targets c ON c.slot = s.slot AND c.province = s.province WHERE s.dataset = 'coverage' AND s.measure = 'hi_participants' GROUP BY s.slot, s.period
  -- end generated
),
ratio_defs AS (
  -- begin generated: coverage_ratios
  SELECT 'si_compulsory_pct_of_target' AS measure, 'si_compulsory_participants_targeted' AS numerator, 'si_compulsory_target' AS denominator
  UNION ALL SELECT 'si_compulsory_pct_of_base', 'si_compulsory_participants', 'si_compulsory_base'
  UNION ALL SELECT 'si_voluntary_pct_of_target', 'si_voluntary_participants_targeted', 'si_voluntary_target'
  UNION ALL SELECT 'si_voluntary_pct_of_base', 'si_voluntary_participants', 'si_voluntary_base'
  UNION ALL SELECT 'ui_pct_of_target', 'ui_participants_targeted', 'ui_target'
  UNION ALL SELECT 'ui_pct_of_base', 'ui_participants', 'ui_base'
  UNION ALL SELECT 'hi_pct_of_target', 'hi_participants_targeted', 'hi_target'
  UNION ALL SELECT 'hi_pct_of_base', 'hi_participants', 'hi_base'
  -- end generated
  UNION ALL SELECT 'procedures_on_time_pct', 'procedures_on_time', 'procedures_resolved'
  UNION ALL SELECT 'fines_collected_pct', 'fines_collected', 'fines_imposed'
),
ratios AS (
  SELECT n.slot, n.period, r.measure, ROUND(100 * n.value / d.value, 2) AS value
  FROM ratio_defs r
  JOIN sums n ON n.measure = r.numerator
  JOIN sums d ON d.measure = r.denominator AND d.slot = n.slot AND d.value > 0
),
figures AS (
  SELECT slot, period, measure, value FROM sums
  UNION ALL
  SELECT slot, period, measure, value FROM ratios
),
breaks AS (
  -- begin generated: measure_breaks
  SELECT 'arrears_recovered' AS measure, 'template_changed' AS reason, '2026-07' AS break_from
  -- end generated
),
compared AS (
  SELECT
    c.period,
    c.measure,
    c.value,
    pm.value AS previous_month_value,
    py.value AS previous_year_value,
    mb.reason AS mom_break,
    yb.reason AS yoy_break,
    COALESCE(mb.break_from, yb.break_from) AS break_from
  FROM figures c
  LEFT JOIN figures pm ON pm.slot = 'previous_month' AND pm.measure = c.measure
  LEFT JOIN figures py ON py.slot = 'previous_year' AND py.measure = c.measure
  LEFT JOIN breaks mb ON mb.measure = c.measure AND pm.period < mb.break_from AND mb.break_from <= c.period
  LEFT JOIN breaks yb ON yb.measure = c.measure AND py.period < yb.break_from AND yb.break_from <= c.period
  WHERE c.slot = 'current'
)
SELECT
  period,
  measure,
  value,
  previous_month_value,
  CASE WHEN mom_break IS NULL THEN value - previous_month_value END AS mom_change,
  CASE
    WHEN mom_break IS NULL AND previous_month_value <> 0
    THEN ROUND(100 * (value - previous_month_value) / previous_month_value, 2)
  END AS mom_pct,
  previous_year_value,
  CASE WHEN yoy_break IS NULL THEN value - previous_year_value END AS yoy_change,
  CASE
    WHEN yoy_break IS NULL AND previous_year_value <> 0
    THEN ROUND(100 * (value - previous_year_value) / previous_year_value, 2)
  END AS yoy_pct,
  mom_break,
  yoy_break,
  break_from
FROM compared
ORDER BY measure
