"""Office-document layout: labelled fields, the date line, dates in words, title blocks, signers, SOP tables."""

from __future__ import annotations

from datetime import date

import pytest

from evidence_vault.legal import layout, sop
from evidence_vault.legal.signature import last_signer, names_in, read_block

LETTER = """PEMERINTAH KABUPATEN SUKAMAJU
DINAS KOMUNIKASI DAN INFORMATIKA
Jalan Raya Cikaret Nomor 17, Telepon (0263) 512345
Sukamaju, 5 Maret 2024
Nomor      : 005/ 214 /Diskominfo/2024
Sifat      : Penting
Hal        : Undangan Rapat Pembahasan Rancangan Peraturan Bupati
Yth. Kepala Perangkat Daerah
hari, tanggal : Selasa, 12 Maret 2024
Kepala Dinas Komunikasi dan Informatika
ttd.
Dedi Suparman Hadiwijaya, S.Kom., M.T.
Pembina Tingkat I (IV/b)
NIP 19760812 200212 1 003"""


def test_labelled_fields_and_the_date_line_of_a_letter() -> None:
    fields = layout.labelled_fields([LETTER])
    assert fields["nomor"].value == "005/ 214 /Diskominfo/2024"
    assert fields["hal"].value.startswith("Undangan Rapat")
    assert layout.place_and_date([LETTER]) == ("Sukamaju", date(2024, 3, 5), 1)
    assert layout.letterhead_body(LETTER) == "Dinas Komunikasi dan Informatika Kabupaten Sukamaju"


def test_a_letterhead_wrapped_in_a_narrow_table_column_is_read_whole() -> None:
    """An SOP's header table in a PDF: the first column wraps one word a line."""
    header = ("PEMERINTAH\nKABUPATEN\nSINDANGRAJA\nNomor SOP 800/SOP-21/Diskominfo/2025\nDINAS\nKOMUNIKASI DAN\n"
              "INFORMATIKA\nTanggal\nPembuatan 2 Juni 2025")
    assert layout.letterhead_body(header) == "Kabupaten Sindangraja"  # not "Dinas", which named no body


@pytest.mark.parametrize(("text", "expected"), [
    ("Pada hari ini Rabu tanggal tiga belas bulan Maret tahun dua ribu dua puluh empat", date(2024, 3, 13)),
    ("tanggal dua puluh enam bulan Juni tahun dua ribu dua puluh tiga (26-06-2023)", date(2023, 6, 26)),
    ("tanggal sebelas bulan Juli tahun dua ribu dua puluh tiga", date(2023, 7, 11)),
    ("tanggal satu bulan Pebruari tahun seribu sembilan ratus sembilan puluh sembilan", date(1999, 2, 1)),
])
def test_dates_written_in_words(text: str, expected: date) -> None:
    found = layout.date_in_words(text)
    assert found is not None and found[0] == expected


def test_title_blocks_skip_the_letterhead_markings_and_stop_at_the_author() -> None:
    cover = ("RAHASIA\nLAPORAN HASIL REVIU\nPERATURAN BUPATI WANASARI NOMOR 17 TAHUN 2020\nTIM KOORDINASI SPBE\n"
             "TAHUN 2024")
    assert layout.title_blocks(cover)[0] == ["LAPORAN HASIL REVIU", "PERATURAN BUPATI WANASARI NOMOR 17 TAHUN 2020"]


def test_the_signer_of_a_letter_is_the_name_above_the_nip() -> None:
    found = last_signer([LETTER])
    assert found.name == "Dedi Suparman Hadiwijaya, S.Kom., M.T."
    assert found.office == "Kepala Dinas Komunikasi dan Informatika"


