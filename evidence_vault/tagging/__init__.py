"""Tagging stage: which indicators a document may support, and what content it regulates.

`suggestions` scores key phrases per indicator and never links anything itself;
`coverage` finds where a text regulates each element an indicator's level requires
(Pasal, ayat, dictum, page, quote), for the audit and the document page.
"""

from .suggestions import MIN_SCORE, PhraseMatch, Suggestion, suggest

__all__ = ["MIN_SCORE", "PhraseMatch", "Suggestion", "suggest"]
