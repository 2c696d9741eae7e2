"""Pemdi 2026 (PermenPANRB 8/2026) as the framework in force: structure, computation, ranges, ladders.

The expectations come from the regulation's content (../shared/reference/PEMDI-2026.md): the main
table's names, weights and instansi pembina, the Lampiran's worked example, the predikat bands read
lower-inclusive, the ranges of the external indices, and each indicator's ladder. The ladders are
also exercised end to end on the pure evaluation: a realistic set of documents reaches each level
in turn, and each level stops where its own evidence is missing.
"""

from __future__ import annotations

import math
from datetime import date

import pytest

from evidence_vault.audit.evaluate import evaluate
from evidence_vault.audit.model import Evidence
from evidence_vault.frameworks import (
    DATA_DIR,
    KINDS,
    builtin_crosswalk,
    builtin_framework,
    framework_for_year,
    load_framework,
)
from evidence_vault.frameworks.phrases import phrase_problem

CODE = "pemdi-2026"

# Main table: code -> (aspect, name, weight, instansi pembina)
INDICATORS = {
    "1": ("1", "Tingkat Kematangan Tata Kelola Pemdi", 5, ["KemenPANRB", "Komdigi", "Bappenas", "BSSN"]),
    "2": (
        "1",
        "Tingkat Kematangan Manajemen Layanan Digital Pemerintah",
        5,
        ["KemenPANRB", "Bappenas", "BSSN", "BRIN", "BPKP"],
    ),
    "3": (
        "2",
        "Tingkat Kematangan Sumber Daya Manusia Pemdi",
        5,
        ["KemenPANRB", "Komdigi", "Kemendagri", "BKN", "LAN"],
    ),
    "4": ("2", "Tingkat Kematangan Kolaborasi Pemdi", 5, ["KemenPANRB", "Kemendagri"]),
    "5": ("3", "Tingkat Kematangan Tata Kelola Data", 5, ["Bappenas"]),
    "6": ("3", "Tingkat Kematangan Penyelenggaraan Informasi Geospasial", 3, ["BIG"]),
    "7": ("3", "Tingkat Kematangan Pembangunan Statistik", 3, ["BPS"]),
    "8": ("3", "Tingkat Kematangan Pelindungan Data Pribadi", 4, ["Komdigi"]),
    "9": ("4", "Tingkat Kematangan Pelaksanaan Audit Keamanan Pemdi dan Teknologi Pemdi", 4, ["BSSN"]),
    "10": ("4", "Tingkat Kematangan Keamanan Pemdi", 4, ["BSSN"]),
    "11": ("4", "Tingkat Kematangan Penerapan Kriptografi untuk Keamanan Data", 3, ["BSSN"]),
    "12": ("4", "Tingkat Kematangan Kapabilitas Penanganan Insiden Siber", 4, ["BSSN"]),
    "13": ("5", "Tingkat Kematangan Aplikasi Pemdi", 5, ["Komdigi"]),
    "14": ("5", "Tingkat Kematangan Infrastruktur Pemdi", 5, ["Komdigi"]),
    "15": (
        "6",
        "Keterpaduan Proses Bisnis Pemdi Lintas Unit dan Instansi",
        4,
        ["KemenPANRB", "Bappenas", "Kemendagri", "ANRI"],
    ),
    "16": ("6", "Integrasi Aplikasi", 4, ["Komdigi"]),
    "17": ("6", "Portal Layanan Digital Pemerintah", 4, ["Komdigi", "BSSN"]),
    "18": ("6", "Interoperabilitas Data", 3, ["Bappenas"]),
    "19": ("7", "Fasilitas Dukungan Pengguna Layanan Digital Pemerintah", 10, ["KemenPANRB"]),
    "20": ("7", "Tingkat Pengelolaan Kepuasan Pengguna Layanan Digital Pemerintah", 15, ["KemenPANRB"]),
}
ASPECTS = {
    "1": ("Tata Kelola dan Manajemen", 10),
    "2": ("Penyelenggara", 10),
    "3": ("Data", 15),
    "4": ("Keamanan Pemdi", 15),
    "5": ("Teknologi Pemdi", 10),
    "6": ("Keterpaduan Layanan Digital Pemerintah", 15),
    "7": ("Kepuasan Pengguna Layanan Digital Pemerintah", 25),
}
# Indicator -> (short name of the index, the agency that publishes it)
EXTERNAL = {
    "5": ("SDI", "Bappenas"),
    "6": ("SJIG", "BIG"),
    "7": ("IPS", "BPS"),
    "10": ("IKASANDI", "BSSN"),
    "11": ("IKASANDI", "BSSN"),
    "12": ("IKASANDI", "BSSN"),
    "18": ("SDI (sub-indeks)", "Bappenas"),
}
COMMON = {"1", "2", "13", "14", "15", "16", "17"}  # the common ladder (template "umum")
PARTICULAR = {"3", "4", "8", "9", "11", "19", "20"}  # their own ladders
HYBRID = {"11", "12"}  # an IKASANDI value when recorded, their ladder until then


