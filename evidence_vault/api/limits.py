"""The size limit of one request's body, per token: the vault's for the route, or the token's own when lower.

A token may carry its own limit (`api_token.max_request_bytes`, set when it is made):
a JDIH that pushes single decrees needs a few MiB, not the twenty files of 50 MiB the
upload form takes, and a leaked token should push no more than its work needs. The limit
is put on the request once the token is known, before any of the body is read: a request
that declares a longer body is refused at once, one sent without its length is cut where
it passes the limit (Werkzeug), and both answer 413 `too_large`, naming the limit that
applied and whose it is, so the caller knows whether to split the request or ask for
another token.
"""

from __future__ import annotations

from flask import g, request

from ..indonesian import number
from ..models import ApiToken
from ..records import tokens
from .errors import ApiError

KIB = 1024
MIB = KIB * KIB


def size(limit: int) -> str:
    """A limit in the words on screen: "256 KiB", "2 MiB", "1,5 MiB"."""
    if limit < MIB:
        return f"{number(limit / KIB, 0 if limit % KIB == 0 else 1)} KiB"
    return f"{number(limit / MIB, 0 if limit % MIB == 0 else 1)} MiB"


def apply(token: ApiToken, vault_limit: int) -> None:
    """Limit this request's body for the token; 413 at once when it declares a longer one."""
    limit, own = tokens.body_limit(token, vault_limit)
    request.max_content_length = limit
    g.api_body_limit = (limit, own)
    if request.content_length is not None and request.content_length > limit:
        raise too_large()


def too_large() -> ApiError:
    """413 `too_large` with the limit this request had (the vault's, or the token's own)."""
    limit, own = g.get("api_body_limit", (request.max_content_length or 0, False))
    whose = "batas token ini" if own else "batas vault"
    advice = ("Kirim lebih sedikit sekaligus, atau pakai token dengan batas yang lebih besar (dibuat di menu Akun "
              "\u203a Token API)." if own else "Kirim lebih sedikit sekaligus, atau perkecil berkasnya.")
    return ApiError("too_large", f"Isi permintaan melebihi {whose}, {size(limit)}. {advice}",
                    details=[{"field": "Content-Length", "in": "header", "message": f"paling besar {limit} byte"}])
