"""Search index throughput, size and query latency on generated Indonesian regulations.

Run with `python bench/search_bench.py [--documents 5000] [--pages 10]` (the defaults: about
2,000 words a document; a few minutes, most of it the rebuild). Each document has a
generated heading page (jenis, nomor, tahun, Menimbang/Mengingat citing other instruments)
and body pages taken in order from the real regulations of `../shared/corpus/regulations`
(666 pages of real vocabulary and OCR damage, so the stemmer meets as many new words as it
would in use); without the corpus, body pages are generated, with a far smaller
vocabulary, and the figures flatter the stemmer. Documents are spread over five
organisations. Prints indexing speed (full rebuild, and one document per commit as uploads
do), index and TOC size, the stem cache, the first search after opening the index, and
query latency p50/p95 per kind of query (wall clock, and the CPU time of this process:
the machine may be shared), then the same queries against SQLite FTS5 on the same pages.

`--backend postgres --database-url URL` measures the PostgreSQL search tables instead
(`search.backend = "postgres"`): URL names an empty database this may migrate and fill,
for example one of a throwaway cluster.
"""

from __future__ import annotations

import argparse
import random
import re
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

from evidence_vault import db
from evidence_vault.extract import Limits, detect_type, extract_file
from evidence_vault.search import Index, IndexedDocument, PostgresIndex, SearchQuery, analysis
from evidence_vault.search.schema import SCHEMA_VERSION

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "regulations"

ORGANISATIONS = [1, 2, 3, 4, 5]
KINDS = [("perbup", "PERATURAN BUPATI"), ("kepbup", "KEPUTUSAN BUPATI"),
         ("perda_kabkota", "PERATURAN DAERAH KABUPATEN"), ("sop", "STANDAR OPERASIONAL PROSEDUR"),
         ("laporan", "LAPORAN")]
PLACES = ["BADUNG", "GIANYAR", "TABANAN", "BANGLI", "KLUNGKUNG", "JEMBRANA", "BULELENG", "KARANGASEM"]
SUBJECTS = [
    "Perangkat Daerah", "Dinas Komunikasi dan Informatika", "Sekretariat Daerah", "Tim Koordinasi SPBE",
    "Kepala Dinas", "Inspektorat Daerah", "Badan Perencanaan Pembangunan Daerah", "setiap pegawai",
    "Pejabat Pengelola Informasi dan Dokumentasi", "unit kerja", "penyelenggara sistem elektronik", "Bupati",
]
VERBS = [
    "menyelenggarakan", "melaksanakan", "mengelola", "menetapkan", "menyusun", "mengoordinasikan", "mengevaluasi",
    "memantau", "melaporkan", "mengintegrasikan", "mengamankan", "menyediakan", "membangun", "mengembangkan",
    "menerapkan", "memastikan", "meningkatkan", "menyampaikan", "mempublikasikan", "mendokumentasikan",
]
OBJECTS = [
    "pengelolaan arsip dinamis", "sistem pemerintahan berbasis elektronik", "layanan publik berbasis elektronik",
    "keamanan informasi", "pusat data daerah", "jaringan intra pemerintah", "arsitektur SPBE", "peta rencana SPBE",
    "tata kelola data", "manajemen risiko SPBE", "aplikasi umum", "interoperabilitas data", "kebijakan internal",
    "audit teknologi informasi", "pelayanan pengaduan masyarakat", "keterbukaan informasi publik",
    "rencana strategis", "standar operasional prosedur", "pembangunan aplikasi khusus", "perubahan dan pengetahuan",
]
ADJUNCTS = [
    "sesuai dengan ketentuan peraturan perundang-undangan", "secara terpadu dan berkesinambungan",
    "paling lambat 30 (tiga puluh) hari kerja", "setiap akhir tahun anggaran",
    "dengan memperhatikan prinsip efektivitas", "berdasarkan hasil evaluasi tahunan",
    "dalam rangka peningkatan kualitas pelayanan", "melalui koordinasi antar Perangkat Daerah",
    "yang dibiayai dari Anggaran Pendapatan dan Belanja Daerah",
    "untuk mewujudkan tata kelola pemerintahan yang baik",
]
CITED = ["Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah",
         "Peraturan Pemerintah Nomor 71 Tahun 2019 tentang Penyelenggaraan Sistem dan Transaksi Elektronik",
         "Peraturan Presiden Nomor 95 Tahun 2018 tentang Sistem Pemerintahan Berbasis Elektronik",
         "Undang-Undang Nomor 27 Tahun 2022 tentang Pelindungan Data Pribadi",
         "Peraturan Menteri Komunikasi dan Informatika Nomor 5 Tahun 2020 tentang Penyelenggara Sistem Elektronik"]
