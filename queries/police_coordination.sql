-- police_coordination: for one unit (or every unit: province=all) and month, the employers owing contributions for 3 or more
-- months (from vss.debt, the employer detail), and whether each meets the Penal Code Art. 216
-- thresholds for referral to the police: 6 or more months overdue and either 50 million VND or
-- more owed, or 10 or more employees affected. Those meeting Art. 216 come first, then by debt.
-- geography 'current' takes a unit of the 34 with the old units merged into it (before 2025-07);
-- reporting_unit is the unit whose report lists the employer. province=all gives every unit's
-- list in one statement, unit by unit, each in the order of its own (the refresh cuts it per unit,
-- so Athena scans the month's debt once, not once per unit).
-- params: geography=reported, period, province, province
WITH given AS (
  SELECT x.geography FROM (VALUES ('reported'), ('current')) AS x (geography) WHERE x.geography = ?
),
debtors AS (
  SELECT
    d.period,
    CASE WHEN g.geography = 'current' THEN p.current_code ELSE p.code END AS unit,
    d.province AS reporting_unit,
    d.ma_so_thue,
    d.ten_don_vi,
    d.no_bhxh,
    d.no_bhyt,
    d.no_bhtn,
    d.no_bhxh + d.no_bhyt + d.no_bhtn AS debt_total,
    d.so_thang_no,
    d.so_lao_dong,
    -- the status as version 1 showed it, and the nature and action apart: a version-1 row that
    -- only said sued, referred or dissolved has no nature (NULL, never guessed; debt_rows.sql)
    -- begin generated: debt_status
    COALESCE(d.tinh_trang, CASE WHEN d.tinh_chat = 'late' AND d.bien_phap = 'none' THEN 'late' WHEN d.tinh_chat = 'evading' AND d.bien_phap = 'none' THEN 'evading' WHEN d.bien_phap = 'sued' THEN 'sued' WHEN d.bien_phap = 'referred_police' THEN 'referred_police' WHEN d.bien_phap = 'dissolved' THEN 'dissolved' END) AS tinh_trang,
    COALESCE(d.tinh_chat, CASE d.tinh_trang WHEN 'late' THEN 'late' WHEN 'evading' THEN 'evading' END) AS tinh_chat,
    COALESCE(d.bien_phap, CASE d.tinh_trang WHEN 'late' THEN 'none' WHEN 'evading' THEN 'none' WHEN 'sued' THEN 'sued' WHEN 'referred_police' THEN 'referred_police' WHEN 'dissolved' THEN 'dissolved' END) AS bien_phap
    -- end generated
  FROM vss.debt d
  CROSS JOIN given g
  JOIN vss.provinces p
    ON p.code = d.province AND p.valid_from <= d.period AND (p.valid_to IS NULL OR p.valid_to >= d.period)
  WHERE d.period = ? AND d.so_thang_no >= 3
)
SELECT
  x.period,
  x.unit AS province,
  x.reporting_unit,
  x.ma_so_thue,
  x.ten_don_vi,
  x.no_bhxh,
  x.no_bhyt,
  x.no_bhtn,
  x.debt_total,
  x.so_thang_no,
  x.so_lao_dong,
  x.tinh_trang,
  x.tinh_chat,
  x.bien_phap,
  -- begin generated: art216
  CASE WHEN x.so_thang_no >= 6 AND (x.debt_total >= 50000000 OR x.so_lao_dong >= 10) THEN 1 ELSE 0 END AS art216
  -- end generated
FROM debtors x
WHERE (? = 'all' OR x.unit = ?) AND x.debt_total > 0
ORDER BY x.unit, art216 DESC, x.debt_total DESC, x.ma_so_thue
