"""OCR-tolerant reading: the canonical text the legal readers look at.

Scanned and converted documents arrive damaged the way OCR damages them: confusable
characters ("PRES!DEN", "KOMUNlKASl", "NOM0R", "TFNTAN6", "REPIJBLIK"), words run together
("PEMANFAATANJARINGANTELEKOMUNIKASI"), words split ("PERATU RAN", "Ditetap kan"), a line
break inside a hyphenated word ("pene-" / "tapan"), a dot standing for a hyphen
("UNDANG.UNDANG") and stray marks ("`Pasal"). `canonical_pages` repairs exactly those, and
only where the repair turns something that is not a word of legal Indonesian into one that
is (`data/words.txt`, built by `scripts/build_vocabulary.py`): a clean word is never
changed, and numbers are left to the readers that know where a number belongs.

Lines stay lines (a joined hyphenation moves the fragment up a line and leaves the rest), so
readers can keep relying on layout, and each field still records the raw text it came from.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache
from importlib.resources import files

# What OCR reads → what was printed. Multi-character confusions are tried as units.
CONFUSIONS: dict[str, tuple[str, ...]] = {
    "1": ("i", "l"), "!": ("i", "l"), "|": ("i", "l"), "l": ("i",), "i": ("l",), "0": ("o",), "o": ("0",),
    "5": ("s",), "8": ("b",), "6": ("g",), "2": ("z",), "f": ("e",), "e": ("c", "b"), "c": ("e",),
    "rn": ("m",), "m": ("rn",), "cl": ("d",), "ij": ("u",), "ii": ("u",), "li": ("h",), "13": ("b",),
    "vv": ("w",), "u": ("li",), "h": ("li",),
}
# The same, by the character each confusion starts with: `_variants` looks at a word's every position.
_CONFUSIONS_FROM: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
for _source, _targets in CONFUSIONS.items():
    _CONFUSIONS_FROM.setdefault(_source[0], []).append((_source, _targets))
MAX_SUBSTITUTIONS = 3
MAX_CANDIDATES = 400
RARE = 50  # a repair landing on a word this rare looks one step further for a far commoner one
DOMINANCE = 20
COMMON_ENOUGH = 200  # a lost or doubled letter is only undone towards a common word (names stay names)
_TOKEN = re.compile(r"[A-Za-z0-9!|]+(?:[.,][A-Za-z]+)*")
_STRAY = "'`~^"
_ROMAN = re.compile(r"^(?=[IVXLC])M*(C[MD]|D?C{0,3})(X[CL]|L?X{0,3})(I[XV]|V?I{0,3})$")


@cache
def vocabulary() -> dict[str, int]:
    """Lower-case words of legal Indonesian with how common each is (statutes plus regional e-government words)."""
    text = (files(__package__) / "data" / "words.txt").read_text(encoding="utf-8")
    words: dict[str, int] = {}
    for line in text.split("\n"):
        if line:
            word, _, count = line.partition(" ")
            words[word] = int(count or 1)
    return words


def is_word(token: str) -> bool:
    return token.lower() in vocabulary()


def frequency(token: str) -> int:
    return vocabulary().get(token.lower(), 0)


def canonical_pages(pages: Sequence[str]) -> list[str]:
    """Every page repaired line by line; a clean page comes back unchanged."""
    return [canonical_text(page) for page in pages]


_AND_OR = re.compile(r"\b(dan|DAN)\s*[/lfI1|]\s*(atau|ATAU)\b")


def canonical_text(text: str) -> str:
    text = _AND_OR.sub(r"\1/\2", text)  # "dan latau", "danfatau": the slash of "dan/atau" misread
    lines = text.split("\n")
    lines = _join_hyphenated(lines)
    return "\n".join(canonical_line(line) for line in lines)


_EDGE_NOISE = re.compile(r"^\s*(?:(?:[|'‘’—–]+\s*)+|[.,;:]\s+)(?=\S)|\s+[|]+\s*$")
_STRAY_MARKS = re.compile(r"[~^`]+")
_TABLE_ROW = re.compile(r"\S\s+\|\s+\S")


def canonical_line(line: str) -> str:
    """One line: stray marks dropped, split words rejoined, damaged and run-together words repaired."""
    if not _TABLE_ROW.search(line):  # a table row (DOCX cells joined by " | ") keeps its bars
        line = _EDGE_NOISE.sub("", line)  # "| TENTANG |", "| | | DAFTAR HADIR", ". KEWAJIBAN": a scan's edge noise
    line = _STRAY_MARKS.sub("", line)  # "April~ 2023"
    if not line.strip():
        return line
    tokens = _tokens(line)
    if not tokens:
        return line
    out: list[str] = []
    cursor = 0
    index = 0
    while index < len(tokens):
        start, end, word = tokens[index]
        out.append(line[cursor:start])
        joined = _rejoin(tokens, index)
        if joined is not None:
            replacement, used = joined
            out.append(replacement)
            cursor = tokens[index + used - 1][1]
            index += used
            continue
        numeric = word[-1].isdigit() and re.match(r"[.,]?\d", line[end:end + 2] or "")
        fixed = word if numeric else repair(word)  # "Rp1.000.000": an amount, not a word
        if index == 0 and fixed == word and not line[:start].strip():
            fixed = _lost_start(word) or word
        out.append(fixed)
        cursor = end
        index += 1
    out.append(line[cursor:])
    return "".join(out)


def _tokens(line: str) -> list[tuple[int, int, str]]:
    found = []
    for match in _TOKEN.finditer(line):
        start, end = match.span()
        while start > 0 and line[start - 1] in _STRAY and (start < 2 or line[start - 2].isspace()):
            start -= 1  # a stray mark glued to the front of a word goes with it
        found.append((start, end, line[start:end]))
    return found


_SUFFIXES = {"kan", "nya", "an", "i"}  # bound endings OCR splits off ("Ditetap kan")


def _rejoin(tokens: list[tuple[int, int, str]], index: int) -> tuple[str, int] | None:
    """"PERATU RAN", "KOMUNIKAS I", "Ditetap kan": fragments that only make a word together.

    Two real words stay apart ("di tingkat"), unless the second is a bound ending that never
    stands alone; a one-letter fragment joins only in capitals (a list letter "huruf a" never).
    """
    for used in (3, 2):
        if index + used > len(tokens):
            continue
        if any(tokens[index + offset + 1][0] - tokens[index + offset][1] > 2 for offset in range(used - 1)):
            continue  # fragments of one word sit close together
        joined = _joined(tuple(tokens[index + offset][2] for offset in range(used)))
        if joined is not None:
            return joined, used
    return None


@lru_cache(maxsize=65536)
def _joined(parts: tuple[str, ...]) -> str | None:
    """The word `parts` make together (`_rejoin`), or None; asked once per distinct run of words."""
    if not all(part.isalpha() for part in parts):
        return None
    joined = "".join(parts)
    if len(joined) >= 5 and not is_word(joined) and not any(is_word(part) and len(part) > 3 for part in parts):
        repaired = repair(joined)  # "TA HIJN" → "TAHIJN" → "TAHUN": split and damaged at once
        if is_word(repaired):
            return repaired
    if len(joined) < 5 or not is_word(joined):
        return None
    if any(len(part) == 1 and not part.isupper() for part in parts) or any(_ROMAN.match(part) for part in parts):
        return None  # "huruf a", "BAB IX": a list letter or a number, not a fragment
    if all(is_word(part) and len(part) > 1 for part in parts) and parts[-1].lower() not in _SUFFIXES:
        return None
    return _case_like(joined, parts[0] + parts[-1])


@lru_cache(maxsize=65536)
def repair(token: str) -> str:
    """A damaged word made whole, or the token unchanged when no single repair is certain."""
    stripped = token.lstrip(_STRAY)
    if stripped != token:
        return repair(stripped) if stripped else token
    if not any(ch.isalpha() for ch in token) or is_word(token):
        return token
    if (reduplicated := _reduplication(token)) is not None:
        return reduplicated
    if token[0].isdigit() and sum(ch.isalpha() for ch in token) < 4:
        return token  # "2O22", "51A", "l1": numbers belong to the readers ("13FLANJA" is a damaged word)
    if len(token) < 5 and (token.isalpha() or len(token) < 3):
        return token  # "PIN", "l", "I1": an acronym or too short to know; readers decide by position
    fixed = _confusable_repair(token)
    if fixed is not None:
        return fixed
    if token.isalpha():
        split = _split_run_together(token)
        if split is not None:
            return split
    return token


def _reduplication(token: str) -> str | None:
    """"UNDANG.UNDANG", "masing,masing": a dot or comma read for the hyphen of a doubled word."""
    match = re.fullmatch(r"([A-Za-z]+)[.,]([A-Za-z]+)", token)
    if match and match.group(1).lower() == match.group(2).lower() and is_word(match.group(1)):
        return f"{match.group(1)}-{match.group(2)}"
    if match and (min(len(match.group(1)), len(match.group(2))) > 1 or len(match.group(1)) >= 4) \
            and is_word(match.group(1) + match.group(2)):
        return match.group(1) + match.group(2)  # "INDONESI.A": a stray dot inside a word
    return None


def _confusable_repair(token: str) -> str | None:
    """The commonest word reached by undoing the fewest OCR confusions, else one letter lost or doubled.

    A rare landing ("REPUBUK", itself a slip that recurs in scanned statutes) looks one step
    further and takes a far commoner word found there ("REPUBLIK").
    """
    lower = token.lower()
    seen = {lower}
    frontier = [lower]
    best: str | None = None
    for _step in range(MAX_SUBSTITUTIONS):
        following: list[str] = []
        hits: list[str] = []
        for candidate in frontier:
            for variant in _variants(candidate):
                if variant in seen or len(seen) > MAX_CANDIDATES:
                    continue
                seen.add(variant)
                if variant.isalpha() and is_word(variant):
                    hits.append(variant)
                following.append(variant)
        if hits:
            found = max(hits, key=frequency)
            if best is None:
                best = found
                if frequency(best) >= RARE:
                    break
            elif frequency(found) >= DOMINANCE * frequency(best):
                best = found
                break
            else:
                break
        frontier = following
        if not frontier:
            break
    if best is not None:
        return _case_like(best, token)
    if token.isupper() and token.isalpha() and len(token) >= 7:
        found_off = [variant for variant in _one_letter_off(lower) if frequency(variant) >= COMMON_ENOUGH]
        if found_off:
            return _case_like(max(found_off, key=frequency), token)
    return None


def _variants(word: str) -> Iterable[str]:
    for position, char in enumerate(word):
        for source, targets in _CONFUSIONS_FROM.get(char, ()):  # only those that can start here, in CONFUSIONS' order
            if word.startswith(source, position):
                for target in targets:
                    yield word[:position] + target + word[position + len(source):]


def _one_letter_off(word: str) -> Iterable[str]:
    """A letter lost ("REPUBIK"), doubled or one too many: one insertion or deletion."""
    for position in range(len(word) + 1):
        for letter in "abcdefghijklmnopqrstuvwxyz":
            yield word[:position] + letter + word[position:]
    for position in range(len(word)):
        yield word[:position] + word[position + 1:]


def _split_run_together(token: str) -> str | None:
    """"PEMANFAATANJARINGANTELEKOMUNIKASI" → "PEMANFAATAN JARINGAN TELEKOMUNIKASI".

    Fewest known words, each of four letters or more (a place name like "KARANGSARI" is not
    "KARANG SARI": names are not in the vocabulary, and short pieces are where they hide).
    """
    lower = token.lower()
    if len(lower) < 14 or (not token.isupper() and len(lower) < 24):
        return None  # OCR runs capitals together; a long lower-case word is usually a real one
    best: list[list[str] | None] = [None] * (len(lower) + 1)
    best[0] = []
    for end in range(1, len(lower) + 1):
        for start in range(max(0, end - 24), end - 3):
            previous = best[start]
            piece = lower[start:end]
            if previous is None or not is_word(piece):
                continue
            if best[end] is None or len(previous) + 1 < len(best[end]):  # type: ignore[arg-type]
                best[end] = [*previous, piece]
    words = best[len(lower)]
    if not words or len(words) < 2 or len(words) > 6:
        return None
    out, position = [], 0
    for word in words:
        out.append(_case_like(word, token[position:position + len(word)]))
        position += len(word)
    return " ".join(out)


def _case_like(word: str, model: str) -> str:
    letters = [ch for ch in model if ch.isalpha()]
    if letters and sum(ch.isupper() for ch in letters) >= 0.7 * len(letters):
        return word.upper()
    if letters and letters[0].isupper():
        return word[:1].upper() + word[1:]
    return word


LOST_AT_START = 2


def _lost_start(token: str) -> str | None:
    """"NDANG-UNDANG", "ERATURAN": a scan that cut off a line's first one or two letters.

    Only for the first word of a line, only when it is no word itself, and only towards a common
    word that ends with it (a rare name is never guessed).
    """
    if len(token) < 4 or not token.isalpha() or is_word(token):
        return None
    lower = token.lower()
    ends = _ends()
    candidates = [word for word in ends.get(lower, ()) if frequency(word) >= COMMON_ENOUGH]
    if not candidates:  # "FNTANG": "TENTANG" cut short and its E read as F
        candidates = [word for variant in _variants(lower) for word in ends.get(variant, ())
                      if frequency(word) >= COMMON_ENOUGH]
    if not candidates:
        return None
    return _case_like(max(candidates, key=frequency), token)


@cache
def _ends() -> dict[str, tuple[str, ...]]:
    """Each vocabulary word under what is left of it without its first one or two letters."""
    ends: dict[str, list[str]] = {}
    for word in vocabulary():
        for cut in range(1, LOST_AT_START + 1):
            if len(word) - cut >= 4:
                ends.setdefault(word[cut:], []).append(word)
    return {end: tuple(words) for end, words in ends.items()}


def _join_hyphenated(lines: list[str]) -> list[str]:
    """"pene-" / "tapan ..." → "penetapan" / "...": the fragment moves up when the whole is a word."""
    out = list(lines)
    for index in range(len(out) - 1):
        match = re.search(r"([A-Za-z]+)-\s*$", out[index])
        following = re.match(r"\s*([A-Za-z]+)([.,;:]?)(\s*)", out[index + 1])
        if not match or not following:
            continue
        joined = match.group(1) + following.group(1)
        if is_word(joined) and not (is_word(match.group(1)) and is_word(following.group(1))):
            out[index] = out[index][:match.start()] + joined + following.group(2)
            out[index + 1] = out[index + 1][following.end():]
    return out
