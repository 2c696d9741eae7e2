"""Validity rules: each a small function over a document's facts, yielding findings.

A finding has a stable code (used by the audit, filters and exports), a severity and an
Indonesian message that says what to fix. Adding a rule is adding one function to
`RULES` and one test row.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date

from ..indonesian import long_date
from .kinds import KINDS, REGIONAL_REGULATIONS, label

ERROR, WARNING, INFO = "error", "warning", "info"
SEVERITY_ORDER = {ERROR: 0, WARNING: 1, INFO: 2}
NATIONAL = {"uu", "perppu", "pp", "perpres", "permen", "perban", "keputusan_menteri"}


@dataclass(frozen=True)
class Finding:
    code: str
    severity: str
    message: str

    def as_dict(self) -> dict[str, str]:
        return {"code": self.code, "severity": self.severity, "message": self.message}


@dataclass(frozen=True)
class Facts:
    """What the rules look at; built from stored fields, relations and the owning organisation."""

    values: dict[str, str | None]
    has_text: bool = True
    confirmed: bool = False
    in_force: str = "berlaku"
    changed_by: list[str] = field(default_factory=list)
    organisation_name: str | None = None
    copied_from: str | None = None
    today: date = field(default_factory=date.today)

    @property
    def kind(self) -> str | None:
        return self.values.get("jenis")

    @property
    def is_instrument(self) -> bool:
        return self.kind in KINDS and KINDS[self.kind].legal_instrument

    def get(self, name: str) -> str | None:
        value = self.values.get(name)
        return value if value not in ("", None) else None


Rule = Callable[[Facts], Iterator[Finding]]


def no_text(facts: Facts) -> Iterator[Finding]:
    if not facts.has_text:
        yield Finding("no_text", ERROR, "Teks dokumen tidak terbaca, sehingga isinya tidak bisa diperiksa. Keterangan "
                      "pembacaan di halaman dokumen menyebut sebabnya dan apa yang harus dilakukan (misalnya menunggu "
                      "atau menjalankan OCR, membuka kunci PDF, atau memindai ulang dengan resolusi lebih tinggi).")


def unknown_kind(facts: Facts) -> Iterator[Finding]:
    if facts.has_text and not facts.kind:
        yield Finding("unknown_kind", WARNING, "Jenis dokumen tidak dikenali dari teksnya. Pilih jenisnya pada "
                      "formulir metadata.")


def draft(facts: Facts) -> Iterator[Finding]:
    if facts.get("status") == "rancangan":
        yield Finding("draft", ERROR, "Dokumen ini masih rancangan. Penilai hanya menghitung kebijakan yang sudah "
                      "ditetapkan: unggah versi yang sudah bernomor dan ditandatangani.")


def no_number(facts: Facts) -> Iterator[Finding]:
    if facts.is_instrument and facts.kind != "sop" and facts.get("status") != "rancangan" \
            and not facts.get("nomor_peraturan") and not facts.get("nomor"):
        yield Finding("no_number", ERROR, f"Nomor {label(facts.kind)} tidak ditemukan. Kebijakan yang sah harus "
                      "bernomor: periksa naskahnya atau isi nomornya pada formulir metadata.")


def no_enactment_date(facts: Facts) -> Iterator[Finding]:
    if facts.is_instrument and facts.get("status") != "rancangan" and not facts.get("tanggal_penetapan"):
        yield Finding("no_enactment_date", ERROR, "Tanggal penetapan tidak ditemukan (\u201cDitetapkan di ... "
                      "pada tanggal ...\u201d). Pastikan halaman pengesahan ikut diunggah, atau isi tanggalnya.")


def not_signed(facts: Facts) -> Iterator[Finding]:
    if facts.is_instrument and facts.get("status") != "rancangan" and not facts.get("penandatangan_nama"):
        yield Finding("not_signed", ERROR, "Nama penandatangan tidak ditemukan. Kebijakan harus ditandatangani "
                      "pejabat yang berwenang: unggah salinan yang memuat tanda tangan, atau isi penandatangannya.")


def not_promulgated(facts: Facts) -> Iterator[Finding]:
    needs = facts.kind in KINDS and KINDS[facts.kind].needs_promulgation
    if needs and facts.get("status") == "ditetapkan" and not facts.get("sumber"):
        where = "Berita/Lembaran Daerah" if facts.kind in REGIONAL_REGULATIONS else "Berita/Lembaran Negara"
        yield Finding("not_promulgated", ERROR, f"{label(facts.kind)} ini belum tercatat diundangkan dalam {where}, "
                      "sehingga belum mengikat. Unggah salinan yang memuat bagian pengundangan.")


def repealed(facts: Facts) -> Iterator[Finding]:
    if facts.in_force == "dicabut":
        by = "; ".join(facts.changed_by) or "dokumen lain"
        yield Finding("repealed", ERROR, f"Dokumen ini sudah dicabut oleh {by}. Gunakan peraturan penggantinya "
                      "sebagai data dukung.")


def amended(facts: Facts) -> Iterator[Finding]:
    if facts.in_force == "diubah":
        by = "; ".join(facts.changed_by) or "dokumen lain"
        yield Finding("amended", WARNING, f"Dokumen ini telah diubah oleh {by}. Lampirkan juga perubahannya agar "
                      "penilai melihat ketentuan yang berlaku.")


def expired(facts: Facts) -> Iterator[Finding]:
    until = facts.get("berlaku_sampai")
    if until and re.match(r"^\d{4}-\d{2}-\d{2}$", until) and date.fromisoformat(until) < facts.today:
        ended = long_date(date.fromisoformat(until))
        yield Finding("expired", ERROR, f"Masa berlaku dokumen ini berakhir pada {ended}. "
                      "Unggah dokumen yang masih berlaku.")


def other_body(facts: Facts) -> Iterator[Finding]:
    body, owner = facts.get("teu_badan"), facts.organisation_name
    if not body or not owner or not facts.is_instrument:
        return
    if facts.kind in NATIONAL:
        yield Finding("other_body", INFO, f"Ini regulasi nasional ({body}), bukan kebijakan internal organisasi "
                      "Anda. Dapat menjadi acuan, tetapi tidak menggantikan kebijakan yang ditetapkan sendiri.")
    elif not _same_body(body, owner):
        yield Finding("other_body", WARNING, f"Dokumen ini diterbitkan oleh {body}, bukan oleh {owner}. Penilai "
                      "menghitung kebijakan yang ditetapkan organisasi sendiri.")


def shared_copy(facts: Facts) -> Iterator[Finding]:
    if facts.copied_from:
        yield Finding("shared_copy", ERROR, f"Ini salinan dari pustaka bersama ({facts.copied_from}), hanya sebagai "
                      "titik awal. Belum menjadi data dukung sah organisasi Anda sampai versi yang ditetapkan "
                      "organisasi Anda sendiri diunggah.")


def unconfirmed(facts: Facts) -> Iterator[Finding]:
    if facts.has_text and facts.kind and not facts.confirmed:
        yield Finding("unconfirmed", INFO, "Metadata dibaca otomatis dan belum diperiksa. Cocokkan dengan naskah, "
                      "perbaiki bila perlu, lalu konfirmasi.")


def _same_body(body: str, owner: str) -> bool:
    def words(text: str) -> set[str]:
        return set(re.findall(r"[a-z]+", text.lower())) - {"pemerintah", "dan", "daerah"}

    mine, theirs = words(owner), words(body)
    return bool(theirs) and (theirs <= mine or mine <= theirs)


RULES: list[Rule] = [no_text, unknown_kind, draft, no_number, no_enactment_date, not_signed, not_promulgated,
                     repealed, amended, expired, other_body, shared_copy, unconfirmed]


def evaluate(facts: Facts) -> list[Finding]:
    """All findings for a document, most severe first."""
    found = [finding for rule in RULES for finding in rule(facts)]
    return sorted(found, key=lambda finding: SEVERITY_ORDER[finding.severity])
