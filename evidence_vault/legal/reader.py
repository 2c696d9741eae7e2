"""Read the legal metadata of a document from its pages: the legal-metadata stage of the pipeline.

The pages are first repaired the way OCR damages them (`canonical`); then the document is
recognised from its whole first page: an SOP by its header table, an evidence document by
the title under its letterhead (notulen, berita acara, laporan, ...), a legal instrument by
its heading (jenis, NOMOR, TENTANG), a letter by its subject line. Each kind is read by its
own reader; closings, drafts and relations are common to all.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from ..indonesian import long_date
from . import drafts, evidence, layout, sop
from .canonical import canonical_pages
from .citations import CitedRelation, amendment_targets, amendments, implements, repeal_target, repeals, reviewed
from .closing import Act, enactment, gazette, promulgation
from .fields import FieldValue, LegalMetadata
from .heading import Heading, parse_heading
from .jenis import issuing_body, title_case
from .kinds import KINDS
from .signature import last_signer
from .text import fuzzy, parse_date, squash

# Documents that go through drafts of their own ("KONSEP Dokumen Arsitektur", "DRAFT Laporan"); minutes and
# invitations only name the draft they discuss ("Pembahasan Rancangan Perbup"), so they are left out.
DRAFTED_EVIDENCE = frozenset({"dokumen_perencanaan", "laporan", "manual", "perjanjian"})
_VALID_UNTIL = re.compile(r"(?:berlaku\s+(?:sampai\s+dengan|sampai|hingga)|masa\s+berlaku(?:\s+sampai)?|"
                          r"valid\s+(?:until|through|thru|to)|expiry\s+date|expires?(?:\s+on)?|exp\.?\s+date)"
                          r"\s*:?\s*(?:tanggal\s+)?", re.IGNORECASE)
# "... mulai berlaku pada tanggal 1 Januari 2025" (a date, not "pada tanggal diundangkan"): in force from then.
_IN_FORCE_FROM = re.compile(r"mulai\s+berlaku\s+(?:efektif\s+)?(?:pada\s+)?(?:tanggal\s+)?(?=\d)", re.IGNORECASE)
_INDONESIAN = {"yang", "dan", "dengan", "untuk", "dalam", "pada", "atau", "tentang", "dari", "ini"}
_ENGLISH = {"the", "and", "of", "to", "in", "for", "with", "this", "that", "is"}
Fields = dict[str, FieldValue]


def read_legal(pages: Sequence[str]) -> LegalMetadata:
    """All fields the text supports; fields it does not support are simply absent."""
    raw = list(pages)
    if not any(page.strip() for page in raw):
        return LegalMetadata()
    pages = canonical_pages(raw)
    fields: Fields = {}
    heading: Heading | None = None
    titled = evidence.title_kind(pages)
    first_heading = parse_heading(pages[:1])
    if sop.looks_like_sop(pages[:1]) and (first_heading is None or first_heading.kind == "sop"):
        _sop(fields, pages)  # an SOP's header table ("Nomor SOP | ...") is read as a table, not as a heading
    elif titled:
        _evidence(fields, pages, *titled)
    elif heading := parse_heading(pages):
        _instrument(fields, pages, heading)
    elif found := evidence.subject_kind(pages):
        _evidence(fields, pages, *found)
    _valid_until(fields, pages)
    _in_force_from(fields, pages)
    fields["bahasa"] = FieldValue(_language(pages), confidence=0.7)
    return LegalMetadata(fields=fields, relations=_relations(heading, pages, fields))


def _instrument(fields: Fields, pages: list[str], heading: Heading) -> None:
    _heading_fields(fields, heading)
    if "nomor" not in fields and heading.kind == "surat_edaran" and (number := evidence.letter_number(pages[:1])):
        fields["nomor"] = FieldValue(number, confidence=0.75, page=1, matched=number)  # the letter's "Nomor :"
        fields["nomor_peraturan"] = FieldValue(number, confidence=0.7, page=1, matched=number)
    if "teu_badan" not in fields and (body := layout.letterhead_body(pages[0])):
        fields["teu_badan"] = FieldValue(body, confidence=0.6, page=1, matched=body)  # an SE from the letterhead
    enacted, promulgated = enactment(pages), promulgation(pages)
    if (enacted is None or enacted.day is None) and heading.kind in ("surat_edaran", "instruksi", "keputusan_kepala"):
        enacted = _dated_letter(pages)  # "Sukamaju, 4 September 2023" above or below the body
    if enacted:
        _act_fields(fields, enacted, "penetapan")
        signer = (enacted.official_title, enacted.official_name)
        if not enacted.official_name:
            # The head signs above the promulgation ("Diundangkan di ..."), whose secretary signs below it.
            found = last_signer(_before_promulgation(pages) if promulgated else pages)
            signer = (enacted.official_title or found.office, found.name)
        if signer[0]:
            fields["penandatangan_jabatan"] = FieldValue(signer[0], page=enacted.page, matched=enacted.matched,
                                                         confidence=0.8)
        if signer[1]:
            fields["penandatangan_nama"] = FieldValue(signer[1], page=enacted.page, matched=enacted.matched,
                                                      confidence=0.8)
    if promulgated:
        _act_fields(fields, promulgated, "pengundangan")
    if "tahun" not in fields and enacted and enacted.day:
        fields["tahun"] = FieldValue(str(enacted.day.year), page=enacted.page, matched=enacted.matched,
                                     confidence=0.6)
    if placement := gazette(pages):
        fields["sumber"] = FieldValue(placement.matched, page=placement.page, matched=placement.matched,
                                      confidence=0.9)
    draft = heading.marked_draft or drafts.draft_mark(pages) is not None or drafts.blank_enactment_date(pages)
    if draft and "tempat_penetapan" not in fields and (partial := layout.undated_place(pages)):
        fields["tempat_penetapan"] = FieldValue(partial[0], confidence=0.5, page=partial[2], matched=partial[0])
        if "tahun" not in fields and partial[1]:
            fields["tahun"] = FieldValue(str(partial[1]), confidence=0.5, page=partial[2], matched=partial[0])
    if draft and "penandatangan_nama" not in fields and (typed := last_signer(pages)).name:
        # A draft names who is to sign it, typed under the office, though nothing is signed yet.
        where = {"page": len(pages), "matched": f"{typed.office or ''} {typed.name}".strip()}
        if typed.office:
            fields["penandatangan_jabatan"] = FieldValue(typed.office, confidence=0.5, **where)
        fields["penandatangan_nama"] = FieldValue(typed.name, confidence=0.5, **where)
    _status(fields, draft, enacted, promulgated)


def _dated_letter(pages: list[str]) -> Act | None:
    found = layout.place_and_date(pages[:1]) or layout.place_and_date(pages, last=True)
    if not found:
        return None
    place, day, page = found
    return Act(place, day, None, None, page, f"{place}, {long_date(day)}")


def _heading_fields(fields: Fields, heading: Heading) -> None:
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


def _evidence(fields: Fields, pages: list[str], kind: str, line: str) -> None:
    reading = evidence.read_evidence(pages, kind, line)
    where = {"page": reading.page, "matched": line}
    fields["jenis"] = FieldValue(kind, confidence=0.75, **where)
    fields["singkatan_jenis"] = FieldValue(KINDS[kind].abbreviation, confidence=0.75, **where)
    if reading.number:
        fields["nomor"] = FieldValue(reading.number, confidence=0.75, **where)
    if reading.year:
        fields["tahun"] = FieldValue(str(reading.year), confidence=0.6, **where)
    if reading.subject:
        fields["tentang"] = FieldValue(reading.subject, confidence=0.7, **where)
        readable = title_case(reading.subject) if reading.subject.isupper() else reading.subject
        named = kind in ("laporan", "dokumen_perencanaan", "manual", "sertifikat", "perjanjian")
        fields["judul"] = FieldValue(readable if named else f"{KINDS[kind].label}: {readable}", confidence=0.6, **where)
    if body := reading.body or layout.letterhead_body(pages[0]):
        fields["teu_badan"] = FieldValue(body, confidence=0.6, page=1, matched=body)
    if reading.place:
        fields["tempat_penetapan"] = FieldValue(reading.place, confidence=0.6, **where)
    _date_field(fields, "tanggal_dokumen", reading.dated, where)
    _date_field(fields, "tanggal_rapat", reading.meeting, where)
    if reading.signer.office:
        fields["penandatangan_jabatan"] = FieldValue(reading.signer.office, confidence=0.6, **where)
    if reading.signer.name:
        fields["penandatangan_nama"] = FieldValue(reading.signer.name, confidence=0.6, **where)
    if kind == "surat_edaran":  # an SE without a legal heading still is an instrument
        _status(fields, drafts.draft_mark(pages) is not None, _as_act(reading), None)
    elif kind in DRAFTED_EVIDENCE and drafts.draft_mark(pages) is not None:
        fields["status"] = FieldValue("rancangan", confidence=0.8, page=1, matched=drafts.draft_mark(pages) or "")


def _as_act(reading: evidence.EvidenceReading) -> Act | None:
    if reading.dated is None:
        return None
    return Act(reading.place, reading.dated, reading.signer.office, reading.signer.name, 1, reading.kind_line)


_PROMULGATION = re.compile(rf"^\s*{fuzzy('Diundangkan')}\s+di\b", re.IGNORECASE | re.MULTILINE)


def _before_promulgation(pages: list[str]) -> list[str]:
    """The pages up to the promulgation block ("Diundangkan di ..."): where the head's own signature stands."""
    for index, page in enumerate(pages):
        if match := _PROMULGATION.search(page):
            return [*pages[:index], page[:match.start()]]
    return pages