@pytest.mark.parametrize(("lines", "name"), [
    (["BUPATI SUKAMAJU,", "ttd.", "", "Drs. H. SUTARNO WIDYAKUSUMA, M.Si."], "Drs. H. SUTARNO WIDYAKUSUMA, M.Si."),
    (["WALI KOTA TIRTAMULYA,", "ttd", "dr. NOVIANTI RAHMASAR1, 'M.Kes."], "dr. NOVIANTI RAHMASARI, M.Kes."),
    (["GUBERNUR KEPULAUAN MUTIARA,", "ttcl.", ". RAHMAT HIDAYATULLAH, S.IP., ,M.Si."],
     "RAHMAT HIDAYATULLAH, S.IP., M.Si."),
    (["Plt. KEPALA DINAS KOMUNIKASI", "DAN INFORMATIKA,", "TTD", "FITRIANI LUBIS, S.Sos., M.AP. :"],
     "FITRIANI LUBIS, S.Sos., M.AP."),  # a scan's speck after the degrees
    (["BUPATI LEMBAH HIJAU,", ""], None),  # unsigned: the office is no name
    (["WALI KOTA TIRTAMULYA", "INSTRUKSI GUBERNUR TELUK CENDANA"], None),
])
def test_signature_blocks(lines: list[str], name: str | None) -> None:
    assert read_block(lines).name == name


def test_two_signers_side_by_side() -> None:
    both = "Andri Firmansyah, S.Kom. Dedi Suparman Hadiwijaya, S.Kom., M.T."
    assert names_in(both) == ["Andri Firmansyah, S.Kom.", "Dedi Suparman Hadiwijaya, S.Kom., M.T."]
    minutes = ["Sukamaju, 17 Oktober 2023", "Notulis, Mengetahui, Pimpinan Rapat", "ttd. ttd.", both,
               "NIP 19920607 201903 1 005 NIP 19760812 200212 1 003"]
    assert last_signer(["\n".join(minutes)]).name == "Dedi Suparman Hadiwijaya, S.Kom., M.T."  # the approving one


@pytest.mark.parametrize(("labels", "name"), [
    ("Notulis, Pimpinan Rapat,", "Drs. Parlindungan Siregar, M.Si."),
    ("Pimpinan Rapat, Notulis,", "Nur Aisyah Harahap, A.Md.Kom."),
])
def test_the_meeting_chair_signs_minutes_on_either_side(labels: str, name: str) -> None:
    block = [labels, "ttd ttd", "Nur Aisyah Harahap, A.Md.Kom. Drs. Parlindungan Siregar, M.Si.",
             "NIP 19950214 202012 2 001 NIP 19700710 199303 1 008"]
    assert last_signer(["\n".join(block)]).name == name


def test_an_office_over_two_lines_ends_with_its_region() -> None:
    block = ["Bandar Cendana, 20 Juli 2023", "Kepala Dinas Komunikasi dan Informatika", "Provinsi Teluk Cendana,", "",
             "", "Desi Ratnasari Matondang, S.Kom., M.Si.", "Versi | Tanggal | Keterangan", "0.1 | 3 April 2023 | Draf"]
    found = last_signer(["\n".join(block)])
    assert (found.office, found.name) == ("Kepala Dinas Komunikasi dan Informatika Provinsi Teluk Cendana",
                                          "Desi Ratnasari Matondang, S.Kom., M.Si.")


def test_the_first_party_signs_an_agreement_on_the_right() -> None:
    block = ["PIHAK KEDUA, PIHAK KESATU,", "REKTOR UNIVERSITAS BUPATI SUKAMAJU", "ttd. ttd.",
             "Prof. Dr. Ir. TEGUH ARIFIN SANTOSO, M.Sc. H. ASEP KURNIAWAN SYAHRIR", "NIP 1 NIP 2"]
    block[-1] = "NIP 19700101 199503 1 001 NIP 19710101 199603 1 002"
    assert last_signer(["\n".join(block)]).name == "H. ASEP KURNIAWAN SYAHRIR"


@pytest.mark.parametrize("page", [
    ("PEMERINTAH KABUPATEN SUKAMAJU | Nomor SOP | 800/SOP-06/Diskominfo/2023\n | Tanggal Efektif | 1 Februari 2023\n"
     " | Disahkan oleh | Kepala Dinas Komunikasi dan Informatika\n |  | ttd\n"
     " |  | Dedi Suparman Hadiwijaya, S.Kom., M.T.\n | Nama SOP | Pelayanan Permohonan Subdomain"),  # DOCX cells
    ("PEMERINTAH\nKABUPATEN\nNomor SOP 800/SOP-06/Diskominfo/2023\nTanggal\nEfektif 1 Februari 2023\n"
     "Disahkan oleh Kepala Dinas Komunikasi dan Informatika\nttd\nDedi Suparman Hadiwijaya, S.Kom., M.T.\n"
     "Nama SOP Pelayanan Permohonan Subdomain"),  # a PDF table, a label wrapped over two lines
])
def test_the_sop_header_table(page: str) -> None:
    found = sop.read_sop([page])
    assert found is not None
    assert (found.number, found.effective, found.title) == (
        "800/SOP-06/Diskominfo/2023", date(2023, 2, 1), "Pelayanan Permohonan Subdomain")
    assert found.name == "Dedi Suparman Hadiwijaya, S.Kom., M.T."