@pytest.fixture(scope="module")
def pemdi():
    return builtin_framework(CODE)


# --- the file and its metadata ---------------------------------------------------------------


def test_the_file_loads_and_is_in_force(pemdi) -> None:
    assert load_framework(DATA_DIR / f"{CODE}.toml").code == CODE
    assert pemdi.name == "Evaluasi Kinerja Pemerintah Digital"
    assert not pemdi.provisional and pemdi.fractional
    for part in (
        "Nomor 8 Tahun 2026",
        "Evaluasi Kinerja Pemerintah Digital",
        "1 Juni 2026",
        "5 Juni 2026",
        "Berita Negara Republik Indonesia Tahun 2026 Nomor 364",
    ):
        assert part in pemdi.source
    assert (pemdi.first_year, pemdi.last_year, pemdi.as_of) == (2026, None, (9, 15))
    assert pemdi.default_as_of(2026) == date(2026, 9, 15)
    assert pemdi.governs(2026) and pemdi.governs(2027) and not pemdi.governs(2025)
    assert (framework_for_year(2025), framework_for_year(2026)) == ("spbe-2020", CODE)


def test_the_note_says_what_is_less_certain(pemdi) -> None:
    for words in ("IKASANDI", "sub-indeks SDI", "modul", "indikator 13", "4%", "5%", "batas bawah inklusif"):
        assert words in pemdi.note, words


def test_levels_are_the_regulations_names(pemdi) -> None:
    assert [(level.value, level.name) for level in pemdi.levels] == [
        (1, "Merintis"),
        (2, "Membangun"),
        (3, "Berkembang"),
        (4, "Melembaga"),
        (5, "Unggul"),
    ]
    spbe_names = ["Rintisan", "Terkelola", "Terdefinisi", "Terpadu dan Terukur", "Optimum"]
    for level, spbe_name in zip(pemdi.levels, spbe_names, strict=True):
        assert level.description.startswith(level.name) and spbe_name in level.description


def test_bands_are_lower_inclusive(pemdi) -> None:
    assert [(band.name, band.minimum) for band in pemdi.bands] == [
        ("Memuaskan", 4.0),
        ("Sangat Baik", 3.5),
        ("Baik", 2.5),
        ("Cukup", 1.5),
        ("Kurang", 0.0),
    ]


# --- structure and weights --------------------------------------------------------------------


def test_twenty_indicators_in_the_regulations_order(pemdi) -> None:
    assert pemdi.domains == ()
    assert [indicator.code for indicator in pemdi.indicators] == [str(n) for n in range(1, 21)]
    for indicator in pemdi.indicators:
        aspect, name, weight, pembina = INDICATORS[indicator.code]
        assert (indicator.aspect, indicator.name, indicator.weight) == (aspect, name, weight)
        assert list(indicator.pembina) == pembina
    assert pemdi.indicator("13").weight == 5  # the main table; another table says 4 (see the note)
    assert pemdi.indicator("15").variants == ("Keterpaduan Proses Bisnis Pemdi Lintas Sektor",)


def test_weights_add_up_per_aspect_and_in_total(pemdi) -> None:
    assert [(aspect.code, aspect.name, aspect.weight) for aspect in pemdi.aspects] == [
        (code, name, weight) for code, (name, weight) in ASPECTS.items()
    ]
    for aspect in pemdi.aspects:
        assert aspect.domain is None
        assert math.isclose(sum(indicator.weight for indicator in pemdi.indicators_in(aspect.code)), aspect.weight)
    assert math.isclose(sum(indicator.weight for indicator in pemdi.indicators), 100)
    assert math.isclose(sum(aspect.weight for aspect in pemdi.aspects), 100)


# --- the computation ------------------------------------------------------------------------

# Indicator values chosen so that the aspects come out as in the Lampiran's example, with
# fractional values and external values converted from their indices (SDI 5 = 1.2).
EXAMPLE = {
    "1": 3.0,
    "2": 2.2,  # (15 + 11) / 10 = 2.60
    "3": 4.0,
    "4": 3.0,  # (20 + 15) / 10 = 3.50
    "5": ("index", 5.0),
    "6": 1.0,
    "7": 1.5,
    "8": 1.125,  # (6 + 3 + 4.5 + 4.5) / 15 = 1.20
    "9": 3.375,
    "10": ("index", 3.25),
    "11": 4.0,
    "12": ("index", 3.5),  # (13.5 + 13 + 12 + 14) / 15 = 3.50
    "13": 2.5,
    "14": 2.5,  # (12.5 + 12.5) / 10 = 2.50
    "15": 2.0,
    "16": 2.5,
    "17": 2.25,
    "18": ("index", 50.0),  # (8 + 10 + 9 + 9) / 15 = 2.40
    "19": 2.75,
    "20": 4.0,  # (27.5 + 60) / 25 = 3.50
}
ASPECT_VALUES = {"1": 2.60, "2": 3.50, "3": 1.20, "4": 3.50, "5": 2.50, "6": 2.40, "7": 3.50}


