-- site_prosecution: the dossier registers at each month end counted by unit, Penal Code article
-- (214, 215, 216) and stage (trang_thai), with the amount evaded or defrauded in whole VND.
-- Columns are those of prosecutionRow in core/contracts/site-data.ts.
-- from and to bound every read of a projected table (partition projection prunes to them); the
-- refresh passes the months it shows.
-- params: from=2015-01, to=9999-12
SELECT
  period,
  province,
  CAST(dieu_luat AS VARCHAR) AS article,
  trang_thai AS stage,
  COUNT(*) AS dossiers,
  SUM(so_tien) AS amount
FROM vss.prosecution
WHERE period BETWEEN ? AND ?
GROUP BY period, province, dieu_luat, trang_thai
ORDER BY period, province, article, stage
