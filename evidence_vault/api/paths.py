"""Whole numbers in API paths (`<id:document_id>`): each matches its route; one past the database's range is 404.

The web's `<int:...>` (`web.numbers.DatabaseId`) refuses such numbers in the router, which
then answers 405 instead of 404 whenever the same path has a route for another method
(Werkzeug compares methods before it converts the id), and answers before the token is
looked at. Under /api/v1 every number matches, so the dispatch checks the token first and
then answers 404 `not_found` for an id no row can have, whatever the method: the same answer
as for an id in range that names nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from werkzeug.routing import IntegerConverter

from ..web.numbers import MAX_ID
from .errors import ApiError

NAME = "id"


class PathNumber(IntegerConverter):
    """Any run of digits, however long; the dispatch decides (`in_range`) whether it can name anything."""


def in_range(path: Mapping[str, Any]) -> None:
    """404 `not_found` when a number in the path is past every id and year the database can hold."""
    if any(isinstance(value, int) and value > MAX_ID for value in path.values()):
        raise ApiError("not_found")