def example_values(pemdi) -> dict[str, float]:
    values = {}
    for code, value in EXAMPLE.items():
        if isinstance(value, tuple):
            values[code] = pemdi.indicator(code).index.level(value[1])
        else:
            values[code] = value
    return values


def test_the_lampirans_worked_example(pemdi) -> None:
    values = example_values(pemdi)
    assert values["5"] == 1.2 and values["18"] == 3.0
    for aspect in pemdi.aspects:
        members = pemdi.indicators_in(aspect.code)
        aspect_value = sum(indicator.weight * values[indicator.code] for indicator in members) / aspect.weight
        assert aspect_value == pytest.approx(ASPECT_VALUES[aspect.code]), aspect.name
    by_aspect = sum(aspect.weight * ASPECT_VALUES[aspect.code] for aspect in pemdi.aspects) / 100
    assert by_aspect == pytest.approx(2.80)
    assert pemdi.index(values) == pytest.approx(2.80)
    assert pemdi.rating(pemdi.index(values)) == "Baik"


@pytest.mark.parametrize(
    ("index", "band"),
    [
        (0.0, "Kurang"),
        (1.0, "Kurang"),
        (1.4999, "Kurang"),
        (1.5, "Cukup"),
        (2.4999, "Cukup"),
        (2.5, "Baik"),
        (2.8, "Baik"),
        (3.4999, "Baik"),
        (3.5, "Sangat Baik"),
        (3.9999, "Sangat Baik"),
        (4.0, "Memuaskan"),
        (5.0, "Memuaskan"),
    ],
)
def test_every_band_boundary(pemdi, index: float, band: str) -> None:
    assert pemdi.rating(index) == band


def test_an_index_exactly_on_a_boundary_is_not_moved_by_rounding_noise(pemdi) -> None:
    values = {indicator.code: 2.5 for indicator in pemdi.indicators}
    assert pemdi.index(values) == 2.5 and pemdi.rating(pemdi.index(values)) == "Baik"


# --- external-index indicators ----------------------------------------------------------------


def test_external_indicators_take_their_value_from_an_index(pemdi) -> None:
    assert {indicator.code for indicator in pemdi.indicators if indicator.index is not None} == set(EXTERNAL)
    for code, (short, source) in EXTERNAL.items():
        index = pemdi.indicator(code).index
        assert (index.short, index.source) == (short, source)
        assert source in pemdi.indicator(code).pembina
        assert index.name and index.note


def test_sdi_converts_linearly_and_68_75_is_3_75(pemdi) -> None:
    sdi = pemdi.indicator("5").index
    assert (sdi.name, sdi.minimum, sdi.maximum) == ("Indeks Satu Data Indonesia", 0, 100)
    assert sdi.level(68.75) == 3.75
    for value in (0, 10, 25, 50, 68.75, 80, 100):
        assert sdi.level(value) == pytest.approx(1 + value / 25)


# The regulation's ranges: each range of the index gives the level of the band it falls in. Just under
# a boundary means a value that stays under it after the 2-decimal rounding of the converted level
# (SDI 12.4 gives 1.496, shown and counted as 1.50).
RANGES = {
    "5": [
        (0, 1.0, "Kurang"),
        (12.25, 1.49, "Kurang"),
        (12.5, 1.5, "Cukup"),
        (37.25, 2.49, "Cukup"),
        (37.5, 2.5, "Baik"),
        (62.25, 3.49, "Baik"),
        (62.5, 3.5, "Sangat Baik"),
        (74.75, 3.99, "Sangat Baik"),
        (75, 4.0, "Memuaskan"),
        (100, 5.0, "Memuaskan"),
    ],
    "6": [
        (1, 1.0, "Kurang"),
        (1.49, 1.49, "Kurang"),
        (1.5, 1.5, "Cukup"),
        (2.49, 2.49, "Cukup"),
        (2.5, 2.5, "Baik"),
        (3.49, 3.49, "Baik"),
        (3.5, 3.5, "Sangat Baik"),
        (3.99, 3.99, "Sangat Baik"),
        (4, 4.0, "Memuaskan"),
        (5, 5.0, "Memuaskan"),
    ],
}
RANGES["7"] = RANGES["10"] = RANGES["12"] = RANGES["6"]  # 1–5 scales read as they are
RANGES["18"] = RANGES["5"]  # the SDI sub-index, converted like the SDI


