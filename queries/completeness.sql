-- completeness: reporting completeness and timeliness from the ledger (vss.uploads), per dataset,
-- month that holds data and unit: expected (the units valid that month: 63 until 2025-06, 34 from
-- 2025-07), received (an accepted upload), on_time (the first accepted upload arrived by the end
-- of the deadline day of the next month, Vietnam time, UTC+7: day 10 unless deadline_day says
-- otherwise), late, missing, resubmitted (more than one accepted upload). geography 'current'
-- adds the old units up into the 34 they belong to (a merged unit's month is then 'missing' if
-- any of its parts is). status: on_time, late or missing. received_at is ISO 8601 UTC text, so
-- the deadline compares as text. The months run from the first to the last month of the ledger or
-- the summaries, whatever vss.months holds beyond them (Athena's runs 2015-2099).
-- from and to bound every read of a projected table (partition projection prunes to them); the
-- refresh passes the months it shows.
-- params: geography=reported, from=2015-01, to=9999-12, deadline_day=10
WITH given AS (
  SELECT x.geography FROM (VALUES ('reported'), ('current')) AS x (geography) WHERE x.geography = ?
),
span AS (
  SELECT MIN(period) AS first_period, MAX(period) AS last_period
  FROM (
    SELECT period FROM vss.uploads
    UNION ALL SELECT period FROM vss.summaries WHERE period BETWEEN ? AND ?
  ) held
),
months AS (
  SELECT m.period FROM vss.months m JOIN span ON m.period BETWEEN span.first_period AND span.last_period
),
expected AS (
  SELECT d.name AS dataset, m.period, p.code AS province, p.current_code
  FROM vss.datasets d
  CROSS JOIN months m
  JOIN vss.provinces p ON p.valid_from <= m.period AND (p.valid_to IS NULL OR p.valid_to >= m.period)
),
next_months AS (
  SELECT
    m.period,
    CASE
      WHEN substr(m.period, 6, 2) = '12'
        THEN CAST(CAST(substr(m.period, 1, 4) AS INTEGER) + 1 AS VARCHAR) || '-01'
      ELSE substr(m.period, 1, 4) || '-' || lpad(CAST(CAST(substr(m.period, 6, 2) AS INTEGER) + 1 AS VARCHAR), 2, '0')
    END AS next_month
  FROM months m
),
accepted AS (
  SELECT dataset, period, province, MIN(received_at) AS first_received_at, COUNT(*) AS accepted_uploads
  FROM vss.uploads
  WHERE status = 'accepted'
  GROUP BY dataset, period, province
),
timely AS (
  SELECT a.dataset, a.period, a.province
  FROM accepted a
  JOIN next_months n ON n.period = a.period
  WHERE a.first_received_at < (n.next_month || '-' || lpad(CAST(CAST(? AS INTEGER) AS VARCHAR), 2, '0') || 'T17:00:00')
),
per_unit AS (
  SELECT
    e.dataset,
    e.period,
    CASE WHEN g.geography = 'current' THEN e.current_code ELSE e.province END AS unit,
    a.first_received_at,
    CASE WHEN a.first_received_at IS NULL THEN 0 ELSE 1 END AS received,
    CASE WHEN t.period IS NULL THEN 0 ELSE 1 END AS on_time,
    CASE WHEN a.first_received_at IS NOT NULL AND t.period IS NULL THEN 1 ELSE 0 END AS late,
    CASE WHEN a.first_received_at IS NULL THEN 1 ELSE 0 END AS missing,
    CASE WHEN a.accepted_uploads > 1 THEN 1 ELSE 0 END AS resubmitted
  FROM expected e
  CROSS JOIN given g
  LEFT JOIN accepted a ON a.dataset = e.dataset AND a.period = e.period AND a.province = e.province
  LEFT JOIN timely t ON t.dataset = e.dataset AND t.period = e.period AND t.province = e.province
)
SELECT
  dataset,
  period,
  unit AS province,
  COUNT(*) AS expected,
  SUM(received) AS received,
  SUM(on_time) AS on_time,
  SUM(late) AS late,
  SUM(missing) AS missing,
  SUM(resubmitted) AS resubmitted,
  MIN(first_received_at) AS first_received_at,
  CASE WHEN SUM(missing) > 0 THEN 'missing' WHEN SUM(late) > 0 THEN 'late' ELSE 'on_time' END AS status
FROM per_unit
GROUP BY dataset, period, unit
ORDER BY dataset, period, unit