def _sop(fields: Fields, pages: list[str]) -> None:
    reading = sop.read_sop(pages)
    where = {"page": reading.page if reading else 1, "matched": reading.matched if reading else ""}
    fields["jenis"] = FieldValue("sop", confidence=0.9, **where)
    fields["singkatan_jenis"] = FieldValue("SOP", confidence=0.9, **where)
    if reading is None:
        return
    if reading.number:
        fields["nomor"] = FieldValue(reading.number, confidence=0.8, **where)
        fields["nomor_peraturan"] = FieldValue(reading.number, confidence=0.8, **where)
    if reading.title:
        fields["tentang"] = FieldValue(reading.title, confidence=0.8, **where)
        fields["judul"] = FieldValue(f"SOP {reading.title}", confidence=0.7, **where)
    draft = drafts.draft_mark(pages) is not None or not reading.number
    dated = reading.effective or reading.made
    enacted_on = None if draft else dated  # a draft's date of making enacts nothing
    year = _year_of(reading.printed_number) or (dated.year if dated else None)
    if year:
        fields["tahun"] = FieldValue(str(year), confidence=0.7, **where)
    _date_field(fields, "tanggal_penetapan", enacted_on, where)
    if body := layout.letterhead_body(pages[0].replace(" | ", "\n")):
        fields["teu_badan"] = FieldValue(body, confidence=0.6, **where)
    if reading.office:
        fields["penandatangan_jabatan"] = FieldValue(reading.office, confidence=0.7, **where)
    name = reading.name or _signed_below(pages, reading.office) or last_signer(pages[:1]).name
    if name:
        fields["penandatangan_nama"] = FieldValue(name, confidence=0.6 if not reading.name else 0.7, **where)
    enacted = Act(None, enacted_on, reading.office, name, reading.page, reading.matched) \
        if name and enacted_on else None
    _status(fields, draft, enacted, None)


