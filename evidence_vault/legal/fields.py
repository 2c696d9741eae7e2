"""The legal metadata of one document: named fields, each with where its value came from."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from .citations import Citation, CitedRelation

# JDIHN order (DOMAIN.md §5); the web page and the feed show fields in this order.
FIELD_ORDER = [
    "jenis", "singkatan_jenis", "nomor", "nomor_peraturan", "tahun", "judul", "tentang", "teu_badan",
    "tempat_penetapan", "tanggal_penetapan", "tempat_pengundangan", "tanggal_pengundangan", "sumber",
    "penandatangan_jabatan", "penandatangan_nama", "status", "tanggal_berlaku", "berlaku_sampai", "tanggal_dokumen",
    "tanggal_rapat",
    "bahasa", "salinan",
]
LABELS = {
    "jenis": "Jenis/bentuk", "singkatan_jenis": "Singkatan jenis", "nomor": "Nomor (sesuai naskah)",
    "nomor_peraturan": "Nomor peraturan", "tahun": "Tahun", "judul": "Judul", "tentang": "Tentang",
    "teu_badan": "T.E.U. badan/pengarang", "tempat_penetapan": "Tempat penetapan",
    "tanggal_penetapan": "Tanggal penetapan", "tempat_pengundangan": "Tempat pengundangan",
    "tanggal_pengundangan": "Tanggal pengundangan", "sumber": "Sumber (lembaran/berita)",
    "penandatangan_jabatan": "Jabatan penandatangan", "penandatangan_nama": "Nama penandatangan",
    "status": "Status", "berlaku_sampai": "Berlaku sampai", "tanggal_dokumen": "Tanggal dokumen",
    "tanggal_rapat": "Tanggal rapat/kegiatan", "tanggal_berlaku": "Mulai berlaku",
    "bahasa": "Bahasa", "salinan": "Salinan",
}
STATUSES = ("rancangan", "ditetapkan", "diundangkan")
DATE_FIELDS = {"tanggal_penetapan", "tanggal_pengundangan", "tanggal_berlaku", "berlaku_sampai", "tanggal_dokumen",
               "tanggal_rapat"}


@dataclass(frozen=True)
class FieldValue:
    """One value: from the text (page, matched wording, confidence) or entered by a person."""

    value: str | None
    source: str = "extracted"  # "extracted" | "manual"
    page: int | None = None
    matched: str = ""
    confidence: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class LegalMetadata:
    """Everything read from a document's text about its legal identity and standing."""

    fields: dict[str, FieldValue] = field(default_factory=dict)
    relations: list[CitedRelation] = field(default_factory=list)

    def value(self, name: str) -> str | None:
        found = self.fields.get(name)
        return found.value if found else None

    def as_dict(self) -> dict[str, Any]:
        """The `legal` object of `inspect --json`: fields in JDIHN order, then relations."""
        out: dict[str, Any] = {name: self.fields[name].as_dict() for name in FIELD_ORDER if name in self.fields}
        out["relations"] = [
            {"relation": r.relation, "kind": r.citation.kind, "number": r.citation.number,
             "year": r.citation.year, "title": r.citation.title, "citation": r.citation.text, "page": r.page}
            for r in self.relations
        ]
        return out


def citation_of(metadata: LegalMetadata) -> Citation | None:
    """How others would cite this document (kind, number, year), when the text gives all three."""
    kind, number, year = metadata.value("jenis"), metadata.value("nomor_peraturan"), metadata.value("tahun")
    if not kind or not number or not year:
        return None
    return Citation(kind, number, int(year), metadata.value("tentang") or "", metadata.value("judul") or "")
