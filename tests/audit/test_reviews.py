"""How a review names what it reviews: found by the conformance tables, kept here as plain cases."""

from __future__ import annotations

from evidence_vault.audit.evaluate import reviews
from evidence_vault.audit.model import Evidence
from evidence_vault.legal.citations import reviewed


def _evidence(document_id: int, kind: str, title: str, pages: tuple[str, ...] = (), number: str | None = None,
              year: str | None = None, subject: str = "") -> Evidence:
    return Evidence(document_id, title, kind, "confirmed", None, "ditetapkan", "berlaku", (), True, None, pages,
                    number=number, year=year, subject=subject)


def test_a_review_citing_an_sop_by_its_whole_number() -> None:
    """SOP and decree numbers carry their own year: "Nomor 800/SOP-12/Diskominfo/2025" names the SOP."""
    sop = _evidence(1, "sop", "SOP Layanan Bantuan (Helpdesk)", number="800/SOP-12/Diskominfo/2025", year="2025",
                    subject="Layanan Bantuan (Helpdesk) Layanan Digital")
    other = _evidence(3, "sop", "SOP Layanan Pengaduan", number="800/SOP-1/Diskominfo/2025", year="2025",
                      subject="Layanan Pengaduan")
    minutes = _evidence(2, "notulen", "Reviu SOP Layanan Bantuan", pages=(
        "NOTULEN RAPAT\nTim melakukan reviu atas SOP Layanan Bantuan (Helpdesk) Layanan Digital Nomor "
        "800/SOP-12/Diskominfo/2025.\nWaktu penyelesaian melebihi SLA.",))
    assert reviews(minutes, [sop]).startswith("nomor dan tahun")
    assert reviews(minutes, [other]) == ""  # 800/SOP-1/... is not 800/SOP-12/...


def test_a_review_naming_two_instruments_reads_each_title() -> None:
    """"Keputusan Bupati tentang X dan perjanjian kerja sama dengan Y": the title of X ends at "dan perjanjian"."""
    page = ("LAPORAN REVIU PELAKSANAAN KOLABORASI\nReviu dilaksanakan atas pelaksanaan Keputusan Bupati tentang Forum "
            "Kolaborasi Pentaheliks Pemerintah Digital Kabupaten Sindangraja dan perjanjian kerja sama dengan "
            "Universitas Sindangraja.")
    titles = [relation.citation.title for relation in reviewed([page])]
    assert "Forum Kolaborasi Pentaheliks Pemerintah Digital Kabupaten Sindangraja" in titles, titles
