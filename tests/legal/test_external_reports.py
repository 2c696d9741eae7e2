"""A report an external auditor signs: the firm issued it, its signer is the auditor, not the auditee's receipt."""

from __future__ import annotations

from evidence_vault.legal import read_legal

REPORT = """PT AUDIT TEKNOLOGI PRIMA
Gedung Niaga Lt. 3, Jalan Gatot Subroto, Jakarta
LAPORAN HASIL AUDIT APLIKASI
PEMERINTAH KABUPATEN LEMBAH SARI TAHUN 2025
Nomor: ATP/LHA/011/IX/2025
Auditee : Dinas Komunikasi dan Informatika Kabupaten Lembah Sari
1. RINGKASAN
Audit mencakup tiga aplikasi layanan publik.
Jakarta, 12 September 2025
PT Audit Teknologi Prima
Ketua Tim Auditor,
ttd
HERU SANTOSO, S.Kom., CISA
Telah diterima oleh Auditee:
Kepala Bidang Aplikasi Informatika
Diskominfo Kabupaten Lembah Sari
ttd
Maya Anggraini, S.T.
"""


def test_the_auditor_signs_and_the_firm_issues() -> None:
    fields = {name: value.value for name, value in read_legal([REPORT]).fields.items()}
    assert fields["jenis"] == "laporan"
    assert fields["penandatangan_nama"] == "HERU SANTOSO, S.Kom., CISA"
    assert fields["teu_badan"] == "PT Audit Teknologi Prima"


def test_a_receipt_alone_still_names_who_signed() -> None:
    """With no other signature, the receipt's signer is all there is."""
    alone = REPORT.replace("ttd\nHERU SANTOSO, S.Kom., CISA\n", "")
    fields = {name: value.value for name, value in read_legal([alone]).fields.items()}
    assert fields["penandatangan_nama"] == "Maya Anggraini, S.T."
