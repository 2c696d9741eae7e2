"""The evidence package: a ZIP with one folder per indicator, a manifest and an offline index.html.

This is what a team uploads to the national evaluation application, so file names say what
each document is (jenis, nomor, tahun) and nothing depends on the vault being reachable.
"""

from __future__ import annotations

import hashlib
import html
import io
import json
import re
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from ..audit import AuditResult, Evidence, IndicatorResult
from ..indonesian import level, long_date, number
from ..legal.kinds import KINDS
from ..plaintext import clean
from .rows import FINDING_WORDS, STANDING_LABELS, number_of, why_not_counted

_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


@dataclass(frozen=True)
class PackagedFile:
    """Where a document's bytes are, and what its name in the package is built from."""

    path: Path
    original_filename: str
    number: str | None
    year: str | None


def package_bytes(result: AuditResult, files: Mapping[int, PackagedFile]) -> bytes:
    buffer = io.BytesIO()
    manifest: dict[str, object] = {"organisation": result.organisation, "period": result.period,
                                   "framework": result.framework, "assessed_on": result.assessed_on.isoformat(),
                                   "indicators": []}
    sections = []
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for item in result.indicators:
            prefix = f"{int(item.code):02d}" if item.code.isdigit() else item.code
            folder = _shorten(_clean(f"{prefix} {item.name}"), 90)
            used: set[str] = set()
            included, excluded = [], []
            for evidence in item.evidence:
                source = files.get(evidence.document_id)
                reason = why_not_counted(evidence, result) or (
                    "berkasnya tidak ditemukan di penyimpanan" if source is None or not source.path.is_file() else "")
                if reason:
                    excluded.append((evidence, reason))
                    continue
                name = _unique(_file_name(evidence, source), used)
                data = source.path.read_bytes()
                archive.writestr(f"{folder}/{name}", data)
                included.append({"file": f"{folder}/{name}", "document_id": evidence.document_id,
                                 "title": evidence.title, "sha256": hashlib.sha256(data).hexdigest(),
                                 "evidence": evidence})
            manifest["indicators"].append({  # type: ignore[union-attr]
                "code": item.code, "name": item.name, "claimed": item.claimed, "supported": item.supported,
                "files": [{key: value for key, value in entry.items() if key != "evidence"} for entry in included],
                "excluded": [{"document_id": e.document_id, "title": e.title, "findings": list(e.findings),
                              "reason": reason} for e, reason in excluded],
            })
            sections.append(_section(item, included, excluded))
        archive.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=2))
        archive.writestr("index.html", _index(result, sections))
    return buffer.getvalue()


def _html(text: str) -> str:
    """Text for the offline index.html: escaped, without control or direction-override characters."""
    return html.escape(clean(text))


def _clean(text: str) -> str:
    """A name for a folder or file in the package: no path or control characters, nothing that reads backwards."""
    return " ".join(_UNSAFE.sub("-", clean(text)).split()).strip(" .") or "dokumen"


def _file_name(evidence: Evidence, source: PackagedFile) -> str:
    suffix = Path(source.original_filename).suffix.lower()[:8] or ".pdf"
    abbreviation = KINDS[evidence.kind].abbreviation if evidence.kind in KINDS else ""
    if source.number and abbreviation:
        stem = f"{abbreviation} {source.number} {source.year or ''}"
    else:
        stem = evidence.title
    return _shorten(_clean(stem.replace("/", "-")), 100) + suffix


def _shorten(name: str, limit: int) -> str:
    """A name cut to `limit` characters at a word's end, never in the middle of one."""
    if len(name) <= limit:
        return name
    cut = name[:limit + 1].rsplit(" ", 1)[0] if " " in name[:limit + 1] else name[:limit]
    return cut.rstrip(" .,-") or name[:limit]


def _unique(name: str, used: set[str]) -> str:
    candidate, counter = name, 2
    stem, dot, suffix = name.rpartition(".")
    while candidate.lower() in used:
        candidate = f"{stem} ({counter}){dot}{suffix}"
        counter += 1
    used.add(candidate.lower())
    return candidate


def _document(evidence: Evidence, note: str = "") -> str:
    """One document in the index: its title, nomor, tanggal and standing; what did not count says why."""
    facts = [f"Nomor {_html(number_of(evidence))}" if evidence.number else "tanpa nomor",
             f"tanggal {_html(long_date(evidence.dated))}" if evidence.dated else "tanpa tanggal",
             _html(STANDING_LABELS.get(evidence.in_force, evidence.in_force))]
    if evidence.findings:
        facts.append("temuan: " + _html(", ".join(FINDING_WORDS.get(code, code) for code in evidence.findings)))
    return f"{_html(evidence.title)} <small>({'; '.join(facts)})</small>{note}"


def _section(item: IndicatorResult, included: list[dict], excluded: list[tuple[Evidence, str]]) -> str:
    rows = "".join(f'<li><a href="{quote(entry["file"])}">{_html(entry["file"].split("/", 1)[1])}</a> '
                   f'— {_document(entry["evidence"])}</li>' for entry in included)
    left_out = "".join(f'<li class="not-counted">{_document(evidence)} <strong>Tidak dihitung dan tidak disertakan: '
                       f"{_html(reason)}.</strong></li>" for evidence, reason in excluded)
    claimed = level(item.claimed) if item.claimed is not None else "-"
    why = f"<p>{_html(item.explanation)}</p>" if item.explanation else ""
    return (f"<section><h2>{_html(item.code)}. {_html(item.name)}</h2>"
            f"<p>Tingkat diklaim: {claimed} · didukung: {level(item.supported)}</p>{why}"
            f"<ul>{rows or '<li>Tidak ada dokumen yang disertakan.</li>'}{left_out}</ul></section>")


def _index(result: AuditResult, sections: list[str]) -> str:
    title = _html(f"Data dukung {result.organisation} — {result.period}")
    return (
        '<!doctype html><html lang="id"><head><meta charset="utf-8">'
        f"<title>{title}</title>"
        "<style>body{font-family:sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}"
        "h2{font-size:1.05rem;border-top:1px solid #ccc;padding-top:.75rem}"
        ".not-counted{color:#8a1f11}</style></head><body>"
        f"<h1>{title}</h1><p>Organisasi: <strong>{_html(result.organisation)}</strong> · periode: "
        f"<strong>{_html(result.period)}</strong> · dinilai per <strong>{long_date(result.assessed_on)}</strong></p>"
        f"<p>{_html(result.framework_name)} · indeks prediksi "
        f"{number(result.supported_index, 2)} ({_html(result.supported_band)}) · penilaian mandiri "
        f"{number(result.claimed_index, 2)} ({_html(result.claimed_band)})</p>"
        + "".join(sections) + "</body></html>"
    )
