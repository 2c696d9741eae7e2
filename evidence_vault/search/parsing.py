"""Reading what a person typed into the search box. Never raises.

The language is small on purpose:

- words: every word must occur, in any inflection ("kelola" finds "pengelolaan");
- "quoted phrase": the words exactly as written, next to each other;
- `-word` or `NOT word`: documents without it; `a OR b`: either one;
- `kelol*`: words starting with at least three letters;
- legal citations ("Perbup 12/2023", "Peraturan Bupati Nomor 12 Tahun 2023") match the
  cited instrument's metadata, or its mention in the text.

Anything else (unbalanced quotes, stray operators, a lone "*", control characters, more
than `MAX_QUERY_CHARS` characters) is cleaned up, and each kind of clean-up adds one
Indonesian sentence to `ParsedQuery.notes`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import cast

from ..legal.text import squash
from .analysis import WORD_PATTERN, exact_tokens, stemmed_tokens
from .citations import QueryCitation, query_citations

MAX_QUERY_CHARS = 500
MAX_CLAUSES = 24
MIN_PREFIX = 3

NOTE_CONTROL = "Karakter kontrol atau karakter tak terlihat dihapus dari kata kunci."
NOTE_TOO_LONG = f"Kata kunci terlalu panjang; hanya {MAX_QUERY_CHARS} karakter pertama yang dipakai."
NOTE_QUOTE = "Tanda kutip tanpa pasangan diabaikan."
NOTE_OPERATOR = "Operator AND/OR/NOT yang tidak diapit kata diabaikan."
NOTE_WILDCARD = (f"Tanda * hanya berlaku di akhir kata minimal {MIN_PREFIX} huruf (mis. kelol*); "
                 "tanda * lainnya diabaikan.")
NOTE_TOO_MANY = f"Hanya {MAX_CLAUSES} kata pertama yang dipakai."
NOTE_NOTHING = "Kata kunci tidak memuat kata yang dapat dicari; semua dokumen ditampilkan."
NOTE_SIMPLIFIED = "Kata kunci disederhanakan menjadi pencarian kata biasa."

_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "″": '"', "‘": "'", "’": "'"})
_LEXEME = re.compile(r'"(?P<phrase>[^"]*)"|(?P<word>\S+)')
_MARKER = "\ue000"  # stands for a recognised citation; private-use characters are removed from input
_OPERATORS = {"AND": "AND", "&&": "AND", "OR": "OR", "||": "OR", "NOT": "NOT"}
_NOT_WORD = re.compile(r"[^\w./*-]+")


@dataclass(frozen=True)
class Atom:
    """One thing to look for: form is "word", "phrase", "prefix" or "citation"."""

    form: str
    text: str
    citation: QueryCitation | None = None


@dataclass(frozen=True)
class Clause:
    """Alternatives joined by OR; an excluded clause must not match."""

    atoms: tuple[Atom, ...]
    exclude: bool = False


@dataclass(frozen=True)
class ParsedQuery:
    """The query as clauses, the citations recognised in it and notes about what was cleaned up."""

    clauses: list[Clause] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    citations: list[QueryCitation] = field(default_factory=list)

    @property
    def positive(self) -> list[Clause]:
        return [clause for clause in self.clauses if not clause.exclude]

    @property
    def plain_words(self) -> list[str]:
        """Single words in the order typed, for the "exact wording next to each other" bonus."""
        return [clause.atoms[0].text for clause in self.positive
                if len(clause.atoms) == 1 and clause.atoms[0].form == "word"]


def parse_query(text: str | None) -> ParsedQuery:
    """Clean a query and read it into clauses."""
    notes: list[str] = []
    cleaned = _clean(text or "", notes)
    if cleaned.count('"') % 2:
        position = cleaned.rfind('"')
        cleaned = cleaned[:position] + " " + cleaned[position + 1:]
        notes.append(NOTE_QUOTE)
    cleaned, citations = _mark_citations(squash(cleaned))
    clauses = _clauses(cleaned, citations, notes)
    if len(clauses) > MAX_CLAUSES:
        clauses = clauses[:MAX_CLAUSES]
        notes.append(NOTE_TOO_MANY)
    if not clauses and cleaned.strip():  # only exclusions ("-arsip") is a query in its own right
        notes.append(NOTE_NOTHING)
    return ParsedQuery(clauses, list(dict.fromkeys(notes)), citations)


def plain_terms(text: str | None) -> ParsedQuery:
    """The fallback when a query cannot run as parsed: its words only, each required."""
    words = [word for word in re.findall(WORD_PATTERN, _clean(text or "", [])) if stemmed_tokens(word)]
    return ParsedQuery([Clause((Atom("word", word),)) for word in words[:MAX_CLAUSES]], [NOTE_SIMPLIFIED])


def _clean(text: str, notes: list[str]) -> str:
    """Normal form, no control or invisible characters, straight quotes, at most MAX_QUERY_CHARS."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    kept = []
    for char in text:
        category = unicodedata.category(char)
        if char in "\t\n\r":
            kept.append(" ")
        elif category in {"Cc", "Cf", "Co", "Cs", "Cn"}:
            notes.append(NOTE_CONTROL)
            kept.append(" " if category == "Cc" else "")
        else:
            kept.append(char)
    text = "".join(kept)
    if len(text) > MAX_QUERY_CHARS:
        cut = text[:MAX_QUERY_CHARS]
        text = cut.rsplit(" ", 1)[0] if " " in cut[MAX_QUERY_CHARS // 2:] else cut
        notes.append(NOTE_TOO_LONG)
    return text


def _mark_citations(text: str) -> tuple[str, list[QueryCitation]]:
    """Replace each citation outside quotes by a marker, so that its words are not also required."""
    quoted = [match.span() for match in re.finditer(r'"[^"]*"', text)]
    citations = [citation for citation in query_citations(text)
                 if all(citation.end <= start or citation.start >= end for start, end in quoted)]
    for index in reversed(range(len(citations))):
        citation = citations[index]
        text = f"{text[:citation.start]} {_MARKER}{index}{_MARKER} {text[citation.end:]}"
    return text, citations


def _lexemes(text: str, citations: list[QueryCitation], notes: list[str]) -> list[tuple[str, Atom | str]]:
    """("atom", Atom) or ("op", AND/OR/NOT), with "-word" giving ("op", "NOT") before its atom."""
    found: list[tuple[str, Atom | str]] = []
    for match in _LEXEME.finditer(text):
        if match.group("phrase") is not None:
            if exact_tokens(match.group("phrase")):
                found.append(("atom", Atom("phrase", squash(match.group("phrase")))))
            continue
        word = match.group("word")
        if word.startswith(_MARKER):
            citation = citations[int(word.strip(_MARKER))]
            found.append(("atom", Atom("citation", citation.text, citation)))
        elif word in _OPERATORS:
            found.append(("op", _OPERATORS[word]))
        else:
            negated = word.startswith("-") and len(word) > 1
            atoms = _word_atoms(word.lstrip("+-") if negated or word.startswith("+") else word, notes)
            if negated and atoms:
                found.append(("op", "NOT"))  # binds to the first atom only, like a typed NOT
            found.extend(("atom", atom) for atom in atoms)
    return found


def _word_atoms(word: str, notes: list[str]) -> list[Atom]:
    """"(pengelolaan," → word; "kelol*" → prefix; "title:foo" → two words; stop words and "*" alone drop out."""
    atoms = []
    for piece in _NOT_WORD.sub(" ", word).split():
        piece = piece.strip("./-")
        if "*" in piece:
            stem_part = piece.rstrip("*")
            if "*" not in stem_part and len(stem_part) >= MIN_PREFIX and stem_part.isalnum():
                atoms.append(Atom("prefix", stem_part.lower()))
                continue
            notes.append(NOTE_WILDCARD)
            piece = piece.replace("*", "").strip("./-")
        if piece and stemmed_tokens(piece):  # stop words alone find everything: dropped
            atoms.append(Atom("word", piece))
    return atoms


def _clauses(text: str, citations: list[QueryCitation], notes: list[str]) -> list[Clause]:
    """Apply the operators; an operator without a word on each side it needs is dropped with a note."""
    clauses: list[Clause] = []
    pending: str | None = None  # the operator waiting for the next atom
    for kind, value in _lexemes(text, citations, notes):
        if kind == "op":
            stray = pending is not None or (value in {"AND", "OR"} and not clauses)
            if stray:
                notes.append(NOTE_OPERATOR)
            if not stray or value == "NOT":
                pending = value
            continue
        value = cast(Atom, value)
        if pending == "OR" and clauses and not clauses[-1].exclude:
            clauses[-1] = Clause(clauses[-1].atoms + (value,))
        else:
            if pending == "OR":
                notes.append(NOTE_OPERATOR)
            clauses.append(Clause((value,), exclude=pending == "NOT"))
        pending = None
    if pending is not None:
        notes.append(NOTE_OPERATOR)
    return clauses
