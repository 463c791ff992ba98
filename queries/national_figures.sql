-- national_figures: the national figures of one month, one row per measure, with the change
-- since the month before (mom) and since the same month a year before (yoy): debt by scheme,
-- debt of 3+ months, employers owing, arrears recovered; coverage per scheme and its rate
-- against the year's target and against population / labour force (*_pct_of_target,
-- *_pct_of_base, in percent); inspections, sanctions, fines imposed and collected; prosecution
-- dossiers by article and stage; procedures received, on time (and the on-time rate), overdue.
-- Sums over the units that reported, from vss.summaries; the same in both geographies.
-- Changes of a *_pct measure are in percentage points.
-- params: period
WITH given AS (
  SELECT
    g.period,
    CASE
      WHEN substr(g.period, 6, 2) = '01'
        THEN concat(CAST(CAST(substr(g.period, 1, 4) AS INTEGER) - 1 AS VARCHAR), '-12')
      ELSE concat(substr(g.period, 1, 4), '-', lpad(CAST(CAST(substr(g.period, 6, 2) AS INTEGER) - 1 AS VARCHAR), 2, '0'))
    END AS previous_month,
    concat(CAST(CAST(substr(g.period, 1, 4) AS INTEGER) - 1 AS VARCHAR), substr(g.period, 5, 3)) AS previous_year
  FROM (SELECT CAST(? AS VARCHAR) AS period) g
),
sums AS (
  SELECT s.period, s.measure, CAST(SUM(s.value) AS DOUBLE) AS value
  FROM vss.summaries s
  JOIN given g ON s.period IN (g.period, g.previous_month, g.previous_year)
  GROUP BY s.period, s.measure
),
ratio_defs AS (
  SELECT 'si_compulsory_pct_of_target' AS measure, 'si_compulsory_participants' AS numerator, 'si_compulsory_target' AS denominator
  UNION ALL SELECT 'si_compulsory_pct_of_base', 'si_compulsory_participants', 'si_compulsory_base'
  UNION ALL SELECT 'si_voluntary_pct_of_target', 'si_voluntary_participants', 'si_voluntary_target'
  UNION ALL SELECT 'si_voluntary_pct_of_base', 'si_voluntary_participants', 'si_voluntary_base'
  UNION ALL SELECT 'ui_pct_of_target', 'ui_participants', 'ui_target'
  UNION ALL SELECT 'ui_pct_of_base', 'ui_participants', 'ui_base'
  UNION ALL SELECT 'hi_pct_of_target', 'hi_participants', 'hi_target'
  UNION ALL SELECT 'hi_pct_of_base', 'hi_participants', 'hi_base'
  UNION ALL SELECT 'procedures_on_time_pct', 'procedures_on_time', 'procedures_resolved'
  UNION ALL SELECT 'fines_collected_pct', 'fines_collected', 'fines_imposed'
),
ratios AS (
  SELECT n.period, r.measure, ROUND(100 * n.value / d.value, 2) AS value
  FROM ratio_defs r
  JOIN sums n ON n.measure = r.numerator
  JOIN sums d ON d.measure = r.denominator AND d.period = n.period AND d.value > 0
),
figures AS (
  SELECT period, measure, value FROM sums
  UNION ALL
  SELECT period, measure, value FROM ratios
)
SELECT
  g.period,
  c.measure,
  c.value,
  pm.value AS previous_month_value,
  c.value - pm.value AS mom_change,
  CASE WHEN pm.value <> 0 THEN ROUND(100 * (c.value - pm.value) / pm.value, 2) END AS mom_pct,
  py.value AS previous_year_value,
  c.value - py.value AS yoy_change,
  CASE WHEN py.value <> 0 THEN ROUND(100 * (c.value - py.value) / py.value, 2) END AS yoy_pct
FROM given g
JOIN figures c ON c.period = g.period
LEFT JOIN figures pm ON pm.period = g.previous_month AND pm.measure = c.measure
LEFT JOIN figures py ON py.period = g.previous_year AND py.measure = c.measure
ORDER BY c.measure
