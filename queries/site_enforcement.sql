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
  SUM(tien_phat_da_thu) AS fines_collected,
  SUM(so_cuoc_theo_ke_hoach) AS inspections_planned,
  SUM(so_cuoc_dot_xuat) AS inspections_unscheduled,
  SUM(so_cuoc_chuyen_nganh) AS inspections_specialised,
  SUM(so_lao_dong_chua_tham_gia) AS workers_not_enrolled,
  SUM(so_tien_dong_thieu) AS underpaid_found,
  SUM(so_tien_da_truy_thu) AS inspection_recovered,
  SUM(so_don_vi_thu_hoi_cong_an) AS police_employers,
  SUM(so_tien_thu_hoi_cong_an) AS police_recovered
  -- end generated
FROM vss.enforcement
WHERE period BETWEEN ? AND ?
GROUP BY period, province
ORDER BY period, province
