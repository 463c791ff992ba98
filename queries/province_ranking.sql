-- province_ranking: for one month, the units ranked by contribution debt (1 = largest), with
-- their debt and rank the month before. Across the 63 -> 34 change the month before is restated
-- to this month's units through vss.provinces.current_code, so the change compares like with like.
-- params: period
WITH target AS (
  SELECT
    period,
    CASE
      WHEN substr(period, 6, 2) = '01'
        THEN concat(CAST(CAST(substr(period, 1, 4) AS INTEGER) - 1 AS VARCHAR), '-12')
      ELSE concat(substr(period, 1, 4), '-', lpad(CAST(CAST(substr(period, 6, 2) AS INTEGER) - 1 AS VARCHAR), 2, '0'))
    END AS previous_period
  FROM (SELECT CAST(? AS VARCHAR) AS period) given
),
units AS (
  SELECT p.code, p.name_vi, p.generation
  FROM vss.provinces p
  JOIN target t ON p.valid_from <= t.period AND (p.valid_to IS NULL OR p.valid_to >= t.period)
),
current_debt AS (
  SELECT d.province, SUM(d.no_bhxh + d.no_bhyt + d.no_bhtn) AS debt_total
  FROM vss.debt d
  JOIN target t ON d.period = t.period
  GROUP BY d.province
),
previous_debt AS (
  SELECT u.code AS province, SUM(d.no_bhxh + d.no_bhyt + d.no_bhtn) AS debt_total
  FROM vss.debt d
  JOIN target t ON d.period = t.previous_period
  JOIN vss.provinces pu
    ON pu.code = d.province AND pu.valid_from <= t.previous_period
    AND (pu.valid_to IS NULL OR pu.valid_to >= t.previous_period)
  JOIN units u
    ON (pu.generation = u.generation AND pu.code = u.code)
    OR (pu.generation <> u.generation AND pu.current_code = u.code)
  GROUP BY u.code
),
ranked AS (
  SELECT
    u.code AS province,
    u.name_vi,
    c.debt_total,
    p.debt_total AS previous_debt_total,
    RANK() OVER (ORDER BY c.debt_total DESC) AS debt_rank,
    CASE WHEN p.debt_total IS NULL THEN NULL ELSE RANK() OVER (ORDER BY p.debt_total DESC) END AS previous_rank
  FROM units u
  JOIN current_debt c ON c.province = u.code
  LEFT JOIN previous_debt p ON p.province = u.code
)
SELECT
  t.period,
  r.province,
  r.name_vi,
  r.debt_total,
  r.debt_rank,
  r.previous_debt_total,
  r.debt_total - r.previous_debt_total AS debt_change,
  r.previous_rank
FROM ranked r
CROSS JOIN target t
ORDER BY r.debt_rank, r.province
