-- site_reports: every upload in the ledger with when it arrived, its outcome and its row counts,
-- so the province page can show the reports behind each figure. Columns are those of reportRow
-- in core/contracts/site-data.ts; received_at is ISO 8601 UTC text; upload_id names the upload's receipt.
-- from and to are the months the refresh shows (every upload lies within them).
-- params: from=2015-01, to=9999-12
SELECT
  dataset,
  period,
  province,
  file_name,
  received_at,
  status,
  rows_accepted,
  rows_rejected,
  upload_id,
  error_count,
  warning_count,
  sha256
FROM vss.uploads
WHERE period BETWEEN ? AND ?
ORDER BY province, period, dataset, received_at
