"""Real Undang-Undang texts from the shared corpus, laid out and rendered as blind test documents.

Why: 1,535 real statutes give wording, citations and structure that no hand-written spec matches; the file
path is the ground truth (nomor, tahun) and the heading gives the subject, so they can be scored blind.
The corpus is read in place and never copied into the project.
"""

from __future__ import annotations

import hashlib
import math
import random
import re
from collections import defaultdict
from pathlib import Path

from tests.blind.render import KINDS, render_text

ROOT = Path("/work/shared/corpus/peraturan-text/uu")
MAX_TENTANG = 400  # longer "subjects" are headings that ran into the body: no reliable truth
CHARS_PER_LINE, LINES_PER_PAGE = 75, 40  # conservative, so explicit page breaks come before automatic ones
_STOP = re.compile(
    r"\s+(?:DENGAN RAHMAT|Dengan Rahmat|PRESIDEN REPUBLIK|Presiden Republik|Meni\w{0,2}bang|"
    r"Mengingat|Membaca|MEMUTUSKAN|Menetapkan)"
)
_MULTI_HEAD = re.compile(r"\s*UNDANG-UNDANG REPUBLIK INDO\s*NESIA\s*")
_CLOSING = re.compile(
    r"\s+(?=Disahkan di|Diundangkan di|PRESIDEN REPUBLIK INDONESIA,|MENTERI|SEKRETARIS NEGARA|"
    r"pada tanggal|ttd|LEMBARAN NEGARA|TAMBAHAN LEMBARAN|PENJELASAN ATAS)|(?<=INDONESIA,)\s+"
)
_OPENING = re.compile(r"(DENGAN RAHMAT TUHAN YANG MAHA ESA\.?)\s*(PRESIDEN REPUBLIK INDONESIA,?)?\s*(.*)")
_MONTH_DATE = re.compile(r"(pada tanggal \d{1,2} \w+ \d{4}\.?)\s+")


def _clean(text: str) -> str:
    """Drop markdown emphasis underscores (they are italics in the original, not text) and collapse spaces."""
    return re.sub(r"[ \t]+", " ", re.sub(r"(?<!\w)_+|_+(?!\w)", "", text)).strip()


def _split(text: str) -> tuple[str, list[str]] | None:
    """Return (subject, body lines) from a corpus text, or None when it has no usable heading."""
    lines = text.strip().split("\n")
    if _MULTI_HEAD.fullmatch(lines[0]):
        start = next((i for i, line in enumerate(lines[:6]) if line.strip() == "TENTANG"), None)
        if start is None:
            return None
        end = next(
            (i for i in range(start + 1, len(lines)) if not lines[i].strip() or _STOP.match(" " + lines[i])), len(lines)
        )
        subject, body = " ".join(lines[start + 1 : end]), lines[end:]
    elif "TENTANG" in lines[0]:
        rest = lines[0].split("TENTANG", 1)[1]
        stop = _STOP.search(rest)
        subject, tail = (rest[: stop.start()], rest[stop.start() :]) if stop else (rest, "")
        body = [tail, *lines[1:]]
    else:
        return None
    subject = _clean(subject)
    if not subject or len(subject) > MAX_TENTANG:
        return None
    return subject, [_clean(line) for line in body]


def _subject(path: Path) -> str | None:
    """The subject from the first few thousand characters: cheap enough to scan the whole corpus."""
    with path.open(encoding="utf-8", errors="replace") as f:
        parsed = _split(f.read(6000))
    return parsed[0] if parsed else None


def truth(path: Path) -> dict:
    """Ground truth from the path (nomor, tahun) and the file's own heading (tentang, None if it has none)."""
    return {"jenis": "uu", "nomor": path.stem, "tahun": int(path.parent.name), "tentang": _subject(path)}


