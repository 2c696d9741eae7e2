"""Agreements: the body's own side (number, signer, body, place) of a document with two parties."""

from __future__ import annotations

from evidence_vault.legal import read_legal

NATIONAL_FIRST = """NOTA KESEPAHAMAN
ANTARA
BADAN SIBER DAN SANDI NEGARA
DAN
PEMERINTAH KABUPATEN TELUK SARI
TENTANG
PENYELENGGARAAN PERSANDIAN
Nomor: NK.3/BSSN/D3/02/2024
Nomor: 180/21/NK-TS/2024
Pada hari ini Selasa, tanggal enam bulan Februari tahun dua ribu dua puluh empat, bertempat di Gedung BSSN,
Jakarta, kami yang bertanda tangan di bawah ini:
I. Kepala Badan Siber dan Sandi Negara, selanjutnya disebut PIHAK KESATU;
II. Bupati Teluk Sari, selanjutnya disebut PIHAK KEDUA.
Pasal 1
Ruang lingkup kerja sama persandian.
PIHAK KESATU, PIHAK KEDUA,
KEPALA BADAN SIBER DAN SANDI
NEGARA, BUPATI TELUK SARI,
ttd. ttd.
Letjen TNI (Purn.) ARIF WIBISONO H. MUHAMMAD YUSRAN, S.E.
"""

COMPANY_ON_THE_LEFT = """NOTA KESEPAKATAN
ANTARA
PEMERINTAH KOTA BATU LAYAR
DENGAN
PT DATA RAYA INDONESIA
TENTANG
LAYANAN KOMPUTASI AWAN
NOMOR : 000.3/7/NK/Diskominfo/2025
NOMOR : DRI/LGL/015/2025
Pada hari ini Rabu tanggal lima bulan Maret tahun dua ribu dua puluh lima, bertempat di Batu Layar, yang bertanda
tangan di bawah ini:
1. HENDRA SAPUTRA, Wali Kota Batu Layar, bertindak untuk dan atas nama Pemerintah Kota Batu Layar, selanjutnya
disebut PIHAK KESATU;
2. BUDI HARTONO, Direktur Utama PT Data Raya Indonesia, selanjutnya disebut PIHAK KEDUA.
PIHAK KEDUA, PIHAK KESATU,
PT DATA RAYA INDONESIA WALI KOTA BATU LAYAR,
ttd ttd
BUDI HARTONO Dr. HENDRA SAPUTRA, M.Si.
"""


def _fields(text: str) -> dict[str, str]:
    return {name: value.value for name, value in read_legal([text]).fields.items()}


def test_the_regional_party_second_in_the_title_gives_number_signer_body_and_place() -> None:
    fields = _fields(NATIONAL_FIRST)
    assert fields["jenis"] == "perjanjian"
    assert fields["nomor"] == "180/21/NK-TS/2024"  # the second number: the second party's, as in the title
    assert fields["penandatangan_nama"] == "H. MUHAMMAD YUSRAN, S.E."
    assert fields["teu_badan"] == "Kabupaten Teluk Sari"
    assert fields["tempat_penetapan"] == "Jakarta"  # the town, not the building


def test_a_nota_kesepakatan_whose_own_signer_stands_on_the_right() -> None:
    fields = _fields(COMPANY_ON_THE_LEFT)
    assert fields["jenis"] == "perjanjian"
    assert fields["nomor"] == "000.3/7/NK/Diskominfo/2025"
    assert fields["penandatangan_nama"] == "Dr. HENDRA SAPUTRA, M.Si."
    assert fields["teu_badan"] == "Kota Batu Layar"
    assert fields["tempat_penetapan"] == "Batu Layar"