@pytest.mark.parametrize("code", sorted(RANGES, key=int))
def test_the_range_boundaries_of_each_external_index(pemdi, code: str) -> None:
    index = pemdi.indicator(code).index
    for value, level, band in RANGES[code]:
        converted = index.level(value)
        if level is not None:
            assert converted == pytest.approx(level), (code, value)
        assert pemdi.rating(converted) == band, (code, value, converted)


# --- ladders as data ------------------------------------------------------------------------


def test_every_document_driven_indicator_has_five_levels_with_rules(pemdi) -> None:
    for indicator in pemdi.indicators:
        assert indicator.description and indicator.phrases and indicator.kinds
        assert all(phrase_problem(p) is None for p in indicator.phrases + indicator.hints + indicator.context)
        if indicator.index is not None:
            continue
        assert indicator.code in COMMON | PARTICULAR
        assert [criteria.level for criteria in indicator.criteria] == [1, 2, 3, 4, 5], indicator.code
        for criteria in indicator.criteria:
            assert len(criteria.explanation) > 40 and "{" not in criteria.explanation
            for option in criteria.options:
                assert option, (indicator.code, criteria.level)
                for requirement in option:
                    assert requirement.kinds and set(requirement.kinds) <= set(KINDS)
                    assert requirement.missing and "{" not in requirement.missing
                    assert all(phrase_problem(p) is None for p in requirement.covers)


def test_external_indicators_are_never_judged_by_documents(pemdi) -> None:
    """An index's indicator has no ladder at all: only the kinds of document that show the value."""
    for code in set(EXTERNAL) - HYBRID:
        indicator = pemdi.indicator(code)
        assert indicator.index is not None and indicator.criteria == () and indicator.type == ""
        assert "sertifikat" in indicator.kinds


def test_hybrid_indicators_keep_a_ladder_for_the_years_without_a_value(pemdi) -> None:
    """11 and 12 are read from IKASANDI once recorded; a body without one still climbs their ladder."""
    for code in HYBRID:
        indicator = pemdi.indicator(code)
        assert indicator.index is not None and indicator.index.short == "IKASANDI"
        assert [criteria.level for criteria in indicator.criteria] == [1, 2, 3, 4, 5]


def _covers(criteria) -> str:
    return " ".join(phrase for option in criteria.options for requirement in option for phrase in requirement.covers)


def test_the_common_ladder(pemdi) -> None:
    for code in COMMON:
        indicator = pemdi.indicator(code)
        assert indicator.type == "umum"
        draft, some, priority, national, followed = indicator.criteria
        assert draft.requirements[0].draft_ok and "spbe" in draft.requirements[0].covers[0]
        assert not some.requirements[0].draft_ok and len(some.requirements[0].covers) >= 2  # tied to its topic
        assert "layanan prioritas" in _covers(priority) and "layanan tematik" in _covers(priority)
        assert "dasbor presiden" in _covers(national)
        review = next(requirement for requirement in national.requirements if requirement.review)
        assert review.max_age_years == 2
        assert any(requirement.after_review for requirement in followed.requirements)
        assert not any(requirement.after_review for requirement in national.requirements)


@pytest.mark.parametrize(
    ("code", "level", "words"),
    [
        ("3", 1, ["peta kompetensi"]),
        ("3", 2, ["pengelola tik", "pelatihan"]),
        ("3", 3, ["literasi digital"]),
        ("3", 4, ["kecerdasan artifisial", "analisis data"]),
        ("3", 5, ["nasional", "penghargaan"]),
        ("4", 1, ["lintas perangkat daerah"]),
        ("4", 2, ["kementerian"]),
        ("4", 3, ["perguruan tinggi", "komunitas"]),
        ("4", 4, ["~reviu"]),
        ("8", 1, ["data pribadi"]),
        ("8", 3, ["pejabat pelindungan data pribadi", "pemberitahuan privasi", "rekaman aktivitas pemrosesan", "dpia"]),
        ("9", 1, ["~audit"]),
        ("9", 4, ["eksternal", "bssn"]),
        ("9", 5, ["tindak lanjut hasil audit bssn"]),
        ("11", 3, ["data tersimpan", "data dalam transmisi"]),
        ("11", 4, ["layanan prioritas"]),
        ("11", 5, ["ikasandi"]),
        ("19", 1, ["helpdesk"]),
        ("19", 2, ["sla", "waktu penyelesaian"]),
        ("19", 3, ["ticketing"]),
        ("20", 1, ["survei kepuasan", "kelompok rentan", "umpan balik"]),
        ("20", 2, ["widget", "triwulan"]),
        ("20", 3, ["user experience", "dasbor"]),
        ("20", 4, ["mystery shopping", "redesign"]),
        ("20", 5, ["change log", "analisis sentimen"]),
    ],
)
def test_particular_ladders_ask_for_their_content(pemdi, code: str, level: int, words: list[str]) -> None:
    covers = _covers(pemdi.indicator(code).level(level))
    for word in words:
        assert word in covers, (code, level, word)


