-- province_monthly: each unit's figures for each month in the geography of that month (63 units
-- until 2025-06, 34 from 2025-07), for the units that reported anything that month. Columns are
-- those of provinceRow in core/contracts/site-data.ts; debt_rank is 1 for the largest debt of the month.
-- Reads the per-upload summaries (vss.summaries), not the employer detail. The assigned targets
-- come from the national reference (vss.targets, by the month's year and generation), NULL where
-- the unit has none: a missing target is never a target of 0.
-- from and to bound every read of a projected table (partition projection prunes to them); the
-- refresh passes the months it shows.
-- params: from=2015-01, to=9999-12, from, to
WITH units AS (
  SELECT period, province FROM vss.summaries
  WHERE dataset IN ('debt', 'coverage', 'procedures', 'collection') AND period BETWEEN ? AND ?
  UNION SELECT period, province FROM vss.uploads WHERE status = 'accepted'
),
figures AS (
  SELECT
    period,
    province,
    -- begin generated: province_sums
    SUM(CASE WHEN measure = 'debt_total' THEN value ELSE 0 END) AS debt_total,
    SUM(CASE WHEN measure = 'debt_3m_plus' THEN value ELSE 0 END) AS debt_3m_plus,
    SUM(CASE WHEN measure = 'employers_owing' THEN value ELSE 0 END) AS employers_owing,
    SUM(CASE WHEN measure = 'arrears_recovered' THEN value ELSE 0 END) AS arrears_recovered,
    SUM(CASE WHEN measure = 'hi_participants' THEN value ELSE 0 END) AS hi_participants,
    SUM(CASE WHEN measure = 'hi_base' THEN value ELSE 0 END) AS hi_population,
    SUM(CASE WHEN measure IN ('si_compulsory_participants', 'si_voluntary_participants') THEN value ELSE 0 END) AS si_participants,
    SUM(CASE WHEN measure = 'si_compulsory_base' THEN value ELSE 0 END) AS si_labour_force,
    SUM(CASE WHEN measure = 'procedures_received' THEN value ELSE 0 END) AS procedures_received,
    SUM(CASE WHEN measure = 'procedures_on_time' THEN value ELSE 0 END) AS procedures_on_time,
    SUM(CASE WHEN measure = 'procedures_late' THEN value ELSE 0 END) AS procedures_late,
    SUM(CASE WHEN measure = 'collection_due' THEN value ELSE 0 END) AS collection_due,
    SUM(CASE WHEN measure = 'collection_collected' THEN value ELSE 0 END) AS collection_collected
    -- end generated
  FROM vss.summaries
  WHERE period BETWEEN ? AND ?
  GROUP BY period, province
),
joined AS (
  SELECT
    u.period,
    u.province,
    -- begin generated: province_coalesce
    COALESCE(f.debt_total, 0) AS debt_total,
    COALESCE(f.debt_3m_plus, 0) AS debt_3m_plus,
    COALESCE(f.employers_owing, 0) AS employers_owing,
    COALESCE(f.arrears_recovered, 0) AS arrears_recovered,
    COALESCE(f.hi_participants, 0) AS hi_participants,
    COALESCE(f.hi_population, 0) AS hi_population,
    COALESCE(f.si_participants, 0) AS si_participants,
    COALESCE(f.si_labour_force, 0) AS si_labour_force,
    COALESCE(f.procedures_received, 0) AS procedures_received,
    COALESCE(f.procedures_on_time, 0) AS procedures_on_time,
    COALESCE(f.procedures_late, 0) AS procedures_late,
    COALESCE(f.collection_due, 0) AS collection_due,
    COALESCE(f.collection_collected, 0) AS collection_collected,
    -- end generated
    t.late_rate_target_bp,
    t.plan_bhxh + t.plan_bhyt + t.plan_bhtn AS collection_plan,
    t.target_hi AS hi_target_assigned,
    t.target_si_compulsory + t.target_si_voluntary AS si_target_assigned
  FROM units u
  JOIN vss.months m ON m.period = u.period
  LEFT JOIN figures f ON f.period = u.period AND f.province = u.province
  LEFT JOIN vss.targets t
    ON t.year = substr(u.period, 1, 4)
    AND t.generation = (CASE WHEN u.period >= '2025-07' THEN '34' ELSE '63' END)
    AND t.province = u.province
)
SELECT
  period,
  province,
  -- begin generated: province_columns
  debt_total,
  debt_3m_plus,
  employers_owing,
  arrears_recovered,
  hi_participants,
  hi_population,
  si_participants,
  si_labour_force,
  procedures_received,
  procedures_on_time,
  procedures_late,
  collection_due,
  collection_collected,
  -- end generated
  late_rate_target_bp,
  collection_plan,
  hi_target_assigned,
  si_target_assigned,
  RANK() OVER (PARTITION BY period ORDER BY debt_total DESC) AS debt_rank
FROM joined
ORDER BY period, province