OCR = str.maketrans({"i": "l", "I": "l", "o": "0", "O": "0"})

PLANTED = {1: ("perbup", "PERATURAN BUPATI", "12", 2023), 2: ("kepbup", "KEPUTUSAN BUPATI", "188.45/123/HK/2023", 2023)}
QUERIES: dict[str, dict] = {
    "kata berimbuhan": {"text": "pengelolaan"},
    "kata dasar": {"text": "kelola"},
    "dua kata": {"text": "keamanan informasi"},
    "frasa": {"text": '"sistem pemerintahan berbasis elektronik"'},
    "sitasi singkat": {"text": "Perbup 12/2023"},
    "sitasi panjang": {"text": "Peraturan Bupati Nomor 12 Tahun 2023"},
    "nomor keputusan": {"text": "188.45/123/HK/2023"},
    "awalan": {"text": "interop*"},
    "filter tanpa kata": {"text": "", "kind": "perbup", "year": 2023},
    "kata + filter": {"text": "arsip", "kind": "perbup", "has_findings": False},
    "dilonggarkan": {"text": "arsip zzzyx"},
    "rusak": {"text": '"AND OR * (( arsip'},
}


def sentence(rng: random.Random) -> str:
    return f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(ADJUNCTS)}."


def damaged(text: str, rng: random.Random, rate: float) -> str:
    return " ".join(word.translate(OCR) if rng.random() < rate else word for word in text.split(" "))


def real_pages() -> list[list[str]]:
    """The text of every page of the shared regulations, per regulation (empty without the corpus)."""
    found = []
    for path in sorted(CORPUS.glob("*.pdf")):
        pages = [page.text for page in extract_file(path, detect_type(path), Limits(isolate=False)).pages]
        found.append([text for text in pages if text.strip()])
    return [pages for pages in found if pages]


def body(rng: random.Random, pages: int, pool: list[list[str]]) -> list[str]:
    """Consecutive pages of one real regulation, or generated articles without the corpus."""
    if pool:
        source = rng.choice(pool)
        start = rng.randrange(len(source))
        return [source[(start + offset) % len(source)] for offset in range(pages)]
    texts, article = [], 1
    for _page in range(pages):
        lines = []
        for _block in range(4):
            lines.append(f"Pasal {article}")
            lines.extend(f"({clause}) {sentence(rng)}" for clause in range(1, rng.randint(3, 6)))
            article += 1
        texts.append(damaged("\n".join(lines), rng, 0.02))
    return texts


def document(document_id: int, rng: random.Random, pages: int, pool: list[list[str]]) -> IndexedDocument:
    kind, jenis = rng.choice(KINDS)
    place, year = rng.choice(PLACES), rng.randint(2015, 2025)
    number = f"188.45/{rng.randint(1, 999)}/HK/{year}" if kind == "kepbup" else str(rng.randint(1, 60))
    if document_id in PLANTED:  # the targets of the citation queries
        kind, jenis, number, year = PLANTED[document_id]
    about = rng.choice(OBJECTS).upper()
    nomor = number if "/" in number else f"{number} TAHUN {year}"
    texts = [f"BUPATI {place}\nPROVINSI BALI\n{jenis} {place}\nNOMOR {nomor}\n"
             f"TENTANG\n{about}\nDENGAN RAHMAT TUHAN YANG MAHA ESA\nBUPATI {place},\n"
             f"Menimbang : a. bahwa {sentence(rng)}\nb. bahwa {sentence(rng)}\n"
             f"Mengingat : 1. {rng.choice(CITED)};\n2. {rng.choice(CITED)};"]
    texts.extend(body(rng, pages - 2, pool))
    enacted = date(year, 1, 1) + timedelta(days=rng.randint(0, 360))
    texts.append(f"Ditetapkan di Mangupura\npada tanggal {enacted.day} Maret {year}\nBUPATI {place},\nttd.\n"
                 f"Diundangkan di Mangupura\nBERITA DAERAH KABUPATEN {place} TAHUN {year} NOMOR {rng.randint(1, 60)}")
    return IndexedDocument(
        document_id=document_id, organisation_id=ORGANISATIONS[document_id % len(ORGANISATIONS)],
        title=f"{jenis.title()} {place.title()} Nomor {number} tentang {about.title()}",
        pages=list(enumerate(texts, start=1)), kind=kind, year=year, legal_number=number,
        legal_status=rng.choice(["ditetapkan", "diundangkan", "rancangan"]), has_findings=rng.random() < 0.3,
        confirmed=rng.random() < 0.5, indicators=[f"spbe-2020:{rng.randint(1, 47)}" for _ in range(rng.randint(0, 3))],
        enacted_on=enacted, uploaded_at=datetime(2026, 1, 1) + timedelta(minutes=document_id))