def test_review_and_follow_up_levels(pemdi) -> None:
    for code in ("4", "8", "19"):
        reviewed, followed = pemdi.indicator(code).level(4), pemdi.indicator(code).level(5)
        assert [requirement.max_age_years for requirement in reviewed.requirements if requirement.review] == [2]
        assert any(requirement.after_review for requirement in followed.requirements)
    ppdp = pemdi.indicator("8").level(3).requirements[0]
    assert ppdp.established and set(ppdp.kinds) <= {code for code, kind in KINDS.items() if kind.legal_instrument}
    team = pemdi.indicator("9").level(1).requirements[0]
    assert team.established and "kepbup" in team.kinds
    sop = pemdi.indicator("19").level(2).requirements[0]
    assert sop.established and "sop" in sop.kinds
    audit_follow_up = pemdi.indicator("9").level(5)
    assert [requirement.after_review for requirement in audit_follow_up.requirements] == [False, True]
    assert audit_follow_up.requirements[0].review and audit_follow_up.otherwise
    assert "IKASANDI" in pemdi.indicator("11").level(5).explanation
    assert "TTIS" in pemdi.indicator("12").description and "CSIRT" in pemdi.indicator("12").description


# --- the ladders on real-looking documents ----------------------------------------------------

ON = date(2026, 9, 15)


class Docs:
    def __init__(self) -> None:
        self.count = 0

    def __call__(
        self,
        title: str,
        kind: str,
        text: str,
        dated: date,
        *,
        number: str | None = None,
        year: str | None = None,
        draft: bool = False,
        promulgated: bool = False,
    ) -> Evidence:
        self.count += 1
        status = "rancangan" if draft else "diundangkan" if promulgated else "ditetapkan"
        return Evidence(
            document_id=self.count,
            title=title,
            kind=kind,
            link_state="confirmed",
            link_level=None,
            legal_status=status,
            in_force="berlaku",
            findings=(),
            metadata_confirmed=True,
            dated=dated,
            pages=(text,),
            number=number,
            year=year,
            subject=title,
        )


