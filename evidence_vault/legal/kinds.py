"""Kinds of document (jenis/bentuk), as codes shared by the legal, framework and audit stages.

`legal_instrument` marks the kinds that can establish a policy; the others are evidence of
what happened (reports, minutes, screenshots). `needs_promulgation` marks regional
regulations that must appear in the regional gazette to bind (UU 12/2011 art. 81-86).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Kind:
    code: str
    label: str
    abbreviation: str
    legal_instrument: bool
    needs_promulgation: bool = False


KINDS: dict[str, Kind] = {kind.code: kind for kind in [
    Kind("uu", "Undang-Undang", "UU", True, True),
    Kind("perppu", "Peraturan Pemerintah Pengganti Undang-Undang", "Perppu", True, True),
    Kind("pp", "Peraturan Pemerintah", "PP", True, True),
    Kind("perpres", "Peraturan Presiden", "Perpres", True, True),
    Kind("permen", "Peraturan Menteri", "Permen", True, True),
    Kind("perban", "Peraturan Badan/Lembaga", "Perban", True, True),
    Kind("perda_provinsi", "Peraturan Daerah Provinsi", "Perda", True, True),
    Kind("perda_kabkota", "Peraturan Daerah Kabupaten/Kota", "Perda", True, True),
    Kind("pergub", "Peraturan Gubernur", "Pergub", True, True),
    Kind("perbup", "Peraturan Bupati", "Perbup", True, True),
    Kind("perwali", "Peraturan Wali Kota", "Perwali", True, True),
    Kind("kepgub", "Keputusan Gubernur", "Kepgub", True),
    Kind("kepbup", "Keputusan Bupati", "Kepbup", True),
    Kind("kepwali", "Keputusan Wali Kota", "Kepwali", True),
    Kind("keputusan_menteri", "Keputusan Menteri", "Kepmen", True),
    Kind("keputusan_kepala", "Keputusan Pimpinan Instansi/Unit", "Kep", True),
    Kind("surat_edaran", "Surat Edaran", "SE", True),
    Kind("instruksi", "Instruksi", "Inst", True),
    Kind("sop", "Standar Operasional Prosedur", "SOP", True),
    Kind("laporan", "Laporan", "Laporan", False),
    Kind("notulen", "Notulen/Risalah Rapat", "Notulen", False),
    Kind("berita_acara", "Berita Acara", "BA", False),
    Kind("undangan", "Undangan", "Undangan", False),
    Kind("nota_dinas", "Nota Dinas", "ND", False),
    Kind("dokumentasi", "Dokumentasi/Tangkapan Layar", "Dok", False),
    Kind("manual", "Manual/Panduan", "Manual", False),
    Kind("perjanjian", "Nota Kesepahaman/Perjanjian Kerja Sama", "MoU/PKS", False),
    Kind("dokumen_perencanaan", "Dokumen Perencanaan", "Rencana", False),
    Kind("sertifikat", "Sertifikat", "Sertifikat", False),
    Kind("lainnya", "Lainnya", "Lainnya", False),
]}

REGIONAL_REGULATIONS = frozenset({"perda_provinsi", "perda_kabkota", "pergub", "perbup", "perwali"})


def label(code: str | None) -> str:
    """The Indonesian name of a kind; unknown or missing codes read as "belum diketahui"."""
    if code is None or code not in KINDS:
        return "Belum diketahui"
    return KINDS[code].label
