"""A web upload of 20 files of about 2 MB through a served app, as a browser sends it.

Run with `make bench` (or `python bench/upload_bench.py [--files N] [--scans N]`).
`evidence-vault serve` (waitress, with its background worker) runs on a free port against
a throwaway vault; the benchmark logs in as an operator and posts every file in one
multipart request to /upload, as the upload form does. It prints, with the machine's load
before and after:

- the answer time: from sending the request to the last byte of the upload's page (the
  request only stores the files and records one status row per file; issue 17's target
  is under 1 s for 20 files of 2 MB);
- the time until all are processed: until no file of the upload waits to be read and no
  document waits for the background OCR of its scanned pages; and pages per second over
  that time.

The files are reports of activities (several text pages and a page of documentation
photos, as SPBE evidence often is) and, with `--scans`, scanned decrees of three pages.
"""

from __future__ import annotations

import argparse
import http.cookiejar
import io
import random
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid

from entrypoints import OPERATOR, Vault, load, wait_until_up

STARTUP_SECONDS = 180
PROCESSING_SECONDS = 1800
_CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')
BODY = ("Pasal {n}\n(1) Perangkat Daerah menyelenggarakan layanan berbasis elektronik secara terpadu dan "
        "melaporkan pelaksanaannya kepada Kepala Dinas Komunikasi dan Informatika. (2) Laporan memuat kegiatan, "
        "capaian, kendala dan tindak lanjut, disertai dokumentasi kegiatan. ") * 10


# --- the files ----------------------------------------------------------------------------------


def photo(seed: int, size: tuple[int, int] = (1600, 1200)) -> bytes:
    """A JPEG that compresses like a photograph of an activity (about 1.9 MB): gradients under grain."""
    from PIL import Image, ImageFilter

    rng = random.Random(seed)
    grain = Image.frombytes("RGB", size, rng.randbytes(size[0] * size[1] * 3)).filter(ImageFilter.GaussianBlur(0.6))
    shade = Image.linear_gradient("L").resize(size).convert("RGB")
    buffer = io.BytesIO()
    Image.blend(grain, shade, 0.35).save(buffer, "JPEG", quality=92)
    return buffer.getvalue()