def _signed_below(pages: list[str], office: str | None) -> str | None:
    """An SOP whose table names only the approving office, signed at the foot of the page instead."""
    if not office:
        return None
    found = last_signer(pages[:2])
    return found.name if found.name else None


def _year_of(number: str | None) -> int | None:
    match = re.search(r"(?:^|[/.\-])((?:19|20)\d\d)$", number or "")
    return int(match.group(1)) if match else None


def _date_field(fields: Fields, name: str, value: date | None, where: dict) -> None:
    if value is not None:
        fields[name] = FieldValue(value.isoformat(), confidence=0.6, **where)


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


def _act_fields(fields: Fields, act: Act, suffix: str) -> None:
    if act.place:
        fields[f"tempat_{suffix}"] = FieldValue(act.place, page=act.page, matched=act.matched, confidence=0.8)
    if act.day:
        fields[f"tanggal_{suffix}"] = FieldValue(act.day.isoformat(), page=act.page, matched=act.matched,
                                                 confidence=0.9)


def _status(fields: Fields, draft: bool, enacted: Act | None, promulgated: Act | None) -> None:
    """rancangan, ditetapkan or diundangkan: how far the instrument has come. A draft is never more."""
    if draft:
        fields["status"] = FieldValue("rancangan", confidence=0.9, page=1, matched="")
    elif promulgated or ("sumber" in fields and enacted):
        act = promulgated or enacted
        fields["status"] = FieldValue("diundangkan", page=act.page, matched=act.matched, confidence=0.8)  # type: ignore[union-attr]
    elif enacted and enacted.day:
        fields["status"] = FieldValue("ditetapkan", page=enacted.page, matched=enacted.matched, confidence=0.8)


