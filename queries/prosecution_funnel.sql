-- prosecution_funnel: the dossiers proposing prosecution (Penal Code Art. 214/215/216) on the
-- registers at one month end, by article and stage, national (scope 'national') and per unit:
-- dossiers now in the stage; reached, how many got at least that far along sent -> accepted ->
-- prosecuted -> tried (for not_prosecuted, returned, suspended: ever recorded in it); and
-- avg_months_in_stage, the month ends a dossier was recorded in the stage, from the registers
-- month by month up to the month, averaged over the dossiers ever in it. A dossier is its
-- reporting unit and ma_ho_so. geography 'current' groups units into the 34.
-- params: period, geography=reported, period
WITH given AS (
  SELECT m.period, x.geography
  FROM vss.months m
  CROSS JOIN (VALUES ('reported'), ('current')) AS x (geography)
  WHERE m.period = ? AND x.geography = ?
),
stages AS (
  -- begin generated: prosecution_stages
  SELECT 'sent' AS stage, 1 AS stage_order, 1 AS ladder
  UNION ALL SELECT 'accepted', 2, 2
  UNION ALL SELECT 'prosecuted', 3, 3
  UNION ALL SELECT 'tried', 4, 4
  UNION ALL SELECT 'not_prosecuted', 5, 0
  UNION ALL SELECT 'returned', 6, 0
  UNION ALL SELECT 'suspended', 7, 0
  -- end generated
),
register AS (
  SELECT
    d.period,
    d.province AS reporting_unit,
    d.ma_ho_so,
    CAST(d.dieu_luat AS VARCHAR) AS article,
    d.trang_thai AS stage,
    d.so_tien,
    CASE
      WHEN g.geography = 'current' OR p.valid_from > g.period OR p.valid_to < g.period THEN p.current_code
      ELSE p.code
    END AS unit
  FROM vss.prosecution d
  CROSS JOIN given g
  JOIN vss.provinces p
    ON p.code = d.province AND p.valid_from <= d.period AND (p.valid_to IS NULL OR p.valid_to >= d.period)
  WHERE d.period <= ?
),
on_register AS (
  SELECT r.reporting_unit, r.ma_ho_so, r.unit, r.article, r.stage, r.so_tien
  FROM register r
  JOIN given g ON r.period = g.period
),
furthest AS (
  SELECT r.reporting_unit, r.ma_ho_so, MAX(s.ladder) AS ladder
  FROM register r
  JOIN stages s ON s.stage = r.stage
  GROUP BY r.reporting_unit, r.ma_ho_so
),
months_in_stage AS (
  SELECT reporting_unit, ma_ho_so, stage, COUNT(DISTINCT period) AS months
  FROM register
  GROUP BY reporting_unit, ma_ho_so, stage
),
per_dossier AS (
  SELECT
    o.unit,
    o.article,
    s.stage,
    s.stage_order,
    CASE WHEN o.stage = s.stage THEN 1 ELSE 0 END AS in_stage,
    CASE
      WHEN s.ladder = 1 THEN 1
      WHEN s.ladder > 1 AND f.ladder >= s.ladder THEN 1
      WHEN s.ladder = 0 AND ms.months IS NOT NULL THEN 1
      ELSE 0
    END AS reached,
    ms.months,
    CASE WHEN o.stage = s.stage THEN o.so_tien ELSE 0 END AS amount
  FROM on_register o
  CROSS JOIN stages s
  JOIN furthest f ON f.reporting_unit = o.reporting_unit AND f.ma_ho_so = o.ma_ho_so
  LEFT JOIN months_in_stage ms
    ON ms.reporting_unit = o.reporting_unit AND ms.ma_ho_so = o.ma_ho_so AND ms.stage = s.stage
)
SELECT
  'national' AS scope,
  article,
  stage,
  stage_order,
  SUM(in_stage) AS dossiers,
  SUM(reached) AS reached,
  ROUND(AVG(CAST(months AS DOUBLE)), 2) AS avg_months_in_stage,
  SUM(amount) AS amount
FROM per_dossier
GROUP BY article, stage, stage_order
UNION ALL
SELECT
  unit AS scope,
  article,
  stage,
  stage_order,
  SUM(in_stage) AS dossiers,
  SUM(reached) AS reached,
  ROUND(AVG(CAST(months AS DOUBLE)), 2) AS avg_months_in_stage,
  SUM(amount) AS amount
FROM per_dossier
GROUP BY unit, article, stage, stage_order
ORDER BY scope, article, stage_order
