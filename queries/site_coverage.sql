-- site_coverage: participants, the year's target and the population or labour-force base of
-- every unit, month and scheme (loai_hinh), in the geography of that month. Columns are those of
-- coverageRow in core/contracts/site-data.ts.
-- from and to bound every read of a projected table (partition projection prunes to them); the
-- refresh passes the months it shows.
-- params: from=2015-01, to=9999-12
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
ORDER BY period, province, scheme
