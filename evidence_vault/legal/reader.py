"""Read the legal metadata of a document from its pages: the legal-metadata stage of the pipeline."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..indonesian import long_date
from .citations import CitedRelation, amendment_target, implements, repeals
from .closing import Act, enactment, gazette, promulgation
from .fields import FieldValue, LegalMetadata
from .heading import Heading, evidence_kind, parse_heading
from .jenis import issuing_body, title_case
from .kinds import KINDS
from .text import parse_date, squash

_VALID_UNTIL = re.compile(r"berlaku\s+(?:sampai\s+dengan|sampai|hingga)\s+(?:tanggal\s+)?", re.IGNORECASE)
_INDONESIAN = {"yang", "dan", "dengan", "untuk", "dalam", "pada", "atau", "tentang", "dari", "ini"}
_ENGLISH = {"the", "and", "of", "to", "in", "for", "with", "this", "that", "is"}


def read_legal(pages: Sequence[str]) -> LegalMetadata:
    """All fields the text supports; fields it does not support are simply absent."""
    pages = list(pages)
    if not any(page.strip() for page in pages):
        return LegalMetadata()
    fields: dict[str, FieldValue] = {}
    heading = parse_heading(pages)
    enacted, promulgated = enactment(pages), promulgation(pages)
    if heading:
        _heading_fields(fields, heading)
    elif found := evidence_kind(pages):
        kind, line, page = found
        fields["jenis"] = FieldValue(kind, page=page, matched=line, confidence=0.6)
        if dated := parse_date(pages[0][:1500]):  # minutes and reports carry their date near the top
            fields["tanggal_dokumen"] = FieldValue(dated[0].isoformat(), page=1, matched=dated[1], confidence=0.6)
        fields["judul"] = FieldValue(title_case(line) if line.isupper() else squash(line), page=page,
                                     matched=line, confidence=0.5)
    if enacted:
        _act_fields(fields, enacted, "penetapan")
        if enacted.official_title:
            fields["penandatangan_jabatan"] = FieldValue(enacted.official_title, page=enacted.page,
                                                         matched=enacted.matched, confidence=0.8)
        if enacted.official_name:
            fields["penandatangan_nama"] = FieldValue(enacted.official_name, page=enacted.page,
                                                      matched=enacted.matched, confidence=0.8)
    if promulgated:
        _act_fields(fields, promulgated, "pengundangan")
    if "tahun" not in fields and enacted and enacted.day:
        fields["tahun"] = FieldValue(str(enacted.day.year), page=enacted.page, matched=enacted.matched,
                                     confidence=0.6)
    if placement := gazette(pages):
        fields["sumber"] = FieldValue(placement.matched, page=placement.page, matched=placement.matched,
                                      confidence=0.9)
    _status(fields, heading, enacted, promulgated)
    _valid_until(fields, pages)
    fields["bahasa"] = FieldValue(_language(pages), confidence=0.7)
    return LegalMetadata(fields=fields, relations=_relations(heading, pages))


def _heading_fields(fields: dict[str, FieldValue], heading: Heading) -> None:
    where = {"page": heading.page, "matched": heading.matched}
    kind = KINDS[heading.kind]
    fields["jenis"] = FieldValue(heading.kind, confidence=0.95, **where)
    fields["singkatan_jenis"] = FieldValue(kind.abbreviation, confidence=0.95, **where)
    if heading.nomor_text:
        fields["nomor"] = FieldValue(heading.nomor_text, confidence=0.9, **where)
    if heading.number:
        fields["nomor_peraturan"] = FieldValue(heading.number, confidence=0.85, **where)
    if heading.year:
        fields["tahun"] = FieldValue(str(heading.year), confidence=0.9, **where)
    if heading.tentang:
        fields["tentang"] = FieldValue(heading.tentang, confidence=0.85, **where)
    body = issuing_body(heading.kind, heading.issuer_words)
    if body:
        fields["teu_badan"] = FieldValue(body, confidence=0.7, **where)
    fields["judul"] = FieldValue(_title(heading), confidence=0.8, **where)
    if heading.marked_copy:
        fields["salinan"] = FieldValue("ya", confidence=0.9, **where)


def _title(heading: Heading) -> str:
    """"Peraturan Bupati Badung Nomor 18 Tahun 2014 tentang Penyelenggaraan Reklame"."""
    issuer = heading.issuer_words
    if heading.kind != "uu":
        issuer = re.sub(r"\bREPUBLIK\s+INDONESIA\b", "", issuer, flags=re.IGNORECASE)
    name = title_case(squash(f"{heading.jenis_text} {issuer}"))
    if heading.number and heading.year and "TAHUN" in heading.nomor_text.upper():
        name += f" Nomor {heading.number} Tahun {heading.year}"
    elif heading.nomor_text and heading.number:
        name += f" Nomor {heading.nomor_text}"
    if heading.tentang:
        name += f" tentang {title_case(heading.tentang)}"
    return name


def _act_fields(fields: dict[str, FieldValue], act: Act, suffix: str) -> None:
    if act.place:
        fields[f"tempat_{suffix}"] = FieldValue(act.place, page=act.page, matched=act.matched, confidence=0.8)
    if act.day:
        fields[f"tanggal_{suffix}"] = FieldValue(act.day.isoformat(), page=act.page, matched=act.matched,
                                                 confidence=0.9)


def _status(fields: dict[str, FieldValue], heading: Heading | None, enacted: Act | None,
            promulgated: Act | None) -> None:
    """rancangan, ditetapkan or diundangkan: how far the instrument has come."""
    if heading and heading.marked_draft:
        fields["status"] = FieldValue("rancangan", page=heading.page, matched=heading.matched, confidence=0.9)
    elif promulgated or ("sumber" in fields and enacted):
        act = promulgated or enacted
        fields["status"] = FieldValue("diundangkan", page=act.page, matched=act.matched, confidence=0.8)  # type: ignore[union-attr]
    elif enacted:
        fields["status"] = FieldValue("ditetapkan", page=enacted.page, matched=enacted.matched, confidence=0.8)


def _valid_until(fields: dict[str, FieldValue], pages: list[str]) -> None:
    for index, page in enumerate(pages):
        for match in _VALID_UNTIL.finditer(page):
            found = parse_date(page[match.end():match.end() + 40])
            if found:
                fields["berlaku_sampai"] = FieldValue(found[0].isoformat(), page=index + 1,
                                                      matched=squash(match.group(0) + long_date(found[0])),
                                                      confidence=0.7)
                return


def _language(pages: list[str]) -> str:
    words = re.findall(r"[a-z]+", " ".join(pages[:3]).lower())
    indonesian = sum(word in _INDONESIAN for word in words)
    english = sum(word in _ENGLISH for word in words)
    return "en" if english > indonesian else "id"


def _relations(heading: Heading | None, pages: list[str]) -> list[CitedRelation]:
    relations = []
    if heading and (target := amendment_target(heading.tentang)):
        relations.append(CitedRelation("mengubah", target, heading.page, heading.tentang[:300]))
    relations.extend(repeals(pages))
    relations.extend(implements(pages))
    return relations
