"""Validity rules, one row per situation an assessor would flag."""

from __future__ import annotations

from datetime import date

import pytest

from evidence_vault.legal.rules import Facts, evaluate

COMPLETE = {
    "jenis": "perbup", "nomor": "18 TAHUN 2014", "nomor_peraturan": "18", "tahun": "2014",
    "tanggal_penetapan": "2014-03-12", "penandatangan_nama": "I NYOMAN GIRI PRASTA", "status": "diundangkan",
    "sumber": "BERITA DAERAH KABUPATEN BADUNG TAHUN 2014 NOMOR 18", "teu_badan": "Kabupaten Badung",
}


def codes(**changes) -> set[str]:
    values = {**COMPLETE, **changes.pop("values", {})}
    facts = Facts(values=values, organisation_name="Pemerintah Kabupaten Badung", today=date(2026, 1, 1),
                  **{"confirmed": True, **changes})
    return {finding.code for finding in evaluate(facts)}


@pytest.mark.parametrize(("changes", "expected"), [
    ({}, set()),
    ({"confirmed": False}, {"unconfirmed"}),
    ({"values": {"nomor": None, "nomor_peraturan": None}}, {"no_number"}),
    ({"values": {"tanggal_penetapan": None}}, {"no_enactment_date"}),
    ({"values": {"penandatangan_nama": None}}, {"not_signed"}),
    ({"values": {"status": "rancangan", "nomor": None, "nomor_peraturan": None, "tanggal_penetapan": None,
                 "penandatangan_nama": None}}, {"draft"}),
    ({"values": {"status": "ditetapkan", "sumber": None}}, {"not_promulgated"}),
    ({"in_force": "dicabut", "changed_by": ["Perbup 7/2024"]}, {"repealed"}),
    ({"in_force": "diubah"}, {"amended"}),
    ({"values": {"berlaku_sampai": "2025-12-31"}}, {"expired"}),
    ({"values": {"berlaku_sampai": "2026-12-31"}}, set()),
    ({"values": {"teu_badan": "Kota Denpasar"}}, {"other_body"}),
    ({"values": {"jenis": "permen", "teu_badan": "Kementerian Komunikasi dan Informatika"}}, {"other_body"}),
    # a neighbour's Renstra is never the body's plan; another body's report (an external audit) is evidence
    ({"values": {"jenis": "dokumen_perencanaan", "teu_badan": "Kabupaten Karangmulya", "nomor": None,
                 "status": None}}, {"other_body"}),
    ({"values": {"jenis": "laporan", "teu_badan": "Badan Siber dan Sandi Negara", "nomor": None,
                 "status": None}}, set()),
    ({"has_text": False}, {"no_text"}),
    ({"copied_from": "Pemerintah Provinsi Bali"}, {"shared_copy"}),
    ({"values": {"jenis": None}}, {"unknown_kind"}),
    ({"values": {"jenis": "kepbup", "status": "ditetapkan", "sumber": None}}, set()),
    ({"values": {"jenis": "notulen", "nomor": None, "nomor_peraturan": None, "tanggal_penetapan": None,
                 "penandatangan_nama": None, "status": None}}, set()),
])
def test_rules(changes: dict, expected: set[str]) -> None:
    assert codes(**changes) == expected


def test_messages_say_what_to_do_and_errors_come_first() -> None:
    facts = Facts(values={**COMPLETE, "penandatangan_nama": None}, confirmed=False,
                  organisation_name="Pemerintah Kabupaten Badung")
    findings = evaluate(facts)
    assert [f.severity for f in findings] == ["error", "info"]
    assert "ditandatangani" in findings[0].message
    assert "repealed" not in {f.code for f in findings}


def test_repeal_names_the_repealing_document() -> None:
    facts = Facts(values=COMPLETE, confirmed=True, in_force="dicabut", changed_by=["Peraturan Bupati Badung Nomor 7"])
    assert "Peraturan Bupati Badung Nomor 7" in evaluate(facts)[0].message
