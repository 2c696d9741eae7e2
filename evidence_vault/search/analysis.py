"""Indonesian text as the index sees it: words, a few stop words and Sastrawi stems.

Two analyzers, each used by a pair of fields:

- `STEMMED` (`content`, `title`): words of letters and digits, lower-cased, function words
  dropped, then stemmed, so that "tetap", "menetapkan", "ditetapkan" and "penetapan" are
  one term, as are "kelola", "dikelola" and "pengelolaan".
- `EXACT` (`content_exact`, `title_exact`): words lower-cased and kept as written, no stop
  words, with numbers such as "188.45/123/HK/2023" kept whole. Quoted phrases, numbers and
  the "exact wording ranks first" bonus use these fields.

The stop words are our own short list of function words. Sastrawi's list is not used: it
holds words that matter in regulations ("tetap", "tahun", "akhir", "baru", "kerja").

Whoosh pickles the analyzers into the index's table of contents (TOC) on every commit.
`SastrawiStemFilter` therefore calls the module-level `stem` function instead of holding
the stemmer: a bound method would pickle Sastrawi's 30,000-word dictionary into every TOC
(about 650 KB instead of about 3 KB). `stem` is cached, because Sastrawi stems about
10,000 new words a second while the cache answers repeated words at once.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from itertools import accumulate, compress

from Sastrawi.Dictionary.ArrayDictionary import ArrayDictionary
from Sastrawi.Stemmer.Stemmer import Stemmer
from Sastrawi.Stemmer.StemmerFactory import StemmerFactory
from whoosh.analysis import Filter, LowercaseFilter, RegexTokenizer, StopFilter

# Letters and digits; punctuation and "_" separate words.
WORD_PATTERN = r"[^\W_]+"
# The same, but "188.45/123/HK/2023", "undang-undang" and "m.kominfo" stay one token.
EXACT_PATTERN = r"[^\W_]+(?:[./-][^\W_]+)*"
STEM_CACHE_SIZE = 200_000

# Function words only: nothing a person would search for on its own.
STOP_WORDS = frozenset("""
    yang dan atau di ke dari pada dalam untuk bagi dengan oleh serta ini itu tersebut adalah ialah
    merupakan akan telah sudah juga sebagai agar supaya bahwa karena jika apabila maka atas terhadap
    antara para pun lah kah nya tentang yaitu yakni sehingga namun tetapi bila kepada daripada
""".split())

_WORDS = re.compile(WORD_PATTERN)
_EXACT = re.compile(EXACT_PATTERN)
_EXACT_PARTS = re.compile(f"({EXACT_PATTERN})")
_EXACT_PARTS_ASCII = re.compile(f"({EXACT_PATTERN})", re.ASCII)  # the same tokens for ASCII text, faster


@functools.lru_cache(maxsize=1)
def _sastrawi() -> Stemmer:
    """Sastrawi's stemmer without its own unbounded cache (`stem` has a bounded one)."""
    return Stemmer(ArrayDictionary(StemmerFactory().get_words()))


def load_stemmer() -> None:
    """Read Sastrawi's dictionary now (about 0.1 s), not in the first search or upload that stems."""
    _sastrawi()


@functools.lru_cache(maxsize=STEM_CACHE_SIZE)
def stem(word: str) -> str:
    """The Sastrawi stem of one lower-case word; numbers, short and non-Latin words stay as they are."""
    if len(word) <= 3 or not (word.isascii() and word.isalpha()):
        return word
    return _sastrawi().stem_word(word) or word


class SastrawiStemFilter(Filter):
    """Replaces each token by its stem; pickles as a class reference, never as the stemmer."""

    is_morph = True

    def __call__(self, tokens: Iterable) -> Iterator:
        for token in tokens:
            if not token.stopped:
                token.text = stem(token.text)
            yield token


STEMMED = (RegexTokenizer(WORD_PATTERN) | LowercaseFilter()
           | StopFilter(stoplist=STOP_WORDS, minsize=1, renumber=True) | SastrawiStemFilter())
EXACT = RegexTokenizer(EXACT_PATTERN) | LowercaseFilter()


def stemmed_tokens(text: str) -> list[str]:
    """The terms `STEMMED` makes of a text, in order."""
    return [token.text for token in STEMMED(text)]


def exact_tokens(text: str) -> list[str]:
    """The terms `EXACT` makes of a text, in order."""
    return [token.lower() for token in _EXACT.findall(text)]


class ExactTerms:
    """The `EXACT` terms of a text, lower-cased and in order, and where chosen ones stand (for highlighting).

    Highlighting marks a few terms of a page; reading every term's position through
    Python cost more than the rest of a snippet. So the text is split once by the regular
    expression engine into separators and terms, and positions are running sums of
    their lengths, both computed in C.
    """

    def __init__(self, text: str) -> None:
        lowered = text.lower()
        # A letter whose lower case is longer ("İ") would shift positions: read the text as written then.
        source = lowered if len(lowered) == len(text) else text
        splitter = _EXACT_PARTS_ASCII if source.isascii() else _EXACT_PARTS
        parts = splitter.split(source)  # separator, term, separator, term, ..., separator
        self.terms: list[str] = parts[1::2] if source is lowered else [term.lower() for term in parts[1::2]]
        self._ends = list(accumulate(map(len, parts)))

    def spans(self, chosen: Iterable[bool]) -> list[tuple[int, int]]:
        """(start, end) in the text of each term whose flag in `chosen` (one per term, in order) is true."""
        ends = self._ends
        return [(ends[2 * index], ends[2 * index + 1]) for index in compress(range(len(self.terms)), chosen)]


def warm_stems(texts: Iterable[str]) -> None:
    """Stem every distinct word now, so that indexing under the write lock finds them cached."""
    for word in {word for text in texts for word in _WORDS.findall(text.lower())}:
        stem(word)


def describe() -> dict[str, object]:
    """What decides the terms in the index: part of the schema fingerprint."""
    return {"word": WORD_PATTERN, "exact": EXACT_PATTERN, "stop_words": sorted(STOP_WORDS),
            "stemmer": "sastrawi-stem_word", "min_stem_length": 4}
