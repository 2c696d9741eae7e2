"""Reading legal metadata from text: table-driven over the layouts real documents use."""

from __future__ import annotations

from datetime import date

import pytest

from evidence_vault.legal import read_legal
from evidence_vault.legal.citations import amendment_target, parse_citations
from evidence_vault.legal.heading import split_number
from evidence_vault.legal.text import month_number, parse_date

from .. import legal_texts


@pytest.mark.parametrize(("text", "expected"), [
    ("pada tanggal 12 Maret 2014", date(2014, 3, 12)),
    ("pada tanggal L7 Oktober 2O22", date(2022, 10, 17)),
    ("tanggal 02 Juli 2015", date(2015, 7, 2)),
    ("1 Pebruari 2010", date(2010, 2, 1)),
    ("31 Desember 2O18", date(2018, 12, 31)),
    ("30 Februari 2020", None),
    ("tanggal diundangkan", None),
])
def test_dates(text: str, expected: date | None) -> None:
    found = parse_date(text)
    assert (found[0] if found else None) == expected


@pytest.mark.parametrize(("word", "month"), [("Maret", 3), ("Okt0ber", 10), ("AGUSTUS", 8), ("Agustu5", 8),
                                             ("Nopember", 11), ("Marat", 3), ("Kamis", None)])
def test_month_names_tolerate_one_slip(word: str, month: int | None) -> None:
    assert month_number(word) == month


@pytest.mark.parametrize(("nomor", "number", "year"), [
    ("18 TAHUN 2014", "18", 2014),
    ("14 TAHUN2015", "14", 2015),
    ("01/PER/M.KOMINFO/01/2010", "1", 2010),
    ("16 /PER/M.KOMINFO/ 10 /2010", "16", 2010),
    ("42 1PER 1M.KOMINFO 110/2009", "42", 2009),
    ("188.45/123/HK/2023", "188.45/123/HK/2023", 2023),
    ("800/l23/DlSKOMINFO", "800/l23/DlSKOMINFO", None),
])
def test_regulation_number_and_year(nomor: str, number: str, year: int | None) -> None:
    assert split_number(nomor) == (number, year)


def test_regional_regulation_reads_completely() -> None:
    metadata = read_legal(legal_texts.perbup())
    values = {name: value.value for name, value in metadata.fields.items()}
    assert values | {} == values  # plain dict
    expected = {
        "jenis": "perbup", "singkatan_jenis": "Perbup", "nomor": "18 TAHUN 2014", "nomor_peraturan": "18",
        "tahun": "2014", "tentang": "PENYELENGGARAAN REKLAME DI KABUPATEN BADUNG", "teu_badan": "Kabupaten Badung",
        "tempat_penetapan": "Mangupura", "tanggal_penetapan": "2014-03-12", "tanggal_pengundangan": "2014-03-12",
        "penandatangan_jabatan": "BUPATI BADUNG", "penandatangan_nama": "I NYOMAN GIRI PRASTA",
        "sumber": "BERITA DAERAH KABUPATEN BADUNG TAHUN 2014 NOMOR 18", "status": "diundangkan", "bahasa": "id",
    }
    for name, value in expected.items():
        assert values[name] == value, name
    assert values["judul"] == ("Peraturan Bupati Badung Nomor 18 Tahun 2014 tentang "
                               "Penyelenggaraan Reklame di Kabupaten Badung")
    assert metadata.fields["jenis"].page == 1 and "PERATURAN BUPATI BADUNG" in metadata.fields["jenis"].matched
    assert metadata.fields["tanggal_penetapan"].page == 2


def test_draft_is_recognised_and_has_no_number() -> None:
    values = {n: v.value for n, v in read_legal(legal_texts.perbup(draft=True)).fields.items()}
    assert values["status"] == "rancangan"
    assert "nomor_peraturan" not in values


def test_enacted_but_not_promulgated() -> None:
    values = {n: v.value for n, v in read_legal(legal_texts.perbup(promulgated=None)).fields.items()}
    assert values["status"] == "ditetapkan"
    assert "sumber" not in values and "tanggal_pengundangan" not in values


def test_unsigned_has_no_signatory_name() -> None:
    values = {n: v.value for n, v in read_legal(legal_texts.perbup(signed=False, promulgated=None)).fields.items()}
    assert "penandatangan_nama" not in values


def test_the_secretary_who_promulgated_is_not_taken_for_the_unsigned_head() -> None:
    """The head left the block blank; the name below "Diundangkan" is the secretary's, not the signer's."""
    values = {n: v.value for n, v in read_legal(legal_texts.perbup(signed=False)).fields.items()}
    assert "penandatangan_nama" not in values
    assert values["status"] == "diundangkan"


def test_decree_of_an_agency_head_with_validity_period() -> None:
    values = {n: v.value for n, v in read_legal(legal_texts.keputusan_kepala_dinas()).fields.items()}
    assert values["jenis"] == "keputusan_kepala"
    assert values["nomor_peraturan"] == "188.45/123/HK/2023"
    assert values["tentang"] == "STANDAR OPERASIONAL PROSEDUR PENGELOLAAN DATA DAN INFORMASI"
    assert values["teu_badan"] == "Dinas Komunikasi dan Informatika Kabupaten Badung"
    assert values["berlaku_sampai"] == "2024-12-31"
    assert values["penandatangan_nama"] == "I GEDE SUDIARTA, S.Kom"


