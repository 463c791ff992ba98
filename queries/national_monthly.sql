-- national_monthly: the national figures of every month, as reported (the sum over the units
-- that reported that month), one row per month of vss.months. Columns are those of nationalRow
-- in lib/site-data.ts. Money is whole VND.
-- params: none
WITH debt AS (
  SELECT
    period,
    SUM(no_bhxh) AS debt_bhxh,
    SUM(no_bhyt) AS debt_bhyt,
    SUM(no_bhtn) AS debt_bhtn,
    SUM(CASE WHEN so_thang_no >= 3 THEN no_bhxh + no_bhyt + no_bhtn ELSE 0 END) AS debt_3m_plus,
    SUM(CASE WHEN no_bhxh + no_bhyt + no_bhtn > 0 THEN 1 ELSE 0 END) AS employers_owing,
    SUM(da_thu_hoi) AS arrears_recovered
  FROM vss.debt
  GROUP BY period
),
coverage AS (
  SELECT
    period,
    SUM(CASE WHEN loai_hinh IN ('si_compulsory', 'si_voluntary') THEN so_nguoi_tham_gia ELSE 0 END) AS si_participants,
    SUM(CASE WHEN loai_hinh IN ('si_compulsory', 'si_voluntary') THEN chi_tieu_giao ELSE 0 END) AS si_target,
    SUM(CASE WHEN loai_hinh = 'si_compulsory' THEN dan_so_co_so ELSE 0 END) AS si_labour_force,
    SUM(CASE WHEN loai_hinh = 'hi' THEN so_nguoi_tham_gia ELSE 0 END) AS hi_participants,
    SUM(CASE WHEN loai_hinh = 'hi' THEN chi_tieu_giao ELSE 0 END) AS hi_target,
    SUM(CASE WHEN loai_hinh = 'hi' THEN dan_so_co_so ELSE 0 END) AS hi_population,
    SUM(CASE WHEN loai_hinh = 'ui' THEN so_nguoi_tham_gia ELSE 0 END) AS ui_participants
  FROM vss.coverage
  GROUP BY period
),
enforcement AS (
  SELECT
    period,
    SUM(so_cuoc_thanh_tra) AS inspections,
    SUM(so_don_vi_vi_pham) AS employers_violating,
    SUM(tien_phat) AS fines_imposed,
    SUM(tien_phat_da_thu) AS fines_collected
  FROM vss.enforcement
  GROUP BY period
),
prosecution AS (
  SELECT
    period,
    COUNT(*) AS dossiers,
    SUM(CASE WHEN trang_thai IN ('prosecuted', 'tried') THEN 1 ELSE 0 END) AS dossiers_prosecuted
  FROM vss.prosecution
  GROUP BY period
),
procedures AS (
  SELECT
    period,
    SUM(tiep_nhan) AS procedures_received,
    SUM(dung_han) AS procedures_on_time,
    SUM(tre_han) AS procedures_late,
    SUM(qua_han) AS procedures_overdue
  FROM vss.procedures
  GROUP BY period
),
reported AS (
  SELECT period, COUNT(DISTINCT province) AS provinces_reported
  FROM vss.uploads
  WHERE dataset = 'debt' AND status = 'accepted'
  GROUP BY period
),
expected AS (
  SELECT m.period, COUNT(*) AS provinces_expected
  FROM vss.months m
  JOIN vss.provinces p ON p.valid_from <= m.period AND (p.valid_to IS NULL OR p.valid_to >= m.period)
  GROUP BY m.period
)
SELECT
  m.period,
  COALESCE(d.debt_bhxh, 0) AS debt_bhxh,
  COALESCE(d.debt_bhyt, 0) AS debt_bhyt,
  COALESCE(d.debt_bhtn, 0) AS debt_bhtn,
  COALESCE(d.debt_bhxh + d.debt_bhyt + d.debt_bhtn, 0) AS debt_total,
  COALESCE(d.debt_3m_plus, 0) AS debt_3m_plus,
  COALESCE(d.employers_owing, 0) AS employers_owing,
  COALESCE(d.arrears_recovered, 0) AS arrears_recovered,
  COALESCE(c.si_participants, 0) AS si_participants,
  COALESCE(c.si_target, 0) AS si_target,
  COALESCE(c.si_labour_force, 0) AS si_labour_force,
  COALESCE(c.hi_participants, 0) AS hi_participants,
  COALESCE(c.hi_target, 0) AS hi_target,
  COALESCE(c.hi_population, 0) AS hi_population,
  COALESCE(c.ui_participants, 0) AS ui_participants,
  COALESCE(e.inspections, 0) AS inspections,
  COALESCE(e.employers_violating, 0) AS employers_violating,
  COALESCE(e.fines_imposed, 0) AS fines_imposed,
  COALESCE(e.fines_collected, 0) AS fines_collected,
  COALESCE(pr.dossiers, 0) AS dossiers,
  COALESCE(pr.dossiers_prosecuted, 0) AS dossiers_prosecuted,
  COALESCE(pc.procedures_received, 0) AS procedures_received,
  COALESCE(pc.procedures_on_time, 0) AS procedures_on_time,
  COALESCE(pc.procedures_late, 0) AS procedures_late,
  COALESCE(pc.procedures_overdue, 0) AS procedures_overdue,
  COALESCE(r.provinces_reported, 0) AS provinces_reported,
  COALESCE(x.provinces_expected, 0) AS provinces_expected
FROM vss.months m
LEFT JOIN debt d ON d.period = m.period
LEFT JOIN coverage c ON c.period = m.period
LEFT JOIN enforcement e ON e.period = m.period
LEFT JOIN prosecution pr ON pr.period = m.period
LEFT JOIN procedures pc ON pc.period = m.period
LEFT JOIN reported r ON r.period = m.period
LEFT JOIN expected x ON x.period = m.period
ORDER BY m.period
