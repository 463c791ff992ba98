-- site_coverage: participants, the year's target and the population or labour-force base of
-- every unit, month and scheme (loai_hinh), in the geography of that month. Columns are those of
-- coverageRow in core/contracts/site-data.ts. The target is the one the national reference assigns
-- (vss.targets, by the month's year and generation), not the upload's own chi_tieu_giao; NULL
-- where the reference has none, never 0.
-- from and to bound every read of a projected table (partition projection prunes to them); the
-- refresh passes the months it shows.
-- params: from=2015-01, to=9999-12
WITH reported AS (
  SELECT
    -- begin generated: coverage_select
    period,
    province,
    loai_hinh AS scheme,
    SUM(so_nguoi_tham_gia) AS participants,
    SUM(chi_tieu_giao) AS target,
    SUM(dan_so_co_so) AS base
    -- end generated
  FROM vss.coverage
  WHERE period BETWEEN ? AND ?
  GROUP BY period, province, loai_hinh
)
SELECT
  c.period,
  c.province,
  c.scheme,
  c.participants,
  CASE c.scheme
    WHEN 'si_compulsory' THEN t.target_si_compulsory
    WHEN 'si_voluntary' THEN t.target_si_voluntary
    WHEN 'ui' THEN t.target_ui
    WHEN 'hi' THEN t.target_hi
  END AS target,
  c.base
FROM reported c
LEFT JOIN vss.targets t
  ON t.year = substr(c.period, 1, 4)
  AND t.generation = (CASE WHEN c.period >= '2025-07' THEN '34' ELSE '63' END)
  AND t.province = c.province
ORDER BY c.period, c.province, c.scheme