@pytest.mark.parametrize(("cover", "title"), [
    # The unit before the year belongs to the title ...
    ("LAPORAN\nSURVEI KEPUASAN PENGGUNA LAYANAN APLIKASI\nDINAS KOMUNIKASI DAN INFORMATIKA KOTA SIDOARUM\n"
     "TAHUN 2024\n\nPEMERINTAH KOTA SIDOARUM\nDesember 2024",
     "LAPORAN SURVEI KEPUASAN PENGGUNA LAYANAN APLIKASI DINAS KOMUNIKASI DAN INFORMATIKA KOTA SIDOARUM TAHUN 2024"),
    # ... and the government after the period is who made it, not the title.
    ("RENCANA INDUK (MASTERPLAN)\nTEKNOLOGI INFORMASI DAN KOMUNIKASI\nKABUPATEN RANTAU BENING\nTAHUN 2025-2029\n"
     "PEMERINTAH KABUPATEN RANTAU BENING\nDisusun oleh:\nDinas Komunikasi dan Informatika",
     "RENCANA INDUK (MASTERPLAN) TEKNOLOGI INFORMASI DAN KOMUNIKASI KABUPATEN RANTAU BENING TAHUN 2025-2029"),
])
def test_a_cover_title_ends_at_its_period(cover: str, title: str) -> None:
    assert " ".join(layout.title_blocks(cover)[0]) == title


def test_an_sop_without_a_name_cell_is_named_under_its_heading() -> None:
    page = ("PEMERINTAH KOTA BATU LAYAR\nDINAS KOMUNIKASI DAN INFORMATIKA\nSTANDAR OPERASIONAL PROSEDUR (SOP)\n"
            "PENCADANGAN DAN PEMULIHAN DATA\nPADA PUSAT DATA DAERAH\nNomor SOP : 800.1.11/SOP.09/Diskominfo/2024\n"
            "Tanggal Pembuatan : 12 Agustus 2024\nTanggal Pengesahan : 4 Agustus 2025\n"
            "Disahkan oleh : Kepala Dinas Komunikasi dan Informatika\nttd\nFITRIANI LUBIS, S.Sos.")
    found = sop.read_sop([page])
    assert found is not None and found.title == "PENCADANGAN DAN PEMULIHAN DATA PADA PUSAT DATA DAERAH"


def test_a_photographed_attendance_list_is_titled_past_its_table_bars() -> None:
    from evidence_vault.legal import read_legal

    page = ("PEMERINTAH KABUPATEN SUNGAI RAYA\nDINAS KOMUNIKASI DAN INFORMATIKA\n\n| | | DAFTAR HADIR :\n"
            "RAPAT REVIU PERATURAN BUPATI SUNGAI RAYA NOMOR 14 TAHUN 2022\n\nHari/Tanggal : Selasa, 16-09-2025\n"
            "Tempat : Ruang Rapat\n1 Hendra Kepala Dinas ttd\n")
    fields = {name: value.value for name, value in read_legal([page]).fields.items()}
    assert fields["jenis"] == "lainnya"
    assert fields["tentang"] == "DAFTAR HADIR RAPAT REVIU PERATURAN BUPATI SUNGAI RAYA NOMOR 14 TAHUN 2022"
    assert fields["tanggal_rapat"] == "2025-09-16"


def test_a_page_of_letterhead_only_has_no_title() -> None:
    """A cover whose every line is the letterhead (found by the real-regulation benchmark: it raised)."""
    assert layout.title_blocks("PEMERINTAH KABUPATEN SUKAMAJU\nDINAS KOMUNIKASI DAN INFORMATIKA") == []
