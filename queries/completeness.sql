-- completeness: for every dataset, month of vss.months and unit expected that month (63 units
-- until 2025-06, 34 from 2025-07, from vss.provinces), whether its report arrived:
-- on_time when the first accepted upload was received by the end of the 10th of the next month,
-- Vietnam time (UTC+7, i.e. before 17:00 UTC that day), late when it came after, missing when
-- no upload was accepted. received_at is ISO 8601 UTC text, so the deadline compares as text.
-- params: none
WITH expected AS (
  SELECT d.name AS dataset, m.period, p.code AS province
  FROM vss.datasets d
  CROSS JOIN vss.months m
  JOIN vss.provinces p ON p.valid_from <= m.period AND (p.valid_to IS NULL OR p.valid_to >= m.period)
),
deadlines AS (
  SELECT
    period,
    concat(
      CASE
        WHEN substr(period, 6, 2) = '12'
          THEN concat(CAST(CAST(substr(period, 1, 4) AS INTEGER) + 1 AS VARCHAR), '-01')
        ELSE concat(substr(period, 1, 4), '-', lpad(CAST(CAST(substr(period, 6, 2) AS INTEGER) + 1 AS VARCHAR), 2, '0'))
      END,
      '-10T17:00:00'
    ) AS deadline
  FROM vss.months
),
first_accepted AS (
  SELECT dataset, period, province, MIN(received_at) AS received_at
  FROM vss.uploads
  WHERE status = 'accepted'
  GROUP BY dataset, period, province
)
SELECT
  e.dataset,
  e.period,
  e.province,
  CASE
    WHEN f.received_at IS NULL THEN 'missing'
    WHEN f.received_at < dl.deadline THEN 'on_time'
    ELSE 'late'
  END AS status
FROM expected e
JOIN deadlines dl ON dl.period = e.period
LEFT JOIN first_accepted f ON f.dataset = e.dataset AND f.period = e.period AND f.province = e.province
ORDER BY e.dataset, e.period, e.province
