"""Certificates: the issuer from above the title (not the holder in the middle), the subject, the number."""

from __future__ import annotations

from evidence_vault.legal import read_legal

COMPETENCE = """LEMBAGA SERTIFIKASI PROFESI
SANDI DAN SIBER MANDIRI
Lisensi BNSP Nomor BNSP-LSP-0987-ID
SERTIFIKAT KOMPETENSI
CERTIFICATE OF COMPETENCE
No. 55120 1111 2 0000456 2024
Dengan ini menyatakan bahwa / This is to certify that
AGUS PRAMONO, S.Kom.
Dinas Komunikasi dan Informatika Kabupaten Lereng Biru
telah kompeten pada bidang / is competent in the area of
TATA KELOLA TEKNOLOGI INFORMASI
dengan kualifikasi / with qualification
AUDITOR MADYA
Sertifikat ini berlaku untuk 3 (tiga) tahun
Bandung, 2 Mei 2024
Ketua LSP Sandi dan Siber Mandiri,
ttd
Dr. WULAN SARI, M.T.
"""

MANAGEMENT_SYSTEM = """PT MUTU SISTEM NUSANTARA
Accredited by Komite Akreditasi Nasional LSSMKI-011-IDN
SERTIFIKAT / CERTIFICATE
Certificate No. / Nomor Sertifikat MSN/ISMS/24/0311
Dengan ini menyatakan bahwa Sistem Manajemen Keamanan Informasi
This is to certify that the Information Security Management System of
DINAS KOMUNIKASI DAN INFORMATIKA
KOTA TANJUNG ASRI
Jalan Merdeka Nomor 1, Tanjung Asri
telah memenuhi persyaratan / conforms to the requirements of
SNI ISO/IEC 27001:2022
Jakarta, 3 Juni 2024
Direktur,
ttd
Ir. DEWI LESTARI, M.M.
"""


def _fields(text: str) -> dict[str, str]:
    return {name: value.value for name, value in read_legal([text]).fields.items()}


def test_a_competence_certificate_names_its_issuer_field_qualification_and_holder() -> None:
    fields = _fields(COMPETENCE)
    assert fields["jenis"] == "sertifikat"
    assert fields["teu_badan"] == "Lembaga Sertifikasi Profesi Sandi dan Siber Mandiri"
    assert fields["tentang"] == ("Sertifikat Kompetensi Tata Kelola Teknologi Informasi Kualifikasi Auditor Madya"
                                 " - Agus Pramono, S.Kom.")


def test_a_management_system_certificate_is_issued_by_the_certifier_not_by_its_holder() -> None:
    fields = _fields(MANAGEMENT_SYSTEM)
    assert fields["jenis"] == "sertifikat"
    assert fields["teu_badan"] == "PT Mutu Sistem Nusantara"
    assert fields["nomor"] == "MSN/ISMS/24/0311"
    assert fields["tentang"] == ("Sertifikat SNI ISO/IEC 27001:2022 Sistem Manajemen Keamanan Informasi Dinas"
                                 " Komunikasi dan Informatika Kota Tanjung Asri")
