-- outliers: for one month, the units and measures of vss.summaries whose figure is out of line,
-- so a province whose debt doubles overnight is flagged, not averaged away: jump_flag when the
-- value is jump_ratio times (default 2) the month before or less than 1/jump_ratio of it;
-- z_flag when its robust z-score, 0.6745 (x - median) / MAD over the unit's earlier months (at
-- least 3), exceeds z_threshold (default 3.5) in size. Medians are exact (middle rows), so both
-- engines agree. measure 'all' judges every measure. Earlier months are restated to the month's
-- units ('reported') or to the 34 ('current') so the 2025 merger is not itself flagged.
-- previous_month is derived from period by the caller (core/comparison-months.ts).
-- A measure whose meaning a template version changed (core/measure-breaks.ts) is judged only
-- against months of the same meaning: no jump ratio at the version's first month (mom_ratio
-- NULL), and no earlier month in its history from then on.
-- params: period, geography=reported, previous_month, period, measure=all, jump_ratio=2, jump_ratio=2, z_threshold=3.5
WITH given AS (
  SELECT m.period, x.geography
  FROM vss.months m
  CROSS JOIN (VALUES ('reported'), ('current')) AS x (geography)
  WHERE m.period = ? AND x.geography = ?
),
previous AS (
  SELECT m.period FROM vss.months m WHERE m.period = ?
),
placed AS (
  SELECT
    s.period,
    CASE
      WHEN g.geography = 'current' OR p.valid_from > g.period OR p.valid_to < g.period THEN p.current_code
      ELSE p.code
    END AS unit,
    s.measure,
    SUM(s.value) AS value
  FROM vss.summaries s
  CROSS JOIN given g
  JOIN vss.provinces p
    ON p.code = s.province AND p.valid_from <= s.period AND (p.valid_to IS NULL OR p.valid_to >= s.period)
  WHERE s.period <= ? AND ? IN ('all', s.measure)
  GROUP BY 1, 2, 3
),
breaks AS (
  -- begin generated: measure_breaks
  SELECT 'arrears_recovered' AS measure, 'template_changed' AS reason, '2026-07' AS break_from
  -- end generated
),
history AS (
  SELECT
    pl.unit,
    pl.measure,
    pl.value,
    ROW_NUMBER() OVER (PARTITION BY pl.unit, pl.measure ORDER BY pl.value) AS rn,
    COUNT(*) OVER (PARTITION BY pl.unit, pl.measure) AS n
  FROM placed pl
  JOIN given g ON pl.period < g.period
  LEFT JOIN breaks br ON br.measure = pl.measure AND pl.period < br.break_from AND br.break_from <= g.period
  WHERE br.measure IS NULL
),
medians AS (
  SELECT unit, measure, AVG(CAST(value AS DOUBLE)) AS median, MAX(n) AS months
  FROM history
  WHERE 2 * rn >= n AND 2 * rn <= n + 2
  GROUP BY unit, measure
),
deviations AS (
  SELECT
    h.unit,
    h.measure,
    ABS(h.value - m.median) AS deviation,
    ROW_NUMBER() OVER (PARTITION BY h.unit, h.measure ORDER BY ABS(h.value - m.median)) AS rn,
    h.n
  FROM history h
  JOIN medians m ON m.unit = h.unit AND m.measure = h.measure
),
mads AS (
  SELECT unit, measure, AVG(deviation) AS mad
  FROM deviations
  WHERE 2 * rn >= n AND 2 * rn <= n + 2
  GROUP BY unit, measure
),
judged AS (
  SELECT
    c.unit,
    c.measure,
    c.value,
    b.value AS previous_value,
    CASE WHEN b.value > 0 AND br.measure IS NULL THEN CAST(c.value AS DOUBLE) / b.value END AS mom_ratio,
    md.median,
    ma.mad,
    md.months AS history_months,
    CASE WHEN md.months >= 3 AND ma.mad > 0 THEN 0.6745 * (c.value - md.median) / ma.mad END AS robust_z
  FROM placed c
  JOIN given g ON c.period = g.period
  LEFT JOIN previous pv ON 1 = 1
  LEFT JOIN breaks br ON br.measure = c.measure AND br.break_from = g.period
  LEFT JOIN placed b ON b.unit = c.unit AND b.measure = c.measure AND b.period = pv.period
  LEFT JOIN medians md ON md.unit = c.unit AND md.measure = c.measure
  LEFT JOIN mads ma ON ma.unit = c.unit AND ma.measure = c.measure
),
jumps AS (
  SELECT unit, measure FROM judged
  WHERE mom_ratio >= CAST(? AS DOUBLE) OR mom_ratio <= 1 / CAST(? AS DOUBLE)
),
deviant AS (
  SELECT unit, measure FROM judged WHERE ABS(robust_z) > CAST(? AS DOUBLE)
),
flagged AS (
  SELECT
    j.*,
    CASE WHEN jp.unit IS NULL THEN 0 ELSE 1 END AS jump_flag,
    CASE WHEN dv.unit IS NULL THEN 0 ELSE 1 END AS z_flag
  FROM judged j
  LEFT JOIN jumps jp ON jp.unit = j.unit AND jp.measure = j.measure
  LEFT JOIN deviant dv ON dv.unit = j.unit AND dv.measure = j.measure
)
SELECT
  g.period,
  f.unit AS province,
  f.measure,
  f.value,
  f.previous_value,
  ROUND(f.mom_ratio, 3) AS mom_ratio,
  f.median,
  f.mad,
  f.history_months,
  ROUND(f.robust_z, 2) AS robust_z,
  f.jump_flag,
  f.z_flag
FROM flagged f
CROSS JOIN given g
WHERE f.jump_flag = 1 OR f.z_flag = 1
ORDER BY f.z_flag + f.jump_flag DESC, ABS(COALESCE(f.robust_z, 0)) DESC, f.unit, f.measure
