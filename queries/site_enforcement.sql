-- site_enforcement: inspections, employers inspected and violating, sanction decisions and fines
-- (imposed and collected, whole VND) of every unit and month, in the geography of that month.
-- Columns are those of enforcementRow in core/contracts/site-data.ts.
-- from and to bound every read of a projected table (partition projection prunes to them); the
-- refresh passes the months it shows.
-- params: from=2015-01, to=9999-12
SELECT
  -- begin generated: enforcement_select
  period,
  province,
  SUM(so_cuoc_thanh_tra) AS inspections,
  SUM(so_don_vi_duoc_thanh_tra) AS employers_inspected,
  SUM(so_don_vi_vi_pham) AS employers_violating,
  SUM(so_quyet_dinh_xu_phat) AS sanction_decisions,
  SUM(tien_phat) AS fines_imposed,
  SUM(tien_phat_da_thu) AS fines_collected
  -- end generated
FROM vss.enforcement
WHERE period BETWEEN ? AND ?
GROUP BY period, province
ORDER BY period, province
