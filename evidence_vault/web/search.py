"""The search page and its JSON twin: the request becomes a scoped SearchQuery, nothing more."""

from __future__ import annotations

import logging
from typing import Any

from flask import Blueprint, jsonify, render_template, request
from werkzeug.wrappers import Response

from .. import search
from ..legal.kinds import KINDS
from ..pipeline import indexing
from ..records.access import Permission
from . import numbers
from .context import settings
from .guards import actor, requires

blueprint = Blueprint("search", __name__)
log = logging.getLogger(__name__)
PER_PAGE = 20
_YES_NO = {"ya": True, "tidak": False}
FACET_LABELS = {"kind": "Jenis", "year": "Tahun", "legal_status": "Status", "in_force": "Keberlakuan",
                "indicator": "Indikator", "has_findings": "Temuan", "confirmed": "Metadata dikonfirmasi"}
PARAMS = {"kind": "jenis", "year": "tahun", "legal_status": "status", "in_force": "berlaku", "indicator": "indikator",
          "has_findings": "temuan", "confirmed": "terkonfirmasi"}


def _query() -> search.SearchQuery:
    """The request's search, always limited to the organisations the user may read."""
    scope = actor().visible_organisation_ids()
    args = request.args
    return search.SearchQuery(
        text=args.get("q", "")[:2000],
        organisation_ids=scope, all_organisations=scope is None,
        kind=args.get("jenis") or None, year=numbers.year(),
        legal_status=args.get("status") or None, in_force=args.get("berlaku") or None,
        indicator=args.get("indikator") or None,
        has_findings=_YES_NO.get(args.get("temuan", "")), confirmed=_YES_NO.get(args.get("terkonfirmasi", "")),
        sort=args.get("urut", "relevance") if args.get("urut") in search.SORTS else "relevance",
        page=numbers.page_number(), per_page=PER_PAGE,
    )


def _results() -> tuple[search.SearchQuery, search.SearchResults]:
    query = _query()
    try:
        return query, indexing.index_for(settings()).search(query)
    except (search.SearchError, search.IndexBusy) as error:
        log.error("search failed: %r", error)
        unavailable = "Indeks pencarian tidak dapat dibaca saat ini. Coba lagi; bila berulang, admin menjalankan " \
                      "`evidence-vault reindex`."
        return query, search.SearchResults(hits=[], total=0, page=1, per_page=PER_PAGE, sort=query.sort, facets={},
                                           notes=[unavailable], index_ready=False)


@blueprint.route("/cari")
@requires(Permission.VIEW_DOCUMENTS)
def page() -> str:
    query, results = _results() if request.args.get("q") or any(request.args.get(p) for p in PARAMS.values()) \
        else (None, None)
    current = {key: value for key, value in request.args.items() if key != "page" and value}
    return render_template("search/results.html", query=query, results=results, current=current, kinds=KINDS,
                           facet_labels=FACET_LABELS, params=PARAMS, value_label=_value_label)


@blueprint.route("/cari.json")
@requires(Permission.VIEW_DOCUMENTS)
def json_results() -> Response:
    _query_used, results = _results()
    return jsonify({
        "total": results.total, "page": results.page, "pages": results.page_count, "note": results.query_note,
        "hits": [{"document_id": hit.document_id, "title": hit.title, "page": hit.best_page,
                  "score": round(hit.score, 3) if hit.score is not None else None,
                  "snippet": hit.pages[0].snippet.text() if hit.pages else "",
                  "citation_match": hit.citation_match} for hit in results.hits],
        "facets": {name: [{"value": count.value, "count": count.count} for count in counts]
                   for name, counts in results.facets.items()},
    })


def _value_label(facet: str, value: Any) -> str:
    if value is None:
        return "tidak diketahui"
    if facet == "kind":
        return KINDS[value].label if value in KINDS else str(value)
    if facet in ("has_findings", "confirmed"):
        return "ya" if value else "tidak"
    if facet == "indicator":
        return str(value).replace(":", " ")
    return str(value)
