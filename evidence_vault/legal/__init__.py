"""Legal-metadata stage: what kind of instrument a document is, and whether it holds up.

`read_legal(pages)` reads the fields from text (heading, closing blocks, gazette line,
amendment and repeal clauses); `rules.evaluate(...)` turns fields, relations and the
organisation into findings with stable codes and Indonesian advice.
"""

from .fields import FIELD_ORDER, LABELS, FieldValue, LegalMetadata
from .reader import read_legal

__all__ = ["FIELD_ORDER", "LABELS", "FieldValue", "LegalMetadata", "read_legal"]