def documents(count: int, pages: int, pool: list[list[str]], seed: int = 2026) -> Iterator[IndexedDocument]:
    rng = random.Random(seed)
    for document_id in range(1, count + 1):
        yield document(document_id, rng, pages, pool)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=5000)
    parser.add_argument("--pages", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=40, help="runs of each query")
    parser.add_argument("--keep", type=Path, metavar="FOLDER",
                        help="build the index in FOLDER and, on later runs with the same corpus, reuse it "
                             "(the indexing figures are then skipped)")
    parser.add_argument("--only", action="append", metavar="KIND", choices=list(QUERIES),
                        help="measure only this kind of query (repeatable)")
    parser.add_argument("--backend", choices=("whoosh", "postgres"), default="whoosh")
    parser.add_argument("--database-url", help="with --backend postgres: an empty database to migrate and fill")
    options = parser.parse_args()
    if options.backend == "postgres" and not options.database_url:
        parser.error("--backend postgres needs --database-url")
    pool = real_pages()
    print(f"Body pages: {sum(map(len, pool))} real pages of {len(pool)} regulations" if pool
          else f"Body pages: generated ({CORPUS} not found)")
    # Grouped by organisation, as `indexing` hands documents to a rebuild.
    corpus = sorted(documents(options.documents, options.pages, pool), key=lambda item: item.organisation_id)
    with tempfile.TemporaryDirectory() as scratch:
        folder = options.keep or Path(scratch)
        label = f"{options.documents} documents of {options.pages} pages, schema {SCHEMA_VERSION}\n"
        marker = folder / "bench-corpus.txt"
        if (options.backend == "whoosh" and marker.exists() and marker.read_text() == label
                and not Index.open(folder / "index").needs_rebuild):
            print(f"Reusing the index in {folder}, built for {label.strip()}: no indexing figures")
        else:
            marker.unlink(missing_ok=True)
            build(folder / "index", corpus, options, pool)
            marker.write_text(label)
        ours = measure_queries(folder / "index", options)
    compare_with_fts5(corpus, options.repeat, ours)
    return 0


def build(path: Path, corpus: list[IndexedDocument], options: argparse.Namespace, pool: list[list[str]]) -> None:
    """Rebuild the index from the corpus, then add documents one per commit as uploads do; print the cost."""
    pages = sum(len(item.pages) for item in corpus)
    words = sum(len(text.split()) for item in corpus for _number, text in item.pages)
    index = open_index(path, options)
    analysis.stem.cache_clear()
    started = time.perf_counter()
    index.rebuild(corpus)
    rebuild = time.perf_counter() - started
    cache = analysis.stem.cache_info()
    extra = list(documents(30, options.pages, pool, seed=7))
    extra = [IndexedDocument(**{**vars(item), "document_id": 100_000 + item.document_id}) for item in extra]
    started = time.perf_counter()
    for item in extra:
        index.add_or_replace([item])
    incremental = time.perf_counter() - started
    stats = index.stats()
    print(f"Corpus: {options.documents} documents, {pages} pages, {words:,} words, "
          f"{len(ORGANISATIONS)} organisations")
    print(f"Rebuild: {rebuild:.1f} s, {options.documents / rebuild:.1f} docs/s, {pages / rebuild:.0f} pages/s")
    print(f"One per commit (uploads): {len(extra) / incremental:.1f} docs/s, "
          f"{1000 * incremental / len(extra):.0f} ms per {options.pages}-page document")
    distinct = {word for item in corpus for _number, text in item.pages
                for word in re.findall(analysis.WORD_PATTERN, text.lower())}
    analysis.stem.cache_clear()
    started = time.perf_counter()
    for word in distinct:
        analysis.stem(word)
    per_word = (time.perf_counter() - started) / max(1, len(distinct))
    print(f"Stem cache after rebuild: {cache.currsize:,} distinct words, {cache.hits:,} hits, "
          f"{cache.misses:,} misses")
    print(f"Sastrawi: {1e6 * per_word:.0f} µs a word, so {per_word * cache.misses:.1f} s of the rebuild; "
          f"stemming every token instead would take {per_word * (cache.hits + cache.misses):.0f} s")
    print(f"Index ({options.backend}): {stats.size_bytes / 1e6:.1f} MB for {stats.documents} documents / "
          f"{stats.pages} pages; TOC {stats.toc_bytes / 1000:.1f} KB")
    print(f"Indexing: {words / rebuild:,.0f} words/s")


