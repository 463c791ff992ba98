-- site_debt_breakdown: the debt of every unit and month by age band (months overdue under 3, 3 to
-- under 6, 6 to under 12, 12 and more), by employer sector and the late-payment interest owed,
-- whole VND, in the geography of that month. Columns are those of debtBreakdownRow in
-- core/contracts/site-data.ts. A figure the unit-month's summary does not hold is NULL, never 0:
-- sector and interest are reported from debt template version 2 (2026-07) on.
-- from and to bound every read of a projected table (partition projection prunes to them); the
-- refresh passes the months it shows.
-- params: from=2015-01, to=9999-12
SELECT
  period,
  province,
  -- begin generated: debt_breakdown
  SUM(CASE WHEN measure = 'debt_age_lt3' THEN value END) AS debt_age_lt3,
  SUM(CASE WHEN measure = 'debt_age_3_6' THEN value END) AS debt_age_3_6,
  SUM(CASE WHEN measure = 'debt_age_6_12' THEN value END) AS debt_age_6_12,
  SUM(CASE WHEN measure = 'debt_age_12_plus' THEN value END) AS debt_age_12_plus,
  SUM(CASE WHEN measure = 'debt_sector_state' THEN value END) AS debt_sector_state,
  SUM(CASE WHEN measure = 'debt_sector_fdi' THEN value END) AS debt_sector_fdi,
  SUM(CASE WHEN measure = 'debt_sector_non_state' THEN value END) AS debt_sector_non_state,
  SUM(CASE WHEN measure = 'debt_sector_public' THEN value END) AS debt_sector_public,
  SUM(CASE WHEN measure = 'debt_sector_other' THEN value END) AS debt_sector_other,
  SUM(CASE WHEN measure = 'debt_interest' THEN value END) AS debt_interest
  -- end generated
FROM vss.summaries
WHERE dataset = 'debt' AND period BETWEEN ? AND ?
GROUP BY period, province
ORDER BY period, province
