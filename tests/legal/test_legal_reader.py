"""Reading legal metadata from text: table-driven over the layouts real documents use."""

from __future__ import annotations

from datetime import date

import pytest

from evidence_vault.legal import read_legal
from evidence_vault.legal.citations import amendment_targets, amendments, parse_citations, repeals
from evidence_vault.legal.heading import split_number
from evidence_vault.legal.text import field_date, month_number, parse_date

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


@pytest.mark.parametrize("first_line", ["PERJANJIAN KERJA SAMA", "ADENDUM PERJANJIAN KERJA SAMA",
                                        "ADDENDUM KEDUA PERJANJIAN KERJASAMA", "ADENDUM I NOTA KESEPAHAMAN"])
def test_an_agreement_and_its_addendum_are_agreements(first_line: str) -> None:
    page = (f"{first_line}\nANTARA\nPEMERINTAH KABUPATEN SINDANGRAJA\nDENGAN\nUNIVERSITAS SINDANGRAJA\n"
            "TENTANG\nPENGEMBANGAN TALENTA DIGITAL\nNOMOR : 000.3/22/PKS/2026\nPada hari ini Senin tanggal 25 Mei 2026")
    assert read_legal([page]).fields["jenis"].value == "perjanjian"


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
    targets = amendment_targets("PERUBAHAN KEDUA ATAS PERATURAN MENTERI KOMUNIKASI DAN INFORMATIKA NOMOR "
                                "01/PER/M.KOMINFO/01/2010 TENTANG PENYELENGGARAAN JARINGAN TELEKOMUNIKASI")
    assert [(target.kind, target.number, target.year) for target in targets] == [("permen", "1", 2010)]


@pytest.mark.parametrize(("title", "expected"), [
    # Older statutes: "PENGUBAHAN", no "ATAS", two amended laws joined by "DAN" (UU 76/1957).
    ("PENGUBAHAN UNDANG-UNDANG NO. 24 TAHUN 1954 DAN UNDANG- UNDANG NO. 28 TAHUN 1956 MENGENAI PENGGANTIAN "
     'PERKATAAN "MENTERI KEHAKIMAN"', [("uu", "24", 1954), ("uu", "28", 1956)]),
    ("PERUBAHAN UNDANG-UNDANG NOMOR 21 TAHUN 1952 TENTANG HAK MENGANGKAT DAN MEMBERHENTIKAN PEGAWAI NEGERI SIPIL",
     [("uu", "21", 1952)]),
    # A title that does something else by amending (UU 4/1968).
    ("PEMBENTUKAN KABUPATEN PURWAKARTA DAN KABUPATEN SUBANG DENGAN MENGUBAH UNDANG-UNDANG NO.14 TAHUN 1950 "
     "TENTANG PEMBENTUKAN DAERAH-DAERAH KABUPATEN", [("uu", "14", 1950)]),
    # The amended law's own history is not amended here; a law cited in the amended law's title neither.
    ("PERUBAHAN ATAS UNDANG-UNDANG NOMOR 6 TAHUN 1983 TENTANG KETENTUAN UMUM DAN TATA CARA PERPAJAKAN "
     "SEBAGAIMANA TELAH DIUBAH DENGAN UNDANG-UNDANG NOMOR 9 TAHUN 1994", [("uu", "6", 1983)]),
    ("PERUBAHAN ATAS UNDANG-UNDANG NOMOR 2 TAHUN 2020 TENTANG PENETAPAN PERATURAN PEMERINTAH PENGGANTI "
     "UNDANG-UNDANG NOMOR 1 TAHUN 2020 MENJADI UNDANG-UNDANG", [("uu", "2", 2020)]),
    ("PERUBAHAN IKLIM DAN PENGELOLAAN LINGKUNGAN", []),
])
def test_amendment_targets_of_titles(title: str, expected: list[tuple[str, str, int]]) -> None:
    assert [(target.kind, target.number, target.year) for target in amendment_targets(title)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Real sentences of UU 26/1957, 8/1963 and 7/1957 (the corpus), whose bodies amend without "ketentuan".
    ('Pasal 1.\nPada Pasal 5 ayat (2) serta Pasal 12 ayat (1) Undang-undang tentang Penyelesaian Perselisihan '
     'Perburuhan (Undang-undang Nomor 22 tahun 1957, Lembaran Negara tahun 1957 Nomor 42), perkataan "seorang wakil '
     'Kementerian Perekonomian" diubah menjadi "seorang wakil Kementerian Perindustrian".', [("uu", "22", 1957)]),
    ("Pasal 1. Susunan Anggaran Pendapatan dan Belanja Negara tahun 1962 sebagaimana ditetapkan dengan Undang-undang "
     "No. 9 tahun 1962 (Lembaran-Negara tahun 1962 No. 27) diubah dan ditambah seperti tercantum dalam Lampiran 1 "
     "Undang-undang ini.", [("uu", "9", 1962)]),
    ("Pasal 1.\nBagian IV (Kementerian Keuangan) dari anggaran Republik Indonesia yang mengenai tahun dinas 1953, "
     "yang antara lain ditetapkan atas Undang-undang tahun 1954, Nomor 41 (lembaran Negara Republik Indonesia tahun "
     "1954 Nomor 112), diubah dan ditambah sebagai berikut:", [("uu", "41", 1954)]),
    # History ("sebagaimana telah diubah ... dengan") and the considerations ("perlu diubah") amend nothing.
    ("Pasal 1\nOrdonansi Pajak Perseroan 1925, sebagaimana telah diubah dan ditambah terakhir dengan Undang-undang "
     "Nomor 8 Tahun 1967, diubah sebagai berikut:", []),
    ("Menimbang : bahwa Undang-undang No. 9 tahun 1962 perlu diubah dan ditambah;", []),
])
def test_amendments_in_the_body(text: str, expected: list[tuple[str, str, int]]) -> None:
    assert [(found.citation.kind, found.citation.number, found.citation.year)
            for found in amendments([text])] == expected


