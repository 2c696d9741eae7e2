"""Self-check for the blind renderer: render sample specs of every kind, read them back, print what was read.

Why: a person should be able to see at a glance that the renderer produces real, readable files (and that
scans carry no text layer but are legible to Tesseract). Run from /work/main:
    .venv/bin/python -m tests.blind.check_render [--keep DIR]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import tempfile
from pathlib import Path

import docx
import pypdf
from PIL import Image

from tests.blind import uu_corpus
from tests.blind.render import render

PERBUP = """^SALINAN
^BUPATI SUKAMAJU
^PROVINSI JAWA TENGAH

^PERATURAN BUPATI SUKAMAJU
^NOMOR 12 TAHUN 2023
^TENTANG
^ARSITEKTUR SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK

^DENGAN RAHMAT TUHAN YANG MAHA ESA
^BUPATI SUKAMAJU,

Menimbang : a. bahwa untuk melaksanakan ketentuan Pasal 40 Peraturan Presiden Nomor 95 Tahun 2018 tentang \
Sistem Pemerintahan Berbasis Elektronik, perlu menetapkan Peraturan Bupati tentang Arsitektur SPBE;
Mengingat : 1. Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah;
MEMUTUSKAN:
Menetapkan : PERATURAN BUPATI TENTANG ARSITEKTUR SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK.
^Pasal 1
Arsitektur SPBE Daerah memuat referensi arsitektur dan domain arsitektur proses bisnis, data dan informasi, \
infrastruktur SPBE, aplikasi SPBE, keamanan SPBE, dan layanan SPBE.
<<<PAGE>>>
>Ditetapkan di Sukamaju
>pada tanggal 2 Januari 2023
>BUPATI SUKAMAJU,
>ttd.
>HARYO WIBISONO
Diundangkan di Sukamaju
pada tanggal 3 Januari 2023
SEKRETARIS DAERAH KABUPATEN SUKAMAJU,
ttd.
RATNA KUSUMAWATI
BERITA DAERAH KABUPATEN SUKAMAJU TAHUN 2023 NOMOR 12
"""

SOP = """^PEMERINTAH KOTA TIRTAMULYA
^DINAS KOMUNIKASI DAN INFORMATIKA
<<<TABLE>>>
Nomor SOP | 800/045/SOP/DISKOMINFO/2024
Tanggal Pembuatan | 8 Februari 2024
Tanggal Efektif | 1 Maret 2024
Disahkan oleh | Kepala Dinas Komunikasi dan Informatika
Nama SOP | Pengelolaan Insiden Keamanan Informasi
<<<END>>>
Dasar Hukum: Peraturan Wali Kota Tirtamulya Nomor 7 Tahun 2022 tentang Manajemen Keamanan Informasi.
"""

SPECS = {
    "perbup.txt": "---\nrender: pdf\nfilename: Perbup 12 Tahun 2023.pdf\n---\n" + PERBUP,
    "perbup_heavy.txt": "---\nrender: pdf\ndamage: heavy\nseed: 4\n---\n" + PERBUP,
    "perbup_light.txt": "---\nrender: docx  # Word copy\ndamage: light\n---\n" + PERBUP,
    "sop.txt": "---\nrender: docx\n---\n" + SOP,
    "sop_scan.txt": "---\nrender: scan\n---\n" + SOP + "<<<PAGE>>>\n" + PERBUP,
    "perbup_png.txt": "---\nrender: png\n---\n" + PERBUP,
    "sop_jpeg.txt": "---\nrender: jpeg\n---\n" + SOP,
}


def describe(path: Path) -> str:
    """Read a rendered file back the way the vault would first see it."""
    if path.suffix == ".pdf":
        reader = pypdf.PdfReader(path)
        text = "\n".join(page.extract_text() or "" for page in reader.pages).strip()
        images = sum(len(page.images) for page in reader.pages)
        return f"{len(reader.pages)} pages, {images} images, text layer {len(text)} chars:\n{text[:600]}"
    if path.suffix == ".docx":
        document = docx.Document(path)
        paragraphs = [p.text for p in document.paragraphs if p.text.strip()]
        tables = [[[c.text for c in row.cells] for row in t.rows] for t in document.tables]
        return f"{len(paragraphs)} paragraphs, tables {tables}:\n" + "\n".join(paragraphs[:12])
    with Image.open(path) as image:
        return f"image {image.format} {image.size} {image.mode}"


def ocr(path: Path) -> str:
    """OCR an image (or the first page image of a scanned PDF) with Tesseract's Indonesian model."""
    if path.suffix == ".pdf":
        first = pypdf.PdfReader(path).pages[0].images[0]
        path = path.with_name(path.stem + "-page1" + Path(first.name).suffix)
        path.write_bytes(first.data)
    result = subprocess.run(["tesseract", str(path), "stdout", "-l", "ind"], capture_output=True, text=True)
    return result.stdout.strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--keep", type=Path, help="write the rendered files here instead of a temp folder")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or Path(tmp)
        src = work / "specs"
        src.mkdir(parents=True, exist_ok=True)
        for name, text in SPECS.items():
            (src / name).write_text(text, encoding="utf-8")
        outputs = [render(spec, work / "out") for spec in sorted(src.glob("*.txt"))]
        again = [render(spec, work / "again") for spec in sorted(src.glob("*.txt"))]
        for path in uu_corpus.sample(3, seed=1):
            print(f"UU sample {path}: {uu_corpus.truth(path)}")
        for path, kind, level in zip(
            uu_corpus.sample(3, seed=1), ("pdf", "docx", "scan"), ("light", "none", "none"), strict=True
        ):
            outputs.append(uu_corpus.as_document(path, kind, level, 1, work / "out", max_chars=8000))
        for path in outputs:
            print(f"\n=== {path.name} ({path.stat().st_size} bytes)\n{describe(path)}")
        same = [a.read_bytes() == b.read_bytes() for a, b in zip(outputs, again, strict=False)]
        print(f"\nDeterministic: {sum(same)}/{len(same)} spec renders byte-identical on a second run")
        if shutil.which("tesseract"):
            for path in (work / "out" / "perbup_png.png", work / "out" / "sop_scan.pdf"):
                print(f"\n=== Tesseract on {path.name}\n{ocr(path)[:700]}")
        else:
            print("\ntesseract not installed: OCR legibility check skipped")


if __name__ == "__main__":
    main()
