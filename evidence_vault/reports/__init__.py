"""Reports stage: the audit as an XLSX workbook, a CSV, and an evidence package (ZIP)."""