def _ladder(code: str) -> list[list[Evidence]]:
    """For each level 1..5, the documents that level adds (cumulative), as a regency would have them."""
    doc = Docs()
    if code in COMMON:
        topic = {
            "1": "arsitektur",
            "2": "manajemen risiko",
            "13": "aplikasi",
            "14": "pusat data",
            "15": "proses bisnis",
            "16": "integrasi aplikasi",
            "17": "portal layanan",
        }[code]
        return [
            [
                doc(
                    "Rancangan Renstra Diskominfo 2026-2030",
                    "dokumen_perencanaan",
                    "Rancangan Renstra: program SPBE dan pemerintah digital",
                    date(2025, 11, 1),
                    draft=True,
                )
            ],
            [
                doc(
                    f"Peraturan Bupati Nomor 12 Tahun 2024 tentang {topic} SPBE",
                    "perbup",
                    f"MEMUTUSKAN:\nPasal 1\n{topic} SPBE menjadi acuan layanan digital.",
                    date(2024, 4, 2),
                    number="12",
                    year="2024",
                    promulgated=True,
                ),
                doc("Tangkapan layar layanan", "dokumentasi", "Aplikasi layanan izin daring", date(2025, 1, 5)),
            ],
            [
                doc(
                    f"Rencana {topic} layanan prioritas",
                    "dokumen_perencanaan",
                    f"Rencana {topic} pemerintah digital untuk seluruh layanan prioritas dan layanan tematik",
                    date(2025, 2, 1),
                ),
                doc("SOP layanan", "sop", "STANDAR OPERASIONAL PROSEDUR layanan aplikasi", date(2025, 2, 10)),
            ],
            [
                doc(
                    "Tangkapan layar Dasbor Presiden",
                    "dokumentasi",
                    "Layanan terintegrasi dengan Dasbor Presiden (nasional)",
                    date(2025, 6, 1),
                ),
                *(
                    [
                        doc(
                            "Renstra Diskominfo 2025-2029",
                            "dokumen_perencanaan",
                            "Program pemerintah digital selaras dengan Rencana Aksi Nasional Pemerintah Digital",
                            date(2025, 3, 1),
                        )
                    ]
                    if code == "1"
                    else []
                ),
                doc(
                    "Notulen reviu",
                    "notulen",
                    f"Reviu atas Peraturan Bupati Nomor 12 Tahun 2024 tentang {topic} SPBE",
                    date(2025, 10, 1),
                ),
            ],
            [
                doc(
                    f"Rencana {topic} hasil reviu",
                    "dokumen_perencanaan",
                    f"Pemutakhiran rencana {topic} pemerintah digital setelah reviu",
                    date(2026, 2, 1),
                )
            ],
        ]
    ladders = {
        "3": [
            [
                doc(
                    "Laporan Pemetaan Kompetensi SDM TIK",
                    "laporan",
                    "Peta kompetensi pengelola TIK dan analisis kebutuhan pelatihan",
                    date(2025, 1, 1),
                )
            ],
            [
                doc(
                    "Laporan Bimtek Pengelola TIK",
                    "laporan",
                    "Bimtek keamanan aplikasi diikuti 95% pengelola TIK",
                    date(2025, 5, 1),
                )
            ],
            [
                doc(
                    "Laporan Pelatihan Literasi Digital",
                    "laporan",
                    "Pelatihan literasi digital bagi seluruh ASN pengguna aplikasi",
                    date(2025, 6, 1),
                )
            ],
            [
                doc(
                    "Laporan Pemanfaatan AI",
                    "laporan",
                    "Pemanfaatan kecerdasan artifisial dan dasbor analitik data",
                    date(2025, 8, 1),
                )
            ],
            [doc("Piagam Penghargaan", "sertifikat", "Penghargaan nasional inovasi digital", date(2025, 11, 1))],
        ],
        "4": [
            [
                doc(
                    "Keputusan Bupati Nomor 7 Tahun 2023 tentang Tim Koordinasi SPBE",
                    "kepbup",
                    "MEMUTUSKAN:\nKESATU: Membentuk Tim Koordinasi SPBE lintas perangkat daerah",
                    date(2023, 1, 5),
                    number="7",
                    year="2023",
                )
            ],
            [
                doc(
                    "PKS dengan Kementerian Dalam Negeri",
                    "perjanjian",
                    "Perjanjian kerja sama dengan kementerian tentang pemanfaatan data kependudukan",
                    date(2024, 2, 1),
                )
            ],
            [
                doc(
                    "PKS dengan Universitas",
                    "perjanjian",
                    "Perjanjian kerja sama dengan universitas tentang pengembangan aplikasi",
                    date(2024, 3, 1),
                )
            ],
            [
                doc(
                    "Laporan Evaluasi Kerja Sama",
                    "laporan",
                    "Evaluasi atas Keputusan Bupati Nomor 7 Tahun 2023 dan kerja sama",
                    date(2025, 10, 1),
                )
            ],
            [doc("Adendum PKS", "perjanjian", "Adendum perjanjian kerja sama hasil evaluasi", date(2026, 1, 10))],
        ],
        "8": [
            [
                doc(
                    "Rancangan Perbup Pelindungan Data Pribadi",
                    "perbup",
                    "RANCANGAN tentang pelindungan data pribadi",
                    date(2024, 1, 1),
                    draft=True,
                )
            ],
            [
                doc(
                    "Rencana Aksi Pelindungan Data Pribadi",
                    "dokumen_perencanaan",
                    "Rencana aksi pelindungan data pribadi dalam rencana aksi SPBE",
                    date(2025, 1, 10),
                ),
                doc(
                    "Tangkapan layar persetujuan",
                    "dokumentasi",
                    "Pemberitahuan privasi dan persetujuan pemrosesan data pribadi",
                    date(2025, 2, 1),
                ),
            ],
            [
                doc(
                    "Keputusan Bupati Nomor 100 Tahun 2025 tentang PPDP",
                    "kepbup",
                    "MEMUTUSKAN:\nKESATU: Menunjuk pejabat pelindungan data pribadi",
                    date(2025, 3, 1),
                    number="100",
                    year="2025",
                ),
                doc(
                    "Rekaman pemrosesan dan DPIA",
                    "laporan",
                    "Rekaman aktivitas pemrosesan, penilaian dampak pelindungan data pribadi, pemberitahuan privasi",
                    date(2025, 4, 1),
                ),
            ],
            [
                doc(
                    "Laporan Evaluasi Pelindungan Data Pribadi",
                    "laporan",
                    "Evaluasi atas Keputusan Bupati Nomor 100 Tahun 2025",
                    date(2025, 12, 1),
                )
            ],
            [doc("SOP Pelindungan Data Pribadi", "sop", "SOP pemrosesan data pribadi (perbaikan)", date(2026, 2, 1))],
        ],
        "9": [
            [
                doc(
                    "Keputusan Kepala Dinas Nomor 12 Tahun 2024 tentang Tim Audit TIK",
                    "keputusan_kepala",
                    "MEMUTUSKAN:\nKESATU: Membentuk Tim Audit Keamanan SPBE",
                    date(2024, 1, 5),
                    number="12",
                    year="2024",
                ),
                doc(
                    "Program Kerja Audit 2025",
                    "dokumen_perencanaan",
                    "Rencana audit aplikasi dan jadwal",
                    date(2025, 1, 5),
                ),
            ],
            [
                doc(
                    "Laporan Hasil Audit Internal",
                    "laporan",
                    "Hasil audit internal keamanan aplikasi",
                    date(2025, 6, 1),
                )
            ],
            [
                doc(
                    "Laporan Tindak Lanjut Audit Internal",
                    "laporan",
                    "Laporan tindak lanjut temuan audit internal",
                    date(2025, 7, 1),
                )
            ],
            [
                doc(
                    "Laporan ITSA BSSN",
                    "laporan",
                    "Hasil audit keamanan aplikasi prioritas oleh BSSN",
                    date(2025, 9, 1),
                )
            ],
            [
                doc(
                    "Berita Acara Penyelesaian",
                    "berita_acara",
                    "Seluruh temuan telah ditindaklanjuti",
                    date(2025, 12, 1),
                )
            ],
        ],
        "11": [
            [
                doc(
                    "Peraturan Bupati Nomor 1 Tahun 2021 tentang Persandian",
                    "perbup",
                    "MEMUTUSKAN:\nPasal 1\nPenyelenggaraan persandian untuk pengamanan informasi",
                    date(2021, 1, 1),
                    number="1",
                    year="2021",
                    promulgated=True,
                )
            ],
            [doc("Tangkapan layar TTE", "dokumentasi", "Tanda tangan elektronik BSrE pada aplikasi", date(2024, 1, 1))],
            [
                doc(
                    "Laporan Enkripsi",
                    "laporan",
                    "Enkripsi basis data dan TLS pada aplikasi kepegawaian",
                    date(2024, 6, 1),
                )
            ],
            [
                doc(
                    "Laporan Enkripsi Layanan Prioritas",
                    "laporan",
                    "Enkripsi basis data dan TLS pada seluruh layanan prioritas",
                    date(2025, 6, 1),
                )
            ],
            [doc("Hasil IKASANDI", "sertifikat", "Hasil penilaian IKASANDI persandian", date(2025, 11, 1))],
        ],
        "19": [
            [doc("Tangkapan layar helpdesk", "dokumentasi", "Helpdesk aplikasi layanan", date(2025, 1, 1))],
            [
                doc(
                    "SOP Layanan Helpdesk",
                    "sop",
                    "SOP helpdesk: waktu tanggap 1 jam, waktu penyelesaian 2 hari (SLA)",
                    date(2025, 2, 1),
                )
            ],
            [doc("Dasbor tiket", "dokumentasi", "Aplikasi ticketing: dasbor capaian SLA", date(2025, 3, 1))],
            [
                doc(
                    "Integrasi nasional",
                    "dokumentasi",
                    "Helpdesk terintegrasi dengan layanan bantuan nasional",
                    date(2025, 4, 1),
                ),
                doc(
                    "Notulen Reviu SOP Layanan Helpdesk",
                    "notulen",
                    "Reviu SOP Layanan Helpdesk dan capaian SLA",
                    date(2025, 10, 1),
                ),
            ],
            [doc("SOP Layanan Helpdesk (perubahan)", "sop", "SOP helpdesk yang diperbarui", date(2026, 1, 1))],
        ],
        "20": [
            [
                doc(
                    "Laporan SKM Daring",
                    "laporan",
                    "Survei kepuasan masyarakat daring melalui aplikasi; responden "
                    "termasuk penyandang disabilitas; saran pengguna dijawab",
                    date(2025, 7, 1),
                )
            ],
            [
                doc("Widget survei", "dokumentasi", "Widget survei kepuasan pada aplikasi", date(2025, 7, 2)),
                doc(
                    "Laporan SKM Triwulan III", "laporan", "Pengolahan survei kepuasan triwulan III", date(2025, 10, 2)
                ),
            ],
            [
                doc(
                    "Keputusan Kepala Dinas Nomor 3 Tahun 2025 tentang Tim UX",
                    "keputusan_kepala",
                    "MEMUTUSKAN:\nKESATU: Membentuk tim pengalaman pengguna (user experience)",
                    date(2025, 2, 2),
                    number="3",
                    year="2025",
                ),
                doc("Dasbor SKM", "dokumentasi", "Dasbor publik hasil survei kepuasan masyarakat", date(2025, 8, 2)),
            ],
            [
                doc("Laporan Mystery Shopping", "laporan", "Mystery shopping layanan digital", date(2025, 9, 2)),
                doc("Desain ulang", "dokumentasi", "Desain ulang tampilan aplikasi", date(2025, 10, 5)),
            ],
            [
                doc("Catatan perubahan", "dokumentasi", "Change log versi 2.1", date(2026, 1, 5)),
                doc("Analisis sentimen", "laporan", "Analisis sentimen ulasan pengguna", date(2026, 2, 5)),
            ],
        ],
    }
    return ladders[code]


