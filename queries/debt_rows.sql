-- debt_rows: the employer detail of the debt report for one month and unit, read the same over
-- both template versions. Version 1 (before 2026-07) had one status, tinh_trang; version 2 has the
-- debt's nature (tinh_chat: late, evading) and the action taken (bien_phap: none, sued,
-- referred_police, dissolved), the employer's sector (khu_vuc) and late-payment interest
-- (lai_cham_dong). A version-1 row reads as late/none, evading/none, or, once an action was taken,
-- that action with its nature NULL (the old status hid it: never guessed); its sector and
-- interest are NULL (not reported, not zero). A version-2 row's tinh_trang is the status version 1
-- would have shown: the action taken, else the nature.
-- params: period, province
SELECT
  d.period,
  d.province,
  -- begin generated: debt_version
  CASE WHEN d.period >= '2026-07' THEN 2 ELSE 1 END AS template_version,
  -- end generated
  -- begin generated: debt_columns
  d.ma_so_thue,
  d.ten_don_vi,
  d.no_bhxh,
  d.no_bhyt,
  d.no_bhtn,
  d.so_thang_no,
  d.da_thu_hoi,
  d.so_lao_dong,
  COALESCE(d.tinh_trang, CASE WHEN d.tinh_chat = 'late' AND d.bien_phap = 'none' THEN 'late' WHEN d.tinh_chat = 'evading' AND d.bien_phap = 'none' THEN 'evading' WHEN d.bien_phap = 'sued' THEN 'sued' WHEN d.bien_phap = 'referred_police' THEN 'referred_police' WHEN d.bien_phap = 'dissolved' THEN 'dissolved' END) AS tinh_trang,
  d.khu_vuc,
  d.lai_cham_dong,
  COALESCE(d.tinh_chat, CASE d.tinh_trang WHEN 'late' THEN 'late' WHEN 'evading' THEN 'evading' END) AS tinh_chat,
  COALESCE(d.bien_phap, CASE d.tinh_trang WHEN 'late' THEN 'none' WHEN 'evading' THEN 'none' WHEN 'sued' THEN 'sued' WHEN 'referred_police' THEN 'referred_police' WHEN 'dissolved' THEN 'dissolved' END) AS bien_phap
  -- end generated
FROM vss.debt d
WHERE d.period = ? AND d.province = ?
ORDER BY d.ma_so_thue