def test_a_repeal_after_dengan_berlakunya() -> None:
    """UU 22/2003: "Dengan berlakunya undang-undang ini, Undang-Undang Nomor 4 Tahun 1999 ... dinyatakan tidak
    berlaku." opens with when, then the repealed law."""
    text = ("Pasal 110\nDengan berlakunya undang-undang ini, Undang-Undang Nomor 4 Tahun 1999 tentang Susunan dan "
            "Kedudukan Majelis Permusyawaratan Rakyat (Lembaran Negara Tahun 1999 Nomor 24, Tambahan Lembaran Negara "
            "Nomor 3811) dinyatakan tidak berlaku.")
    assert [(found.relation, found.citation.number, found.citation.year) for found in repeals([text])] == [
        ("mencabut", "4", 1999)]


def _values(pages: list[str]) -> dict[str, str]:
    return {name: value.value for name, value in read_legal(pages).fields.items()}


def test_a_circular_in_letter_form_is_numbered_by_its_letter_line() -> None:
    """"SURAT EDARAN / TENTANG / ..." under a letter's "Nomor :" line, with no NOMOR line of its own;
    its body cites a regulation on electronic certificates, which does not make it a certificate."""
    page = """PEMERINTAH KABUPATEN SUKAMAJU
DINAS KOMUNIKASI DAN INFORMATIKA
Sukamaju, 4 Maret 2024
Nomor   : 000.8.3/ 145 /Diskominfo
Hal     : Penggunaan Tanda Tangan Elektronik
Yth. Kepala Perangkat Daerah
SURAT EDARAN
TENTANG
PENGGUNAAN TANDA TANGAN ELEKTRONIK PADA NASKAH DINAS
Sesuai dengan Peraturan Badan Siber dan Sandi Negara Nomor 11 Tahun 2022 tentang Penyelenggaraan
Sertifikat Elektronik, disampaikan hal-hal sebagai berikut:
1. setiap pejabat wajib memiliki sertifikat elektronik.
KEPALA DINAS KOMUNIKASI DAN INFORMATIKA,
ttd.
Ir. WAHYU TRI HARTANTO, M.T.
NIP 19730822 199903 1 006"""
    values = _values([page])
    assert values["jenis"] == "surat_edaran"
    assert values["nomor"] == "000.8.3/145/Diskominfo"
    assert values["tentang"] == "PENGGUNAAN TANDA TANGAN ELEKTRONIK PADA NASKAH DINAS"
    assert values["tanggal_penetapan"] == "2024-03-04" and values["status"] == "ditetapkan"


SOP_HEADER = """PEMERINTAH KABUPATEN SUKAMAJU
DINAS KOMUNIKASI DAN INFORMATIKA
NOMOR SOP {number}
TGL. PEMBUATAN 10 Oktober 2023
TGL. EFEKTIF {effective}
DISAHKAN OLEH KEPALA DINAS KOMUNIKASI DAN INFORMATIKA
{signature}
NAMA SOP PERMOHONAN REKOMENDASI
PEMBANGUNAN DAN PENGEMBANGAN
APLIKASI
DASAR HUKUM: Peraturan Presiden Nomor 95 Tahun 2018"""


def test_an_sop_name_wrapped_in_its_cell_and_abbreviated_date_labels() -> None:
    signature = "ttd\nsa Drs. SAHAT MANURUNG, M.Si.\n——— NIP. 19660912 198903 1 004"
    values = _values([SOP_HEADER.format(number="000.8/SOP.03/Diskominfo/2023", effective="9 September 2024",
                                        signature=signature)])
    assert values["tentang"] == "PERMOHONAN REKOMENDASI PEMBANGUNAN DAN PENGEMBANGAN APLIKASI"
    assert values["tanggal_penetapan"] == "2024-09-09"
    assert values["penandatangan_nama"] == "Drs. SAHAT MANURUNG, M.Si."  # the speck before it is not a name
    assert values["status"] == "ditetapkan"