@pytest.mark.parametrize("code", sorted(COMMON | PARTICULAR, key=int))
def test_each_level_is_reached_by_its_own_documents(pemdi, code: str) -> None:
    """Adding each level's documents raises the supported level by exactly one; without them it stays."""
    indicator = pemdi.indicator(code)
    steps = _ladder(code)
    have: list[Evidence] = []
    assert evaluate(indicator, have, ON).supported == 0
    for level, added in enumerate(steps, start=1):
        have = have + added
        assert evaluate(indicator, have, ON).supported == level, (code, level)
        without = [item for item in have if item not in added]
        assert evaluate(indicator, without, ON).supported == level - 1, (code, level, "without its documents")


def test_an_unrelated_document_does_not_climb_a_ladder(pemdi) -> None:
    doc = Docs()
    reklame = doc(
        "Peraturan Bupati Nomor 18 Tahun 2014 tentang Penyelenggaraan Reklame",
        "perbup",
        "MEMUTUSKAN:\nPasal 1\nIzin reklame dan pajak reklame.",
        date(2014, 3, 12),
        number="18",
        year="2014",
        promulgated=True,
    )
    survey = doc(
        "Laporan Survei Kepuasan Puskesmas",
        "laporan",
        "Survei kepuasan masyarakat pelayanan kesehatan",
        date(2025, 7, 1),
    )
    for indicator in pemdi.indicators:
        if indicator.index is None:
            assert evaluate(indicator, [reklame], ON).supported == 0, indicator.code
    assert evaluate(pemdi.indicator("20"), [survey], ON).supported == 0  # not online, no vulnerable group


