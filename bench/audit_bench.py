"""Audit speed for a large organisation: 5,000 documents and 1,000 evidence links.

Run with `make bench`. Rows are inserted directly (the ingest path has its own benchmark).
Two figures: the time of `audit.run_audit`, which reads everything it needs and computes
(the target, 0.3 s, is for this), and `evidence-vault audit --format json` as users run
it, a whole process with its start-up. Both print the machine's load.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from entrypoints import console_script, load, median_seconds
from sqlmodel import Session

from evidence_vault import audit, db
from evidence_vault.config import load_settings
from evidence_vault.frameworks import builtin_framework
from evidence_vault.models import Document, DocumentPage, IndicatorLink, LegalField, OrganisationKind
from evidence_vault.records import claims, organisations, periods

DOCUMENTS, LINKS, RUNS = 5000, 1000, 5
TEXT = ("Manajemen data meliputi arsitektur data, data induk, data referensi, basis data, kualitas data dan "
        "interoperabilitas data yang diintegrasikan antar instansi. ") * 20


def build(session: Session) -> int:
    random.seed(7)
    organisation = organisations.create_organisation(session, "Kabupaten Uji", OrganisationKind.REGENCY, code="uji")
    period = periods.create_period(session, organisation, 2026, "spbe-2020")
    framework = builtin_framework("spbe-2020")
    codes = [indicator.code for indicator in framework.indicators]
    kinds = ["perbup", "kepbup", "notulen", "laporan", "sop", "dokumentasi"]
    for number in range(DOCUMENTS):
        document = Document(organisation_id=organisation.id, original_filename=f"d{number}.pdf",
                            title=f"Dokumen {number}", sha256=f"{number:064x}", size=1000, file_type="pdf",
                            mime="application/pdf", page_count=1,
                            extraction_status="ok", kind=random.choice(kinds), legal_status="diundangkan",
                            legal_year=2024, metadata_confirmed=True)
        session.add(document)
        session.flush()
        session.add(DocumentPage(document_id=document.id, number=1, text=TEXT, char_count=len(TEXT)))
        session.add(LegalField(document_id=document.id, name="tanggal_penetapan", value="2025-05-01"))
        if number < LINKS:
            session.add(IndicatorLink(document_id=document.id, framework="spbe-2020", indicator=random.choice(codes),
                                      state="confirmed"))
    for code in codes:
        claims.set_claim(session, period, code, random.randint(1, 5), "", None)
    session.commit()
    return organisation.id


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        settings = load_settings(environ={"EVIDENCE_VAULT_STORAGE_DIR": str(Path(folder))})
        engine = db.make_engine(settings)
        db.upgrade(engine)
        with Session(engine) as session:
            organisation_id = build(session)
        timings, cpu = [], []
        for _ in range(RUNS):
            with Session(engine) as session:
                organisation = session.get(organisations.Organisation, organisation_id)
                started, started_cpu = time.perf_counter(), time.process_time()
                result = audit.run_audit(session, organisation)
                timings.append(time.perf_counter() - started)
                cpu.append(time.process_time() - started_cpu)
        timings.sort()
        cpu.sort()
        print(f"audit of {DOCUMENTS} documents, {LINKS} links, {len(result.indicators)} indicators: "
              f"median {timings[len(timings) // 2] * 1000:.0f} ms, worst {timings[-1] * 1000:.0f} ms "
              f"(CPU median {cpu[len(cpu) // 2] * 1000:.0f} ms: what a busy machine does not inflate) "
              f"(index {result.supported_index:.2f}; {load()})")
        env = {**os.environ, "EVIDENCE_VAULT_STORAGE_DIR": folder}
        command = [console_script(), "audit", "--org", "uji", "--format", "json"]
        subprocess.run(command, env=env, check=True, capture_output=True)  # fails loudly if the command does
        median, fastest, slowest = median_seconds(command, RUNS, env)
        print(f"evidence-vault audit --format json, the same organisation: median {median:.2f} s "
              f"({fastest:.2f}-{slowest:.2f} s, start-up included; {load()})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