def report_pdf(number: int) -> bytes:
    """A report of an activity: eight text pages, the last with a documentation photo."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(auto=True, margin=20)
    pdf.set_font("Helvetica", size=11)
    for page in range(8):
        pdf.add_page()
        title = f"LAPORAN KEGIATAN NOMOR {number} TAHUN 2025\nPELAKSANAAN SPBE KABUPATEN BADUNG\n\n"
        pdf.multi_cell(0, 6, (title if page == 0 else "") + BODY.format(n=page + 1))
    pdf.add_page()
    pdf.multi_cell(0, 6, f"Dokumentasi kegiatan nomor {number}")
    pdf.image(io.BytesIO(photo(number)), x=15, y=40, w=180)
    return bytes(pdf.output())


def scanned_decree(number: int) -> bytes:
    """A decree scanned at 200 dpi, three pages, as a tired scanner leaves it."""
    from fpdf import FPDF

    from evidence_vault.demo import samples

    pdf = FPDF(format="A4")
    lines = ["KEPUTUSAN BUPATI BADUNG", f"NOMOR 188.45/{number}/HK/2025", "TENTANG",
             "TIM KOORDINASI SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK", "", "BUPATI BADUNG,",
             *(f"{n}. Tim bertugas menyusun arsitektur dan peta rencana SPBE." for n in range(1, 20))]
    for page in range(3):
        pdf.add_page()
        image = samples.degraded(samples.page_image([*lines, f"Halaman {page + 1}"], 1654, 2339), quality=80,
                                 seed=number * 3 + page)
        pdf.image(image, x=0, y=0, w=210, h=297)
    return bytes(pdf.output())


def build_files(count: int, scans: int) -> list[tuple[str, bytes]]:
    files = [(f"laporan-kegiatan-{number:02}.pdf", report_pdf(number)) for number in range(count - scans)]
    return files + [(f"sk-pindaian-{number:02}.pdf", scanned_decree(number)) for number in range(scans)]


# --- the served app -----------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def csrf_token(opener: urllib.request.OpenerDirector, url: str) -> str:
    with opener.open(url) as response:
        found = _CSRF.search(response.read().decode())
    if not found:
        raise SystemExit(f"no CSRF token on {url}")
    return found.group(1)


def log_in(opener: urllib.request.OpenerDirector, base: str) -> None:
    fields = {"csrf_token": csrf_token(opener, f"{base}/login"), "email": OPERATOR[0], "password": OPERATOR[1]}
    with opener.open(f"{base}/login", urllib.parse.urlencode(fields).encode()) as response:
        if response.url.rstrip("/").endswith("/login"):
            raise SystemExit("the operator could not log in")


def multipart(fields: dict[str, str], files: list[tuple[str, bytes]]) -> tuple[bytes, str]:
    """A multipart/form-data body as a browser builds it for the upload form (field `files`)."""
    boundary = uuid.uuid4().hex
    parts = [f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
             for name, value in fields.items()]
    for filename, content in files:
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="files"; filename="{filename}"\r\n'
                     "Content-Type: application/pdf\r\n\r\n".encode() + content + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def processing_state(vault: Vault) -> tuple[int, int, int]:
    """(documents, upload files and documents still waiting, pages) in the vault's database."""
    import os

    os.environ["EVIDENCE_VAULT_STORAGE_DIR"] = str(vault.storage)
    from sqlmodel import Session, func, select

    from evidence_vault import db
    from evidence_vault.config import load_settings
    from evidence_vault.models import Document
    from evidence_vault.pipeline import scans
    from evidence_vault.records import uploads

    engine = db.make_engine(load_settings())
    try:
        with Session(engine) as session:
            documents = session.exec(select(func.count()).select_from(Document)).one()
            pages = session.exec(select(func.sum(Document.page_count))).one() or 0
            waiting = len(uploads.waiting_files(session)) + len(scans.processing_documents(session))
            return documents, waiting, pages
    finally:
        engine.dispose()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=20)
    parser.add_argument("--scans", type=int, default=4, help="How many of the files are scanned decrees.")
    args = parser.parse_args()
    files = build_files(args.files, args.scans)
    megabytes = sum(len(content) for _name, content in files) / 1e6
    vault = Vault()
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(vault.command("serve", "--port", str(port)), env=vault.env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_until_up(f"{base}/login", server, STARTUP_SECONDS)
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        log_in(opener, base)
        body, content_type = multipart({"csrf_token": csrf_token(opener, f"{base}/upload")}, files)
        print(f"Web upload through `evidence-vault serve` ({load()} before): {len(files)} files "
              f"({args.files - args.scans} reports with a photo page, {args.scans} scanned decrees), "
              f"{megabytes:.1f} MB")
        request = urllib.request.Request(f"{base}/upload", body, {"Content-Type": content_type})
        started = time.perf_counter()
        with opener.open(request, timeout=PROCESSING_SECONDS) as response:
            page = response.read().decode()
        answered = time.perf_counter() - started
        summary = re.search(r'<p class="summary"[^>]*>([^<]*)</p>', page)
        deadline = time.monotonic() + PROCESSING_SECONDS
        while (state := processing_state(vault))[1] and time.monotonic() < deadline:
            time.sleep(0.2)
        processed = time.perf_counter() - started
        documents, waiting, pages = state
        print(f"  answer: {answered:.1f} s ({summary.group(1) if summary else 'no summary on the page'})")
        print(f"  all processed: {processed:.1f} s{'' if not waiting else f' (NOT: {waiting} still processing)'}; "
              f"{documents} documents, {pages} pages, {pages / processed:.1f} pages/s")
        print(f"  ({load()} after)")
    finally:
        server.terminate()
        server.wait(30)
        vault.remove()
    return 0


if __name__ == "__main__":
    sys.exit(main())
