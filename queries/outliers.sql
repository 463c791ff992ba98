-- outliers: for one month, the units and measures of vss.summaries whose figure is out of line,
-- so a province whose debt doubles overnight is flagged, not averaged away: jump_flag when the
-- value is jump_ratio times (default 2) the month before or less than 1/jump_ratio of it;
-- z_flag when its robust z-score, 0.6745 (x - median) / MAD over the unit's earlier months (at
-- least 3), exceeds z_threshold (default 3.5) in size. Medians are exact (middle rows), so both
-- engines agree. measure 'all' judges every measure. Earlier months are restated to the month's
-- units ('reported') or to the 34 ('current') so the 2025 merger is not itself flagged.
-- params: period, measure=all, geography=reported, z_threshold=3.5, jump_ratio=2
WITH given AS (
  SELECT
    g.period,
    g.measure,
    g.geography,
    g.z_threshold,
    g.jump_ratio,
    CASE
      WHEN substr(g.period, 6, 2) = '01'
        THEN concat(CAST(CAST(substr(g.period, 1, 4) AS INTEGER) - 1 AS VARCHAR), '-12')
      ELSE concat(substr(g.period, 1, 4), '-', lpad(CAST(CAST(substr(g.period, 6, 2) AS INTEGER) - 1 AS VARCHAR), 2, '0'))
    END AS previous_period
  FROM (
    SELECT
      CAST(? AS VARCHAR) AS period,
      CAST(? AS VARCHAR) AS measure,
      CAST(? AS VARCHAR) AS geography,
      CAST(? AS DOUBLE) AS z_threshold,
      CAST(? AS DOUBLE) AS jump_ratio
  ) g
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
  WHERE s.period <= g.period AND (g.measure = 'all' OR s.measure = g.measure)
  GROUP BY 1, 2, 3
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
    CASE WHEN b.value > 0 THEN CAST(c.value AS DOUBLE) / b.value END AS mom_ratio,
    md.median,
    ma.mad,
    md.months AS history_months,
    CASE WHEN md.months >= 3 AND ma.mad > 0 THEN 0.6745 * (c.value - md.median) / ma.mad END AS robust_z
  FROM placed c
  JOIN given g ON c.period = g.period
  LEFT JOIN placed b ON b.unit = c.unit AND b.measure = c.measure AND b.period = g.previous_period
  LEFT JOIN medians md ON md.unit = c.unit AND md.measure = c.measure
  LEFT JOIN mads ma ON ma.unit = c.unit AND ma.measure = c.measure
),
flagged AS (
  SELECT
    j.*,
    CASE WHEN j.mom_ratio >= g.jump_ratio OR j.mom_ratio <= 1 / g.jump_ratio THEN 1 ELSE 0 END AS jump_flag,
    CASE WHEN ABS(j.robust_z) > g.z_threshold THEN 1 ELSE 0 END AS z_flag
  FROM judged j
  CROSS JOIN given g
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
