"""Agreements (nota kesepahaman / kesepakatan, perjanjian kerja sama): which side is the body's own.

An agreement carries two of everything: two parties in its title ("ANTARA PEMERINTAH KABUPATEN
... DENGAN PT ..."), two numbers under it (each party numbers its copy, in the title's order),
two signatures side by side. Evidence of a regional body is the body's side of it: its number,
its signer, the body itself. That side is the party that is a regional government or one of
its offices; a company, a university or a national agency is the other. When both are regional
(two regencies cooperating) nothing tells which vault it belongs to, and the first party is taken.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from . import layout
from .text import squash

# A regional government or one of its offices, as a party names itself in a title or an introduction.
_REGIONAL = re.compile(
    r"\b(?:PEMERINTAH\s+(?:KABUPATEN|KOTA|PROVINSI|DAERAH)|BUPATI|WALI\s*KOTA|GUBERNUR|DINAS|"
    r"SEKRETARIAT\s+DAERAH|PERANGKAT\s+DAERAH|INSPEKTORAT\s+(?:DAERAH|KABUPATEN|KOTA|PROVINSI))\b", re.IGNORECASE)
_OTHER = re.compile(
    r"\b(?:PT|CV|PERSEROAN|UNIVERSITAS|INSTITUT|POLITEKNIK|SEKOLAH\s+TINGGI|KEMENTERIAN|MENTERI|"
    r"BADAN\s+SIBER|BSSN|YAYASAN|KOPERASI|REKTOR|DEKAN|DIREKTUR\s+UTAMA)\b", re.IGNORECASE)
_BETWEEN = re.compile(r"^ANTARA\b\s*(?P<rest>.*)$", re.IGNORECASE)
_JOINER = re.compile(r"^(?:DAN|DENGAN)\b\s*(?P<rest>.*)$", re.IGNORECASE)
_HEADER_END = re.compile(r"^(?:TENTANG|NOMOR|No\.)\b", re.IGNORECASE)
# "... selanjutnya disebut PIHAK KESATU", "... yang selanjutnya disebut sebagai "PIHAK KEDUA"".
_CALLED = re.compile(r"disebut\s+(?:sebagai\s+)?\W{0,2}PIHAK\s+(?P<label>KESATU|PERTAMA|KEDUA)", re.IGNORECASE)
_INTRODUCTION = 400
# "Pada hari ini ..., bertempat di Kampus Universitas ..., Kedungwaru, kami yang bertanda tangan ...".
_WHERE = re.compile(r"\bbertempat\s+di\s+(?P<where>[A-Z][^.;:]{1,160}?)\s*,\s*(?=[a-z]|$)")
_BUILDING = re.compile(r"^(?:Kantor|Kampus|Gedung|Ruang|Aula|Hotel|Balai|Graha|Pendopo|Pendapa|Jalan|Jl\.?)\b",
                       re.IGNORECASE)
_FIRST_LABELS = ("KESATU", "PERTAMA")


@dataclass(frozen=True)
class Sides:
    """The parties as the title lists them, and which one is the body's own (None: cannot tell)."""

    parties: tuple[str, ...]
    own: int | None
    own_label: str | None  # "KESATU" | "KEDUA": how the text calls the own party

    @property
    def own_party(self) -> str | None:
        return self.parties[self.own] if self.own is not None and self.own < len(self.parties) else None


def sides(pages: Sequence[str]) -> Sides:
    """Who the parties are and which is the body's own."""
    parties = title_parties(pages[0]) if pages else []
    own = _regional_one(parties)
    labels = called(pages)
    own_label = None
    regional_labels = _regional_one(list(labels.values()))
    if regional_labels is not None:
        own_label = list(labels)[regional_labels]
    elif own is not None and labels:
        own_label = list(labels)[min(own, len(labels) - 1)]
    if own is None and own_label is not None and len(parties) == len(labels):
        own = list(labels).index(own_label)
    return Sides(tuple(parties), own, own_label)


def title_parties(page: str) -> list[str]:
    """The parties between "ANTARA" and "TENTANG"/"NOMOR" of the title, one per "DAN"/"DENGAN"."""
    lines = [squash(line) for line in layout.lines_of(page)[:30] if squash(line)]
    start = next((index for index, line in enumerate(lines) if _BETWEEN.match(line)), None)
    if start is None:
        return []
    opening = _BETWEEN.match(lines[start])
    parties: list[list[str]] = [[opening.group("rest")] if opening and opening.group("rest") else []]
    for line in lines[start + 1:start + 12]:
        if _HEADER_END.match(line):
            break
        if joined := _JOINER.match(line):
            parties.append([joined.group("rest")] if joined.group("rest") else [])
        else:
            parties[-1].append(line)
    found = [squash(" ".join(party)) for party in parties if party]
    if len(found) == 1:  # "ANTARA PEMERINTAH KOTA ... DENGAN PT ..." on one line ("DAN" may be inside a name)
        found = [part for part in re.split(r"\s+DENGAN\s+", found[0], flags=re.IGNORECASE) if part]
    return found


def called(pages: Sequence[str]) -> dict[str, str]:
    """Each party's introduction ("1. H. RUSDI ..., Bupati ..., selanjutnya disebut PIHAK KESATU") by its label."""
    text = squash("\n".join(pages[:2]))
    found: dict[str, str] = {}
    previous = 0
    for match in _CALLED.finditer(text):
        label = "KESATU" if match.group("label").upper() in _FIRST_LABELS else "KEDUA"
        if label not in found:
            found[label] = text[max(previous, match.start() - _INTRODUCTION):match.start()]
        previous = match.end()
    return found


def _regional_one(texts: list[str]) -> int | None:
    """The one text that names a regional government and no other kind of party; the first of several."""
    regional = [index for index, text in enumerate(texts) if _REGIONAL.search(text) and not _OTHER.search(text)]
    if not regional:
        return None
    return regional[0]


def signed_at(pages: Sequence[str]) -> str | None:
    """Where the parties signed, from the opening sentence: the town, not the building."""
    match = _WHERE.search(squash("\n".join(pages[:2])))
    if not match:
        return None
    towns = [part.strip() for part in match.group("where").split(",") if part.strip() and not _BUILDING.match(
        part.strip())]
    return towns[-1] if towns else None
