"""Text normalisation and the phrase syntax of the framework files.

Key phrases, context words and the `covers` topics of level requirements share one
small syntax, matched on whole words of normalised text:

- `satu data`: words that must follow each other (any whitespace, punctuation or line
  break between them in the source text);
- `e-planning|eplanning`: alternatives; the phrase matches when any of them does;
- `~kelola data`: a word prefixed with `~` also matches its common Indonesian affixed
  forms: di-, ter-, ber-, ke-, se-, per- and meN-/peN- with nasal assimilation
  (kelola → mengelola, pengelolaan; tetap → menetapkan, penetapan), followed by
  -an, -kan or -i and -nya. This is deliberate and cheap, not a stemmer: it is used
  only where a phrase asks for it. A real stemmer (Sastrawi) can be plugged in through
  the `normalise` argument; it is then applied to phrases and text alike.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

Normaliser = Callable[[str], str]

_HYPHEN_BREAK = re.compile(r"(\w)[-\u00ad][ \t]*\r?\n[ \t]*(\w)")
_NON_WORD = re.compile(r"[\W_]+")
_OCR_INSIDE_WORD = re.compile(r"(?<=[^\W\d_])[1!|](?=[^\W\d_])")
_MIN_ROOT = 3
_PREFIXES = "(?:di|ter|ber|ke|se|per)?"
_SUFFIXES = "(?:kan|an|i)?(?:nya)?"
_AFFIXES_LONGEST = len("ter"), len("me"), len("kan") + len("nya")  # the longest prefix, meN-/peN-, suffixes
# meN-/peN- before a root's first letter: (nasal, whether that letter is dropped).
_NASAL = {
    **dict.fromkeys("aiueo", ("ng", False)),
    "k": ("ng", True), "p": ("m", True), "t": ("n", True), "s": ("ny", True),
    **dict.fromkeys("bfv", ("m", False)),
    **dict.fromkeys("cdjz", ("n", False)),
    **dict.fromkeys("ghq", ("ng", False)),
    **dict.fromkeys("lmnrwyx", ("", False)),
}


def normalise_text(text: str) -> str:
    """The matching form of a text: lowercase, words hyphenated at line ends joined,
    punctuation turned into spaces, spaces collapsed, OCR look-alikes folded.

    Scanned copies confuse l, I, 1 and ! ("KOMUNlKASl", "PRES!DEN"), so the letter l and
    a 1 or ! inside a word all become i. The result is only for matching, never shown;
    phrases are normalised the same way, so "layanan" still matches "Layanan".
    """
    text = _HYPHEN_BREAK.sub(r"\1\2", text).replace("\u00ad", "").casefold()
    text = _OCR_INSIDE_WORD.sub("i", text).replace("l", "i")
    return _NON_WORD.sub(" ", text).strip()


@dataclass(frozen=True)
class CompiledPhrase:
    """One phrase ready to search normalised text; `fragments` make a cheap pre-check.

    `longest_match` is the length of the longest text the pattern can match, given when
    every match contains one of the fragments (then a search can keep to where they
    occur); None when a normaliser makes that uncertain.
    """

    phrase: str
    pattern: re.Pattern[str]
    fragments: tuple[str, ...]
    longest_match: int | None = None

    def first(self, text: str) -> re.Match[str] | None:
        """The first match in (normalised) text, the pattern run only from where one can begin.

        Every match holds a fragment, so none starts more than `longest_match` before the
        first fragment found; a text without any fragment is not searched at all. Without that
        promise (`longest_match` None) the whole text is searched.
        """
        if self.longest_match is None:
            return self.pattern.search(text)
        found = [at for fragment in self.fragments if (at := text.find(fragment)) >= 0]
        if not found:
            return None
        return self.pattern.search(text, max(0, min(found) - self.longest_match))  # lookbehind sees before it

    def count(self, text: str) -> int:
        """How many times the phrase occurs in (normalised) text."""
        if not any(fragment in text for fragment in self.fragments):
            return 0
        return sum(1 for _ in self.pattern.finditer(text))


def phrase_problem(phrase: str) -> str | None:
    """What is wrong with a phrase's syntax, or None; used by the framework validator."""
    if not isinstance(phrase, str) or not phrase.strip():
        return "empty phrase"
    for alternative in phrase.split("|"):
        words = alternative.split()
        if not words:
            return f"phrase '{phrase}' has an empty alternative"
        for word in words:
            bare = word[1:] if word.startswith("~") else word
            if "~" in bare:
                return f"phrase '{phrase}': '~' may only start a word"
            if not normalise_text(bare):
                return f"phrase '{phrase}' has a word without letters or digits: '{word}'"
            if word.startswith("~") and (len(bare) < _MIN_ROOT or not bare.isalpha()):
                return f"phrase '{phrase}': '~' needs a root of at least {_MIN_ROOT} letters, got '{bare}'"
    return None


def compile_phrase(phrase: str, normalise: Normaliser = normalise_text) -> CompiledPhrase:
    """Turn one phrase of the syntax above into a whole-word pattern over normalised text."""
    alternatives, fragments, widths = [], [], []
    anchored = True
    for alternative in phrase.split("|"):
        parts, longest, contains_longest, width = [], "", True, -1
        for word in alternative.split():
            if word.startswith("~"):
                stems = _stems(word[1:].casefold())
                root, nasal = normalise(stems[0]), [normalise(stem) for stem in stems[1:]]
                parts.append(_affixed(root, nasal))
                literal = root[1:]
                contains = all(literal in stem for stem in nasal)  # not always so with another normaliser
                prefix, men, suffix = _AFFIXES_LONGEST
                width += 1 + max(prefix + len(root), men + max(map(len, nasal))) + suffix
            else:
                literal = normalise(word)
                parts.append(re.escape(literal))
                contains = True
                width += 1 + len(literal)
            if len(literal) > len(longest):
                longest, contains_longest = literal, contains
        alternatives.append(" ".join(parts))
        fragments.append(longest)
        widths.append(width)
        anchored = anchored and contains_longest
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)")
    return CompiledPhrase(phrase, pattern, tuple(fragments), max(widths) if anchored else None)


def _stems(root: str) -> list[str]:
    """The root, then what follows me-/pe- in its nasal forms: kelola → kelola, ngkelola, ngelola."""
    nasal, drop = _NASAL.get(root[:1], ("", False))
    stems = [root, nasal + root]
    if drop:
        stems.append(nasal + root[1:])
    return stems


def _affixed(root: str, nasal_stems: list[str]) -> str:
    """A pattern for a root word with the common prefixes and suffixes."""
    plain = f"{_PREFIXES}{re.escape(root)}"
    nasal = "|".join(re.escape(stem) for stem in dict.fromkeys(nasal_stems))
    return f"(?:{plain}|(?:me|pe)(?:{nasal})){_SUFFIXES}"
