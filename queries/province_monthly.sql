-- province_monthly: each unit's figures for each month in the geography of that month (63 units
-- until 2025-06, 34 from 2025-07), for the units that reported anything that month. Columns are
-- those of provinceRow in lib/site-data.ts; debt_rank is 1 for the largest debt of the month.
-- params: none
WITH units AS (
  SELECT period, province FROM vss.debt
  UNION SELECT period, province FROM vss.coverage
  UNION SELECT period, province FROM vss.procedures
  UNION SELECT period, province FROM vss.uploads WHERE status = 'accepted'
),
debt AS (
  SELECT
    period,
    province,
    SUM(no_bhxh + no_bhyt + no_bhtn) AS debt_total,
    SUM(CASE WHEN so_thang_no >= 3 THEN no_bhxh + no_bhyt + no_bhtn ELSE 0 END) AS debt_3m_plus,
    SUM(CASE WHEN no_bhxh + no_bhyt + no_bhtn > 0 THEN 1 ELSE 0 END) AS employers_owing
  FROM vss.debt
  GROUP BY period, province
),
coverage AS (
  SELECT
    period,
    province,
    SUM(CASE WHEN loai_hinh = 'hi' THEN so_nguoi_tham_gia ELSE 0 END) AS hi_participants,
    SUM(CASE WHEN loai_hinh = 'hi' THEN dan_so_co_so ELSE 0 END) AS hi_population,
    SUM(CASE WHEN loai_hinh IN ('si_compulsory', 'si_voluntary') THEN so_nguoi_tham_gia ELSE 0 END) AS si_participants,
    SUM(CASE WHEN loai_hinh = 'si_compulsory' THEN dan_so_co_so ELSE 0 END) AS si_labour_force
  FROM vss.coverage
  GROUP BY period, province
),
procedures AS (
  SELECT period, province, SUM(tiep_nhan) AS procedures_received, SUM(dung_han) AS procedures_on_time
  FROM vss.procedures
  GROUP BY period, province
),
joined AS (
  SELECT
    u.period,
    u.province,
    COALESCE(d.debt_total, 0) AS debt_total,
    COALESCE(d.debt_3m_plus, 0) AS debt_3m_plus,
    COALESCE(d.employers_owing, 0) AS employers_owing,
    COALESCE(c.hi_participants, 0) AS hi_participants,
    COALESCE(c.hi_population, 0) AS hi_population,
    COALESCE(c.si_participants, 0) AS si_participants,
    COALESCE(c.si_labour_force, 0) AS si_labour_force,
    COALESCE(p.procedures_received, 0) AS procedures_received,
    COALESCE(p.procedures_on_time, 0) AS procedures_on_time
  FROM units u
  JOIN vss.months m ON m.period = u.period
  LEFT JOIN debt d ON d.period = u.period AND d.province = u.province
  LEFT JOIN coverage c ON c.period = u.period AND c.province = u.province
  LEFT JOIN procedures p ON p.period = u.period AND p.province = u.province
)
SELECT
  period,
  province,
  debt_total,
  debt_3m_plus,
  employers_owing,
  hi_participants,
  hi_population,
  si_participants,
  si_labour_force,
  procedures_received,
  procedures_on_time,
  RANK() OVER (PARTITION BY period ORDER BY debt_total DESC) AS debt_rank
FROM joined
ORDER BY period, province