def sample(n: int, seed: int, root: Path = ROOT) -> list[Path]:
    """Choose n statutes with a usable heading, one per stratum of years, so that every era is represented."""
    by_year: dict[str, list[Path]] = defaultdict(list)
    for path in sorted(root.glob("*/*.md")):
        if _subject(path):
            by_year[path.parent.name].append(path)
    rng = random.Random(f"uu-sample:{seed}")
    for paths in by_year.values():
        rng.shuffle(paths)
    years, chosen = sorted(by_year), []
    for i in range(n):
        lo = i * len(years) // n
        stratum = [y for y in years[lo : max((i + 1) * len(years) // n, lo + 1)] if by_year[y]]
        candidates = stratum or [y for y in years if by_year[y]]
        if not candidates:
            break
        chosen.append(by_year[rng.choice(candidates)].pop())
    return chosen


def _layout(line: str) -> list[str]:
    """Turn one flattened body line into spec lines: centred BAB/Pasal headings, a right-aligned closing."""
    if line.startswith(("^", ">")):
        return [" " + line]
    if m := re.fullmatch(r"(BAB [IVXLC]+)\s+(.+)", line):
        return ["", "^" + m[1], "^" + m[2]]
    if re.fullmatch(r"Pasal \d+[A-Z]?|MEMUTUSKAN ?:?|PRESIDEN REPUBLIK INDONESIA,", line):
        return ["^" + line]
    if m := _OPENING.match(line):
        return ["", *("^" + x for x in m.groups()[:2] if x), ""] + ([m[3]] if m[3] else [])
    if "Disahkan di" not in line:
        return [line]
    head, _, closing = line.partition("Disahkan di")
    out = [head.strip()] if head.strip() else []
    for part in _CLOSING.split("Disahkan di" + closing):
        for piece in filter(None, _MONTH_DATE.split(part.strip())):
            if piece.startswith(("LEMBARAN NEGARA", "TAMBAHAN LEMBARAN")):
                out += ["", piece]
            elif piece.startswith("PENJELASAN ATAS"):
                out += ["<<<PAGE>>>", "^" + piece if len(piece) < 120 else piece]
            else:
                out.append(">" + piece)
    return out


def _cost(line: str) -> int:
    return max(1, math.ceil(len(line) / CHARS_PER_LINE))


def _abridge(lines: list[str], max_chars: int) -> list[str]:
    """Keep the opening and the closing block of long statutes; the middle articles are dropped."""
    if sum(len(x) for x in lines) <= max_chars:
        return lines
    head, size = [], 0
    while size < max_chars * 0.8:
        head.append(lines[len(head)])
        size += len(head[-1])
    rest = lines[len(head) :]
    start = next((i for i, x in enumerate(rest) if x.startswith(">Disahkan di")), None)
    tail, size = [], 0
    for line in rest[start:] if start is not None else reversed(rest):
        if size > max_chars * 0.2:
            break
        tail.append(line)
        size += len(line)
    return head + ["<<<PAGE>>>"] + (tail if start is not None else tail[::-1])


def document_text(path: Path, max_chars: int = 25000) -> str:
    """Spec-body text of a statute as its official layout has it: page header, centred heading, body, pages."""
    parsed = _split(path.read_text(encoding="utf-8", errors="replace"))
    if parsed is None:
        raise ValueError(f"{path}: no usable UU heading")
    subject, body = parsed
    words, heading_lines = subject.split(" "), [""]
    for word in words:  # the subject in short centred lines, as in the official layout
        heading_lines[-1] = f"{heading_lines[-1]} {word}".strip()
        if len(heading_lines[-1]) > 55:
            heading_lines.append("")
    lines = [
        "^UNDANG-UNDANG REPUBLIK INDONESIA",
        f"^NOMOR {path.stem} TAHUN {path.parent.name}",
        "^TENTANG",
        *("^" + x for x in heading_lines if x),
        "",
    ]
    opening = " ".join(x for x in body[:4] if x).upper()
    if "DENGAN RAHMAT" not in opening and not opening.startswith("PRESIDEN"):  # some texts lost the formula
        lines += ["^DENGAN RAHMAT TUHAN YANG MAHA ESA", "", "^PRESIDEN REPUBLIK INDONESIA,", ""]
    closing = False
    for line in (x for raw in body for x in _layout(raw)):
        bare = line.lstrip("^>")
        if bare.startswith("Disahkan di"):
            closing = True
        elif bare.startswith(("LEMBARAN NEGARA", "TAMBAHAN LEMBARAN", "PENJELASAN")):
            closing = False
        lines.append(">" + bare if closing and bare.strip() else line)
    pages, used = [["^PRESIDEN", "^REPUBLIK INDONESIA", ""]], 3
    for line in _abridge(lines, max_chars):
        if (line == "<<<PAGE>>>" or used + _cost(line) > LINES_PER_PAGE) and used > 5:
            pages.append(["^PRESIDEN", "^REPUBLIK INDONESIA", "", f"^- {len(pages) + 1} -", ""])
            used = 5
        if line != "<<<PAGE>>>":
            pages[-1].append(line)
            used += _cost(line)
    return "\n<<<PAGE>>>\n".join("\n".join(page) for page in pages)


def as_document(
    path: Path,
    render: str,
    damage: str,
    seed: int,
    out_dir: Path,
    *,
    max_chars: int = 25000,
    filename: str | None = None,
) -> Path:
    """Render one statute as `render` with `damage`; the default file name is neutral so it gives nothing away."""
    digest = hashlib.sha256(f"{path.parent.name}/{path.name}:{seed}".encode()).hexdigest()[:10]
    out = Path(out_dir) / (filename or f"dokumen-{digest}.{KINDS[render]}")
    return render_text(document_text(path, max_chars), render, out, damage=damage, seed=seed)