def _valid_until(fields: Fields, pages: list[str]) -> None:
    for index, page in enumerate(pages):
        for match in _VALID_UNTIL.finditer(page):
            found = parse_date(page[match.end():match.end() + 40])
            if found:
                fields["berlaku_sampai"] = FieldValue(found[0].isoformat(), page=index + 1,
                                                      matched=squash(match.group(0) + long_date(found[0])),
                                                      confidence=0.7)
                return


def _in_force_from(fields: Fields, pages: list[str]) -> None:
    for index, page in enumerate(pages):
        for match in _IN_FORCE_FROM.finditer(page):
            if found := parse_date(page[match.end():match.end() + 30]):
                fields["tanggal_berlaku"] = FieldValue(found[0].isoformat(), page=index + 1,
                                                       matched=squash(match.group(0) + found[1]), confidence=0.7)
                return


def _language(pages: list[str]) -> str:
    words = re.findall(r"[a-z]+", " ".join(pages[:3]).lower())
    indonesian = sum(word in _INDONESIAN for word in words)
    english = sum(word in _ENGLISH for word in words)
    return "en" if english > indonesian else "id"


def _enacts_another(tentang: str) -> bool:
    return bool(re.match(r"PENETAPAN\s+(?:PERATURAN\s+PEMERINTAH\s+PENGGANTI|\W*UNDANG)", tentang, re.IGNORECASE))


def _relations(heading: Heading | None, pages: list[str], fields: Fields) -> list[CitedRelation]:
    relations = []
    if heading and _enacts_another(heading.tentang):
        return relations  # "PENETAPAN PERPPU ... MENJADI UNDANG-UNDANG": what the enacted text changes is its own
    if heading and (targets := amendment_targets(heading.tentang)):
        relations += [CitedRelation("mengubah", target, heading.page, heading.tentang[:300]) for target in targets]
    else:
        relations += amendments(pages)  # the body says what it amends only when the title does not
    found = repeals(pages)
    if heading and (target := repeal_target(heading.tentang)) and target.key() not in {
            relation.citation.key() for relation in found}:
        found.insert(0, CitedRelation("mencabut", target, heading.page, heading.tentang[:300]))
    relations.extend(found)
    relations.extend(implements(pages))
    kind = fields["jenis"].value if "jenis" in fields else None
    if kind in ("notulen", "berita_acara", "laporan", "nota_dinas", "undangan"):
        relations.extend(reviewed(pages, fields["tentang"].value if "tentang" in fields else ""))
    return relations
