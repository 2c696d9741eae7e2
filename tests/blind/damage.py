"""Seeded OCR-style damage for blind test text.

Why: the vault must read the text layers of badly OCR'd government PDFs, so blind documents need the
same kinds of errors those layers really contain, seeded so that every run gives the same text.
Damage types (each seen in real OCR'd Indonesian government PDFs):

- glyph confusion: l/I/1/!, O/0, S/5, B/8, B->13, U->IJ, G->6, rn<->m, cl<->d, e<->c, h->li, u->ii
  ("PRES!DEN", "KOMUNlKASl", "l TAHUN 2018", "REPIJBLIK", "INDONE13IA");
- punctuation for dash or slash: "-" read as "." or "," ("UNDANG.UNDANG"), "/" read as I, l or 1
  ("29 IPERIM.KOMINFOI1212010");
- run-together words: the space after a word is lost ("PEMANFAATANJARINGAN");
- split words: a space appears inside a word ("PERATU RAN", "Ditetap kan");
- hyphenated line breaks: a long word is broken across lines ("pene-" / "tapan");
- stray marks: one of ' ` ~ ^ . , before, after or inside a word ("INDONESI.A");
- doubled spaces between words;
- lost line starts: the first one or two characters of a line are missing.

`light` is a decent scan: about 1.5% of words damaged, headings (all-capital lines) a third as often.
`heavy` is a poor scan: about 15% of words damaged, headings included, some words twice.
A word repeated in the text is never damaged the same way twice in a row.
"""

from __future__ import annotations

import random
import re

LEVELS = ("none", "light", "heavy")

# (word probability, heading factor, line-start loss, doubled space, second-op probability)
_RATES = {"light": (0.015, 1 / 3, 0.004, 0.004, 0.0), "heavy": (0.15, 1.0, 0.04, 0.03, 0.25)}

_GLYPHS: dict[str, tuple[str, ...]] = {
    "rn": ("m",),
    "cl": ("d",),
    "m": ("rn",),
    "d": ("cl",),
    "l": ("1", "I", "!"),
    "I": ("l", "1", "!"),
    "i": ("l", "!", "1"),
    "1": ("l", "I"),
    "O": ("0",),
    "0": ("O",),
    "o": ("0",),
    "S": ("5",),
    "5": ("S",),
    "B": ("8", "13"),
    "8": ("B",),
    "U": ("IJ",),
    "G": ("6",),
    "e": ("c",),
    "c": ("e",),
    "h": ("li",),
    "u": ("ii",),
    "E": ("F",),
    "2": ("Z",),
}
_GLYPH_RE = re.compile("|".join(sorted(map(re.escape, _GLYPHS), key=len, reverse=True)))
_PUNCT = {"-": (".", ",", ""), "/": ("I", "l", "1", "")}
_MARKS = "'`~^.,"


class Damager:
    """Stateful damager: one random stream and a memory of damaged forms across all lines of a document."""

    def __init__(self, level: str, seed: int) -> None:
        if level not in LEVELS:
            raise ValueError(f"damage level must be one of {LEVELS}, not {level!r}")
        self.level = level
        self.rng = random.Random(f"damage:{level}:{seed}")
        self.seen: dict[str, tuple[str, bool]] = {}

    def line(self, text: str) -> str:
        """Damage one line; the result may hold a newline where a hyphenated break was introduced."""
        if self.level == "none" or not text.strip():
            return text
        p_word, heading_factor, p_start, p_space, p_twice = _RATES[self.level]
        letters = [c for c in text if c.isalpha()]
        if letters and all(c.isupper() for c in letters):
            p_word *= heading_factor
        parts = re.split(r"( +)", text)
        out: list[str] = []
        join = False
        for i, part in enumerate(parts):
            if part.startswith(" "):
                out.append("" if join else part + " " if self.rng.random() < p_space else part)
                join = False
            elif part and self.rng.random() < p_word:
                word, join = self._word(part, last=i >= len(parts) - 2)
                if self.rng.random() < p_twice:
                    word, _ = self._word(word, last=True)
                out.append(word)
            else:
                out.append(part)
        result = "".join(out)
        if self.rng.random() < p_start:
            stripped = result.lstrip()
            cut = self.rng.choice((1, 1, 2))
            if len(stripped) > cut + 3 and stripped[:cut].isalnum():
                result = result[: len(result) - len(stripped)] + stripped[cut:]
        return result

    def _word(self, word: str, last: bool) -> tuple[str, bool]:
        """Damage one word, avoiding the form used last time; also says whether to join the next word."""
        result = (word, False)
        for _ in range(4):
            result = self._once(word, last)
            if result != (word, False) and result != self.seen.get(word):
                break
        self.seen[word] = result
        return result

    def _once(self, word: str, last: bool) -> tuple[str, bool]:
        """Apply one damage type to a word."""
        rng = self.rng
        punct = [i for i, c in enumerate(word) if c in _PUNCT]
        if punct and rng.random() < 0.6:
            i = rng.choice(punct)
            return word[:i] + rng.choice(_PUNCT[word[i]]) + word[i + 1 :], False
        kind = rng.choices(("glyph", "join", "split", "mark", "hyphen"), (50, 14, 14, 14, 8))[0]
        core = len(word.strip(".,;:()\"'"))
        if kind == "join" and not last:
            return word, True
        if kind == "split" and core >= 6:
            i = rng.randint(2, len(word) - 3)
            return word[:i] + " " + word[i:], False
        if kind == "mark":
            mark = rng.choice(_MARKS)
            where = rng.choice(("before", "after", "inside"))
            if where == "inside" and len(word) > 3:
                i = rng.randint(1, len(word) - 2)
                return word[:i] + mark + word[i:], False
            return (mark + word if where == "before" else word + mark), False
        if kind == "hyphen" and core >= 8 and word.isalpha():
            i = rng.randint(3, len(word) - 3)
            return word[:i] + "-\n" + word[i:], False
        spots = list(_GLYPH_RE.finditer(word))
        if not spots:
            return (word + rng.choice(_MARKS) if rng.random() < 0.3 else word), False
        m = rng.choice(spots)
        return word[: m.start()] + rng.choice(_GLYPHS[m.group()]) + word[m.end() :], False


def damage(text: str, level: str, seed: int) -> str:
    """Return text with seeded OCR-style damage of the given level ("none", "light" or "heavy")."""
    if level == "none":
        return text
    damager = Damager(level, seed)
    return "\n".join(damager.line(line) for line in text.split("\n"))