def test_a_draft_sops_date_of_making_is_no_enactment() -> None:
    header = SOP_HEADER.replace("TGL. PEMBUATAN", "Tanggal Pembuatan")
    draft = "DRAFT - BELUM DITETAPKAN\n" + header.format(number="....../SOP/2024", effective="", signature="")
    values = _values([draft])
    assert values["status"] == "rancangan"
    assert "tanggal_penetapan" not in values and values["tahun"] == "2024"


@pytest.mark.parametrize(("value", "expected"), [
    ("03-02-2025", date(2025, 2, 3)),
    ("Senin, 06/10/2025", date(2025, 10, 6)),
    ("25.03.2025", date(2025, 3, 25)),
    ("12 Maret 2014", date(2014, 3, 12)),
    ("31-02-2025", None),  # no such day
    ("400.14.1/045/Aptika/II/2025", None),  # a letter's number is no date
])
def test_dates_of_fields_in_figures(value: str, expected: date | None) -> None:
    found = field_date(value)
    assert (found[0] if found else None) == expected


def test_a_memo_dated_in_figures_is_dated_by_its_field_not_by_a_date_in_its_body() -> None:
    memo = ("PEMERINTAH KABUPATEN GUNUNG SARI\nDINAS KOMUNIKASI DAN INFORMATIKA\nNOTA DINAS\n"
            "Kepada : Yth. Kepala Dinas\nDari : Kepala Bidang Aplikasi Informatika\nTanggal : 03-02-2025\n"
            "Nomor : 400.14.1/045/Aptika/II/2025\nHal : Permohonan Persetujuan Audit Aplikasi\n"
            "Dengan hormat, menindaklanjuti rencana audit yang ditetapkan pada tanggal 20 Desember 2024, kami "
            "sampaikan ...")
    assert _values([memo])["tanggal_dokumen"] == "2025-02-03"


def test_a_cited_title_whose_year_wrapped_onto_its_own_line() -> None:
    page = ("BUPATI RANTAU JAYA\nPERATURAN BUPATI RANTAU JAYA\nNOMOR 5 TAHUN 2024\nTENTANG\n"
            "PERUBAHAN ATAS PERATURAN BUPATI RANTAU JAYA NOMOR 14 TAHUN\n2023\n"
            "TENTANG ARSITEKTUR SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK\nDENGAN RAHMAT TUHAN YANG MAHA ESA\n")
    assert _values([page])["tentang"] == ("PERUBAHAN ATAS PERATURAN BUPATI RANTAU JAYA NOMOR 14 TAHUN 2023 TENTANG "
                                          "ARSITEKTUR SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK")


CLOSING = """PERATURAN BUPATI RANTAU JAYA
NOMOR 9 TAHUN 2022
TENTANG
MANAJEMEN KEAMANAN INFORMASI
Pasal 1
Peraturan Bupati ini mulai berlaku pada tanggal diundangkan.
Ditetapkan di Muara Jaya
pada tanggal 7 September 2022
BUPATI RANTAU JAYA,
tcl.
H. ZULKIFLI HARAHAP, S.E., M.M.
Diundangkan di Muara Jaya
pada tanggal 8 September 2022
SEKRETARIS DAERAH KABUPATEN RANTAU JAYA,
ttd.
Drs. RUSDIANTO NASUTION, M.Si.
BERITA DAERAH KABUPATEN RANTAU JAYA TAHUN 2022 NOMOR 9
"""


def test_the_head_signs_above_the_promulgation_even_with_an_ocr_mark() -> None:
    """"tcl." is OCR's "ttd."; the secretary's signature below "Diundangkan di" is not the head's."""
    assert _values([CLOSING])["penandatangan_nama"] == "H. ZULKIFLI HARAHAP, S.E., M.M."


def test_an_unsigned_head_is_not_given_the_secretarys_name() -> None:
    unsigned = CLOSING.replace("tcl.\nH. ZULKIFLI HARAHAP, S.E., M.M.\n", "\n")
    assert "penandatangan_nama" not in _values([unsigned])


def test_a_draft_names_its_pre_typed_signer_and_a_police_rank() -> None:
    draft = ("KONSEP\nGUBERNUR TELUK SARI\nBandar Sari, ............ 2025\nSURAT EDARAN\nNOMOR : ........\nTENTANG\n"
             "INTEGRASI LAYANAN\nDemikian untuk menjadi perhatian.\nPj. GUBERNUR TELUK SARI,\n\n\n"
             "Komjen Pol. (Purn.) Dr. SETYO HANDAYANI, M.Si.\n")
    values = _values([draft])
    assert values["status"] == "rancangan"
    assert values["penandatangan_nama"] == "Komjen Pol. (Purn.) Dr. SETYO HANDAYANI, M.Si."