def measure_queries(path: Path, options: argparse.Namespace) -> dict[str, float]:
    """The first search after opening, then p50/p95 of each kind of query; returns the wall-clock p95s."""
    index = open_index(path, options)  # as a freshly started server finds it
    started = time.perf_counter()
    index.search(SearchQuery(organisation_ids=[ORGANISATIONS[0]], text="arsip"))
    print(f"First search after opening (reads the filter and facet columns): "
          f"{1000 * (time.perf_counter() - started):.0f} ms")
    print(f"\n{'query (one organisation)':<20} {'hits':>5} {'p50 ms':>8} {'p95 ms':>8} {'p95 CPU ms':>11}")
    ours: dict[str, float] = {}
    for name, fields in QUERIES.items():
        if options.only and name not in options.only:
            continue
        timings, cpu, totals = [], [], []
        for run in range(options.repeat):
            query = SearchQuery(organisation_ids=[ORGANISATIONS[run % len(ORGANISATIONS)]], **fields)
            started, started_cpu = time.perf_counter(), time.process_time()
            totals.append(index.search(query).total)
            timings.append(1000 * (time.perf_counter() - started))
            cpu.append(1000 * (time.process_time() - started_cpu))
        ours[name] = percentile(timings, 0.95)
        print(f"{name:<20} {max(totals):>5} {statistics.median(timings):8.1f} {percentile(timings, 0.95):8.1f} "
              f"{percentile(cpu, 0.95):11.1f}")
    print(f"Worst p95: {max(ours.values()):.1f} ms; queries with p95 under 50 ms: "
          f"{sum(value < 50 for value in ours.values())} of {len(ours)}")
    return ours


def open_index(path: Path, options: argparse.Namespace) -> Index | PostgresIndex:
    """The Whoosh folder, or the PostgreSQL search tables (migrated on first use)."""
    if options.backend == "whoosh":
        return Index.open(path)
    from sqlalchemy import create_engine

    engine = create_engine(options.database_url)
    db.upgrade(engine)
    return PostgresIndex(engine)


def fts5_match(text: str) -> str | None:
    """The nearest FTS5 query: words (no stemming: FTS5 has no Indonesian stemmer), or the phrase."""
    if text.startswith('"') and text.endswith('"') and text.count('"') == 2:
        return text
    words = re.findall(r"[0-9A-Za-z]+", text)
    return " ".join(f'"{word}"' for word in words) or None


def compare_with_fts5(corpus: list[IndexedDocument], repeat: int, ours: dict[str, float]) -> None:
    """The same page texts in SQLite FTS5 (unicode61), the same text queries: the reference to watch."""
    connection = sqlite3.connect(":memory:")
    connection.execute("CREATE VIRTUAL TABLE pages USING fts5(text, document UNINDEXED, organisation UNINDEXED, "
                        "tokenize='unicode61 remove_diacritics 2')")
    started = time.perf_counter()
    connection.executemany("INSERT INTO pages (text, document, organisation) VALUES (?, ?, ?)",
                           [(text, item.document_id, item.organisation_id) for item in corpus
                            for _number, text in item.pages])
    connection.commit()
    print(f"\nSQLite FTS5 reference: indexed in {time.perf_counter() - started:.1f} s")
    print(f"{'query (one organisation)':<20} {'FTS5 p95':>9} {'ours p95':>9} {'ratio':>6}")
    ratios = []
    for name, fields in QUERIES.items():
        if name not in ours:
            continue
        match = fts5_match(fields.get("text", ""))
        if match is None:
            continue
        timings = []
        for run in range(repeat):
            started = time.perf_counter()
            connection.execute("SELECT DISTINCT document FROM pages WHERE pages MATCH ? AND organisation = ? "
                               "ORDER BY rank LIMIT 20", (match, ORGANISATIONS[run % len(ORGANISATIONS)])).fetchall()
            timings.append(1000 * (time.perf_counter() - started))
        reference = max(percentile(timings, 0.95), 0.01)
        ratios.append(ours[name] / reference)
        print(f"{name:<20} {reference:9.1f} {ours[name]:9.1f} {ours[name] / reference:6.1f}")
    print(f"Median ratio of our p95 to FTS5's: {statistics.median(ratios):.1f}x "
          f"(FTS5 does no stemming, citations, facets or snippets here)")


if __name__ == "__main__":
    sys.exit(main())
