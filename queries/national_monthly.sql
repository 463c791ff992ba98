-- national_monthly: the national figures of every month, as reported (the sum over the units
-- that reported that month), one row per month from the first to the last month that holds data
-- (whatever vss.months holds beyond them: Athena's runs 2015-2099). Columns are those of
-- nationalRow in core/contracts/site-data.ts. Money is whole VND. Reads the per-upload summaries
-- (vss.summaries), not the employer detail, so its cost grows with provinces x months only. The
-- national total is the same in both geographies.
-- from and to bound every read of a projected table (partition projection prunes to them); the
-- refresh passes the months it shows.
-- The late-payment rate's parts (rate_debt, rate_due, rate_units) are like for like: debt and
-- amount due summed over only the units that sent both their debt and their collection report.
-- The coverage targets (si_target, hi_target) are the national reference's (vss.targets, by the
-- month's year and generation), not the uploads' own chi_tieu_giao, summed over the units whose
-- coverage report is in; a unit with no assigned target is left out, never counted as 0:
-- target_units says how many of the coverage_units the sums cover, and they are NULL when none.
-- params: from=2015-01, to=9999-12, from, to, from, to, from, to, from, to, from, to
WITH span AS (
  SELECT MIN(period) AS first_period, MAX(period) AS last_period
  FROM (
    SELECT period FROM vss.uploads
    UNION ALL SELECT period FROM vss.summaries WHERE period BETWEEN ? AND ?
  ) held
),
months AS (
  SELECT m.period FROM vss.months m JOIN span ON m.period BETWEEN span.first_period AND span.last_period
),
totals AS (
  SELECT
    period,
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
  GROUP BY period
),
debt_units AS (
  SELECT DISTINCT period, province FROM vss.summaries WHERE dataset = 'debt' AND period BETWEEN ? AND ?
),
collection_units AS (
  SELECT DISTINCT period, province FROM vss.summaries WHERE dataset = 'collection' AND period BETWEEN ? AND ?
),
coverage_units AS (
  SELECT DISTINCT period, province FROM vss.summaries WHERE dataset = 'coverage' AND period BETWEEN ? AND ?
),
assigned AS (
  SELECT
    c.period,
    COUNT(*) AS coverage_units,
    COUNT(t.province) AS target_units,
    -- begin generated: assigned_sums
    SUM(t.target_si_compulsory + t.target_si_voluntary) AS si_target,
    SUM(t.target_hi) AS hi_target
    -- end generated
  FROM coverage_units c
  LEFT JOIN vss.targets t
    ON t.year = substr(c.period, 1, 4)
    AND t.generation = (CASE WHEN c.period >= '2025-07' THEN '34' ELSE '63' END)
    AND t.province = c.province
  GROUP BY c.period
),
rate_parts AS (
  SELECT
    s.period,
    SUM(CASE WHEN s.measure = 'debt_total' THEN s.value ELSE 0 END) AS rate_debt,
    SUM(CASE WHEN s.measure = 'collection_due' THEN s.value ELSE 0 END) AS rate_due,
    COUNT(DISTINCT s.province) AS rate_units
  FROM vss.summaries s
  JOIN debt_units d ON d.period = s.period AND d.province = s.province
  JOIN collection_units c ON c.period = s.period AND c.province = s.province
  WHERE s.period BETWEEN ? AND ?
  GROUP BY s.period
),
reported AS (
  SELECT period, COUNT(DISTINCT province) AS provinces_reported
  FROM vss.uploads
  WHERE dataset = 'debt' AND status = 'accepted'
  GROUP BY period
),
expected AS (
  SELECT m.period, COUNT(*) AS provinces_expected
  FROM months m
  JOIN vss.provinces p ON p.valid_from <= m.period AND (p.valid_to IS NULL OR p.valid_to >= m.period)
  GROUP BY m.period
)
SELECT
  m.period,
  -- begin generated: national_coalesce
  COALESCE(t.debt_bhxh, 0) AS debt_bhxh,
  COALESCE(t.debt_bhyt, 0) AS debt_bhyt,
  COALESCE(t.debt_bhtn, 0) AS debt_bhtn,
  COALESCE(t.debt_total, 0) AS debt_total,
  COALESCE(t.debt_3m_plus, 0) AS debt_3m_plus,
  COALESCE(t.employers_owing, 0) AS employers_owing,
  COALESCE(t.arrears_recovered, 0) AS arrears_recovered,
  COALESCE(t.si_participants, 0) AS si_participants,
  COALESCE(t.si_labour_force, 0) AS si_labour_force,
  COALESCE(t.hi_participants, 0) AS hi_participants,
  COALESCE(t.hi_population, 0) AS hi_population,
  COALESCE(t.ui_participants, 0) AS ui_participants,
  COALESCE(t.inspections, 0) AS inspections,
  COALESCE(t.employers_violating, 0) AS employers_violating,
  COALESCE(t.fines_imposed, 0) AS fines_imposed,
  COALESCE(t.fines_collected, 0) AS fines_collected,
  COALESCE(t.dossiers, 0) AS dossiers,
  COALESCE(t.dossiers_prosecuted, 0) AS dossiers_prosecuted,
  COALESCE(t.procedures_received, 0) AS procedures_received,
  COALESCE(t.procedures_on_time, 0) AS procedures_on_time,
  COALESCE(t.procedures_late, 0) AS procedures_late,
  COALESCE(t.procedures_overdue, 0) AS procedures_overdue,
  COALESCE(t.collection_due, 0) AS collection_due,
  COALESCE(t.collection_collected, 0) AS collection_collected,
  COALESCE(t.late_interest, 0) AS late_interest,
  -- end generated
  -- begin generated: assigned_columns
  a.si_target AS si_target,
  a.hi_target AS hi_target,
  -- end generated
  COALESCE(a.coverage_units, 0) AS coverage_units,
  COALESCE(a.target_units, 0) AS target_units,
  COALESCE(rp.rate_debt, 0) AS rate_debt,
  COALESCE(rp.rate_due, 0) AS rate_due,
  COALESCE(rp.rate_units, 0) AS rate_units,
  COALESCE(r.provinces_reported, 0) AS provinces_reported,
  COALESCE(x.provinces_expected, 0) AS provinces_expected
FROM months m
LEFT JOIN totals t ON t.period = m.period
LEFT JOIN assigned a ON a.period = m.period
LEFT JOIN rate_parts rp ON rp.period = m.period
LEFT JOIN reported r ON r.period = m.period
LEFT JOIN expected x ON x.period = m.period
ORDER BY m.period