def test_ocr_damaged_circular() -> None:
    values = {n: v.value for n, v in read_legal(legal_texts.surat_edaran_ocr()).fields.items()}
    assert values["jenis"] == "surat_edaran"
    assert values["tentang"] == "PENGGUNAAN APLIKASI UMUM BERBAGI PAKAI"
    assert values["tanggal_penetapan"] == "2023-10-17"
    assert values["teu_badan"] == "Kabupaten Badung"


def test_sop_without_number_is_not_a_draft() -> None:
    page = ("PEMERINTAH KABUPATEN BADUNG\nSTANDAR OPERASIONAL PROSEDUR\nPERMINTAAN DAN BERBAGI PAKAI DATA\n"
            "Tujuan: memastikan permintaan data terlayani tepat waktu.\nProsedur")
    values = {n: v.value for n, v in read_legal([page]).fields.items()}
    assert values["jenis"] == "sop" and "status" not in values
    assert values["judul"] == "Standar Operasional Prosedur tentang Permintaan dan Berbagi Pakai Data"


def test_report_title_keeps_acronyms() -> None:
    values = {n: v.value for n, v in read_legal(["LAPORAN KINERJA LAYANAN SPBE TAHUN 2024\nBab I"]).fields.items()}
    assert (values["jenis"], values["judul"]) == ("laporan", "Laporan Kinerja Layanan SPBE Tahun 2024")


def test_non_legal_evidence_kind() -> None:
    values = {n: v.value for n, v in read_legal(legal_texts.notulen()).fields.items()}
    assert values["jenis"] == "notulen" and values["tanggal_dokumen"] == "2025-08-07"
    assert "nomor" not in values


def test_heading_read_bottom_up() -> None:
    """Some scans are read from the bottom: TENTANG and the title come before the jenis line."""
    page = ("Menimbang: bahwa ...\nMENTERI KOMUNIKASI DAN INFORMATIKA,\nDENGAN RAHMAT TUHAN YANG MAHA ESA\n"
            "TENTANG\nTATA CARA PERIZINAN\nPERATURAN MENTERI KOMUNIKASI DAN INFORMATIKA\n"
            "NOMOR: 42/PER/M.KOMINFO/10/2009")
    values = {n: v.value for n, v in read_legal([page]).fields.items()}
    assert (values["jenis"], values["nomor_peraturan"], values["tahun"], values["tentang"]) == (
        "permen", "42", "2009", "TATA CARA PERIZINAN")


def test_mixed_case_citation_is_not_taken_for_the_heading() -> None:
    page = "Mengingat : Peraturan Bupati Badung Nomor 3 Tahun 2020 tentang Organisasi;\nLaporan kegiatan"
    assert "nomor_peraturan" not in read_legal([page]).fields


def test_empty_pages_give_no_metadata() -> None:
    assert read_legal(["", "  "]).fields == {}


def test_amendment_and_repeal_relations() -> None:
    repealing = legal_texts.perbup(
        "7", 2024, "PERUBAHAN ATAS PERATURAN BUPATI BADUNG NOMOR 18 TAHUN 2014 TENTANG PENYELENGGARAAN REKLAME",
        repeals="Peraturan Bupati Badung Nomor 3 Tahun 2010 tentang Tata Cara Pemasangan Reklame "
                "(Berita Daerah Kabupaten Badung Tahun 2010 Nomor 3)")
    relations = read_legal(repealing).relations
    kinds = {(r.relation, r.citation.kind, r.citation.number, r.citation.year) for r in relations}
    assert kinds == {("mengubah", "perbup", "18", 2014), ("mencabut", "perbup", "3", 2010),
                     ("melaksanakan", "perda_kabkota", "5", 2010)}


@pytest.mark.parametrize(("text", "expected"), [
    ("Peraturan Presiden Nomor 95 Tahun 2018 tentang Sistem Pemerintahan Berbasis Elektronik;",
     ("perpres", "95", 2018, "Sistem Pemerintahan Berbasis Elektronik")),
    ("Keputusan Bupati Badung Nomor 188.45/123/HK/2023 tentang Tim Koordinasi SPBE",
     ("kepbup", "188.45/123/HK/2023", 2023, "Tim Koordinasi SPBE")),
    ("Undang-Undang Nomor 11 Tahun 2008 tentang Informasi dan Transaksi Elektronik (Lembaran Negara",
     ("uu", "11", 2008, "Informasi dan Transaksi Elektronik")),
])
def test_citations(text: str, expected: tuple[str, str, int, str]) -> None:
    citation = parse_citations(text)[0]
    assert (citation.kind, citation.number, citation.year, citation.title) == expected


def test_amendment_target_from_title() -> None:
    target = amendment_target("PERUBAHAN KEDUA ATAS PERATURAN MENTERI KOMUNIKASI DAN INFORMATIKA NOMOR "
                              "01/PER/M.KOMINFO/01/2010 TENTANG PENYELENGGARAAN JARINGAN TELEKOMUNIKASI")
    assert target is not None and (target.kind, target.number, target.year) == ("permen", "1", 2010)
