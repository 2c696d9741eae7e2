"""Write docs/rules-<framework>.md from the framework data: every level rule the audit applies, in its words.

    .venv/bin/python scripts/rules_reference.py            # rewrite docs/rules-spbe-2020.md, docs/rules-pemdi-2026.md
    .venv/bin/python scripts/rules_reference.py --check    # exit 1 when one is stale

The text of each requirement comes from `audit.explain.rule_text`, the function the indicator
page uses, so the reference, the page and the evaluation cannot say different things.
`tests/audit/test_rules_reference.py` runs the check in `make test`.
"""

from __future__ import annotations

import sys
from pathlib import Path

from evidence_vault.audit.explain import level_rules
from evidence_vault.frameworks import Framework, Indicator, builtin_codes, builtin_framework

DOCS = Path(__file__).resolve().parents[1] / "docs"


def target(code: str) -> Path:
    return DOCS / f"rules-{code}.md"


def reference(framework: Framework) -> str:
    """The whole reference of one framework."""
    lines = [
        f"# Aturan tingkat: {framework.name}",
        "",
        "Dibuat otomatis dari berkas kerangka oleh `scripts/rules_reference.py`; jangan diubah dengan tangan.",
        "Inilah aturan yang dipakai audit dan yang tampil di halaman indikator. Tingkat bersifat kumulatif:",
        "tingkat N hanya tercapai bila tingkat 1 sampai N−1 juga terpenuhi. Penjelasan cara kerja:",
        "[evidence-rules.md](evidence-rules.md).",
        "",
        f"Sumber: {framework.source}",
        "",
        "Predikat (batas bawah termasuk): " + "; ".join(
            f"{band.label} mulai {band.minimum:.2f}".replace(".", ",") for band in reversed(framework.bands)) + ".",
        "",
    ]
    for indicator in framework.indicators:
        lines += _indicator(framework, indicator)
    return "\n".join(lines).rstrip() + "\n"


def _indicator(framework: Framework, indicator: Indicator) -> list[str]:
    lines = [f"## {indicator.code}. {indicator.name}", ""]
    facts = [f"Bobot {indicator.weight:g}%".replace(".", ",")]
    if indicator.pembina:
        facts.append("instansi pembina " + ", ".join(indicator.pembina))
    if indicator.variants:
        facts.append("disebut juga " + "; ".join(indicator.variants))
    lines += [", ".join(facts) + ".", ""]
    if indicator.index is not None:
        index = indicator.index
        points = "; ".join(f"{x:g} → {y:g}" for x, y in index.points).replace(".", ",")
        lines += [f"Nilai dari **{index.name}** ({index.short}, {index.source}), skala {index.minimum:g}–"
                  f"{index.maximum:g}, diubah ke tingkat secara garis lurus di antara titik {points}, dua angka di "
                  "belakang koma dipotong. Dokumen instansi tidak menaikkannya; audit menampilkannya sebagai "
                  "\"nilai dari indeks instansi lain\".", ""]
        if indicator.criteria:
            lines += ["Sampai nilainya dicatat, tingkat diperkirakan dari dokumen menurut kriteria berikut.", ""]
    for criteria in indicator.criteria:
        lines.append(f"**Tingkat {criteria.level} ({framework.level_name(criteria.level)}).** {criteria.explanation}")
        lines.append("")
        options = level_rules(criteria)
        for number, option in enumerate(options, start=1):
            if len(options) > 1:
                lines.append(f"Cara {number}:")
                lines.append("")
            for rule in option:
                kinds = f" Jenis: {rule.kinds}." if rule.kinds else ""
                counts = f" Dihitung bila: {'; '.join(rule.counts_only)}." if rule.counts_only else ""
                lines.append(f"- {rule.needed}{kinds}{counts}")
            lines.append("")
    return lines


def run(argv: list[str]) -> int:
    stale = []
    for code in builtin_codes():
        text, path = reference(builtin_framework(code)), target(code)
        if "--check" in argv:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(path)
            continue
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path}")
    for path in stale:
        print(f"{path} is stale: run .venv/bin/python scripts/rules_reference.py", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    raise SystemExit(run(sys.argv[1:]))
