-- national_parts: the parts the national figures are summed from, one row per dataset, month and
-- unit that holds a summary: the columns of national_monthly's sums (nationalRow's money and
-- counts), each from the measures of its own report, so a row of one dataset carries zeros in the
-- others' columns. The refresh adds them up over only the units whose report is approved, for the
-- national figures "approved only" (national-approved.json); summed over every row they give
-- national_monthly's sums. Reads the per-upload summaries (vss.summaries) only.
-- from and to bound the read of the projected table (partition projection prunes to them); the
-- refresh passes the months it shows.
-- A coverage row carries the targets the national reference assigns its unit (vss.targets, by the
-- month's year and generation), not the upload's own chi_tieu_giao: NULL where it assigns none,
-- and target_units 1 or 0 to say which; the other datasets' rows carry NULL and 0.
-- params: from=2015-01, to=9999-12
WITH parts AS (
  SELECT
    dataset,
    period,
    province,
    -- begin generated: national_sums
    SUM(CASE WHEN measure = 'debt_bhxh' THEN value ELSE 0 END) AS debt_bhxh,
    SUM(CASE WHEN measure = 'debt_bhyt' THEN value ELSE 0 END) AS debt_bhyt,
    SUM(CASE WHEN measure = 'debt_bhtn' THEN value ELSE 0 END) AS debt_bhtn,
    SUM(CASE WHEN measure = 'debt_total' THEN value ELSE 0 END) AS debt_total,
    SUM(CASE WHEN measure = 'debt_3m_plus' THEN value ELSE 0 END) AS debt_3m_plus,
    SUM(CASE WHEN measure = 'employers_owing' THEN value ELSE 0 END) AS employers_owing,
    SUM(CASE WHEN measure = 'arrears_recovered' THEN value ELSE 0 END) AS arrears_recovered,
    SUM(CASE WHEN measure IN ('si_compulsory_participants', 'si_voluntary_participants') THEN value ELSE 0 END) AS si_participants,
    SUM(CASE WHEN measure = 'si_compulsory_base' THEN value ELSE 0 END) AS si_labour_force,
    SUM(CASE WHEN measure = 'hi_participants' THEN value ELSE 0 END) AS hi_participants,
    SUM(CASE WHEN measure = 'hi_base' THEN value ELSE 0 END) AS hi_population,
    SUM(CASE WHEN measure = 'ui_participants' THEN value ELSE 0 END) AS ui_participants,
    SUM(CASE WHEN measure = 'inspections' THEN value ELSE 0 END) AS inspections,
    SUM(CASE WHEN measure = 'employers_violating' THEN value ELSE 0 END) AS employers_violating,
    SUM(CASE WHEN measure = 'fines_imposed' THEN value ELSE 0 END) AS fines_imposed,
    SUM(CASE WHEN measure = 'fines_collected' THEN value ELSE 0 END) AS fines_collected,
    SUM(CASE WHEN measure = 'dossiers' THEN value ELSE 0 END) AS dossiers,
    SUM(CASE WHEN measure = 'dossiers_prosecuted' THEN value ELSE 0 END) AS dossiers_prosecuted,
    SUM(CASE WHEN measure = 'procedures_received' THEN value ELSE 0 END) AS procedures_received,
    SUM(CASE WHEN measure = 'procedures_on_time' THEN value ELSE 0 END) AS procedures_on_time,
    SUM(CASE WHEN measure = 'procedures_late' THEN value ELSE 0 END) AS procedures_late,
    SUM(CASE WHEN measure = 'procedures_overdue' THEN value ELSE 0 END) AS procedures_overdue,
    SUM(CASE WHEN measure = 'collection_due' THEN value ELSE 0 END) AS collection_due,
    SUM(CASE WHEN measure = 'collection_collected' THEN value ELSE 0 END) AS collection_collected,
    SUM(CASE WHEN measure = 'late_interest' THEN value ELSE 0 END) AS late_interest
    -- end generated
  FROM vss.summaries
  WHERE period BETWEEN ? AND ?
  GROUP BY dataset, period, province
)
SELECT
  p.*,
  -- begin generated: assigned_parts
  CASE WHEN p.dataset = 'coverage' THEN t.target_si_compulsory + t.target_si_voluntary END AS si_target,
  CASE WHEN p.dataset = 'coverage' THEN t.target_hi END AS hi_target,
  -- end generated
  CASE WHEN p.dataset = 'coverage' THEN 1 ELSE 0 END AS coverage_units,
  CASE WHEN p.dataset = 'coverage' AND t.province IS NOT NULL THEN 1 ELSE 0 END AS target_units
FROM parts p
LEFT JOIN vss.targets t
  ON t.year = substr(p.period, 1, 4)
  AND t.generation = (CASE WHEN p.period >= '2025-07' THEN '34' ELSE '63' END)
  AND t.province = p.province
ORDER BY p.dataset, p.period, p.province
