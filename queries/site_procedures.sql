-- site_procedures: administrative-procedure dossiers of every unit, month and procedure group:
-- received, resolved on time, resolved late, pending and overdue. Columns are those of
-- proceduresRow in core/contracts/site-data.ts.
-- from and to bound every read of a projected table (partition projection prunes to them); the
-- refresh passes the months it shows.
-- params: from=2015-01, to=9999-12
SELECT
  -- begin generated: procedures_select
  period,
  province,
  nhom_thu_tuc AS procedure_group,
  SUM(tiep_nhan) AS received,
  SUM(dung_han) AS on_time,
  SUM(tre_han) AS late,
  SUM(dang_giai_quyet) AS pending,
  SUM(qua_han) AS overdue
  -- end generated
FROM vss.procedures
WHERE period BETWEEN ? AND ?
GROUP BY period, province, nhom_thu_tuc
ORDER BY period, province, procedure_group
