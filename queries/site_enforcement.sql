-- site_enforcement: inspections, employers inspected and violating, sanction decisions and fines
-- (imposed and collected, whole VND) of every unit and month, in the geography of that month.
-- Columns are those of enforcementRow in lib/site-data.ts.
-- params: none
SELECT
  period,
  province,
  SUM(so_cuoc_thanh_tra) AS inspections,
  SUM(so_don_vi_duoc_thanh_tra) AS employers_inspected,
  SUM(so_don_vi_vi_pham) AS employers_violating,
  SUM(so_quyet_dinh_xu_phat) AS sanctions,
  SUM(tien_phat) AS fines_imposed,
  SUM(tien_phat_da_thu) AS fines_collected
FROM vss.enforcement
GROUP BY period, province
ORDER BY period, province
