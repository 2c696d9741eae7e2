"""The document pipeline, one module per step; `stages.analyse` is the diagram in code.

    ingest (store the bytes once) → extract (pdf, docx, images; OCR of scans) → legal
    metadata → indicator suggestions → record (one transaction) → search index

- `stages`: the read-only stages over one file, in order (`analyse`), and `inspect`'s report.
- `ingest`: one upload: store, analyse, record the document (`rederive.record_derived`), index.
- `bulk`, `intake`: `evidence-vault ingest`, many files on all cores, resumable.
- `scans`: OCR of stored documents whose scanned pages wait (web uploads, `ocr --pending`).
- `rederive`: the tail of the pipeline (legal metadata, suggestions) over stored text,
  for ingest, OCR completion, `retag` and `legal refresh` alike.
- `worker`: the background queue (Huey) that runs `scans` for web uploads.
- `indexing`: keeps the search index in step with the database, after each commit.
"""