def test_an_old_review_does_not_reach_level_4(pemdi) -> None:
    steps = _ladder("1")
    have = [item for step in steps[:4] for item in step]
    assert evaluate(pemdi.indicator("1"), have, ON).supported == 4
    assert evaluate(pemdi.indicator("1"), have, date(2027, 10, 2)).supported == 3  # the review is over 2 years old


# --- crosswalk SPBE 2020 -> Pemdi 2026 ----------------------------------------------------------


def test_crosswalk_reasons(pemdi) -> None:
    crosswalk = builtin_crosswalk("spbe-2020", CODE)
    assert "Pasal 11" in crosswalk.note
    assert len(crosswalk.links) == 47
    for link in crosswalk.links:
        assert link.why, link.left
        for target in link.right:
            if pemdi.indicator(target).index is not None:
                assert "tidak menaikkan" in link.why, (link.left, target)
    policies = [link for link in crosswalk.links if int(link.left) <= 13 or link.left in ("19", "20")]
    assert all("Pasal 11" in link.why for link in policies)
    assert crosswalk.counterparts(CODE, "8") == ()  # personal data protection is new in Pemdi


@pytest.mark.parametrize(
    ("spbe", "pemdi_codes"),
    [
        ("1", {"1", "13", "14", "15"}),
        ("10", {"1", "4"}),
        ("21", {"2"}),
        ("25", {"3"}),
        ("28", {"2", "19"}),
        ("29", {"9"}),
        ("31", {"9"}),
        ("37", {"13", "15", "16"}),
        ("42", {"17", "19", "20"}),
        ("45", {"13", "17"}),
    ],
)
def test_crosswalk_targets(spbe: str, pemdi_codes: set[str]) -> None:
    assert set(builtin_crosswalk("spbe-2020", CODE).counterparts("spbe-2020", spbe)) == pemdi_codes


def test_a_value_takes_the_level_name_of_its_band(pemdi) -> None:
    """The predikat pairs each band with a level name: 4,2 is Unggul (4,00-5,00), not the nearest whole level."""
    assert [band.label for band in pemdi.bands] == [
        "Memuaskan (Unggul)", "Sangat Baik (Melembaga)", "Baik (Berkembang)", "Cukup (Membangun)", "Kurang (Merintis)"]
    assert [pemdi.level_label(value) for value in (1.0, 1.49, 1.5, 2.49, 2.5, 3.49, 3.5, 3.99, 4.0, 4.2, 5.0)] == [
        "Merintis", "Merintis", "Membangun", "Membangun", "Berkembang", "Berkembang", "Melembaga", "Melembaga",
        "Unggul", "Unggul", "Unggul"]


def test_index_values_are_cut_not_rounded_at_a_band_floor(pemdi) -> None:
    """SDI 12,4 lies in level 1's range (0-12,5): 1,496 must stay below the 1,50 floor of Cukup."""
    sdi = pemdi.indicator("5").index
    assert sdi.level(12.4) == 1.49 and pemdi.rating(sdi.level(12.4)) == "Kurang"
    assert sdi.level(12.5) == 1.5 and pemdi.rating(sdi.level(12.5)) == "Cukup"
