"""Search: indexing time, index size and query latency per kind of query, against SQLite FTS5.

Run with `python bench/search_bench.py --backend whoosh|postgres --corpus generated|uu`
(`make bench` runs Whoosh on the generated set, PostgreSQL on both). Two corpora:

- `generated` (the default): 5,000 generated documents of 10 pages over five
  organisations; each has a generated heading page (jenis, nomor, tahun,
  Menimbang/Mengingat citing other instruments) and body pages taken in order from the
  real regulations of `../shared/corpus/regulations` (666 pages of real vocabulary and OCR
  damage); without that corpus, body pages are generated and the figures flatter the
  stemmer.
- `uu`: the 1,535 real Undang-Undang of `../shared/corpus/peraturan-text/uu/` (6.6 million
  words), each in pages of about 350 words, held by each of ten organisations: 15,350
  documents, 66 million words.

The documents go through the index's own writer (`rebuild`, as `evidence-vault reindex`
does, then `add_or_replace` one document per commit as uploads do), never through SQL of
the benchmark's own. With `--backend postgres` and no `--database-url`, a throwaway
PostgreSQL cluster is started as the tests start one (`tests/services.py`: a temporary
folder, a free port, removed afterwards), so no running server is needed.

Every query is scoped to one organisation (the next one on each run) and runs `--repeat`
times. Printed for each kind of query: hits, p50 and p95 wall clock, the same for SQLite
FTS5 on the same pages (the reference: C, no stemming, citations, facets or snippets) and
the ratio, the benchmark process's memory (RSS), PostgreSQL's (the cluster's processes,
PSS) and the machine's load, which a shared machine needs beside every figure.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import signal
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # tests.services: the throwaway PostgreSQL cluster the tests use

from evidence_vault import db  # noqa: E402
from evidence_vault.extract import Limits, detect_type, extract_file  # noqa: E402
from evidence_vault.search import Index, IndexedDocument, PostgresIndex, SearchQuery, analysis  # noqa: E402
from evidence_vault.search.schema import SCHEMA_VERSION  # noqa: E402

SHARED = ROOT.parent / "shared" / "corpus"
CORPUS = SHARED / "regulations"
UU = SHARED / "peraturan-text" / "uu"

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
GENERATED_QUERIES: dict[str, dict] = {
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
    "NOT": {"text": "arsip -elektronik"},
    "OR": {"text": "kearsipan OR interoperabilitas"},
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


# --- the UU corpus -------------------------------------------------------------------------------

UU_ORGANISATIONS = list(range(1, 11))
WORDS_PER_PAGE = 350
_SUBJECT = re.compile(r"TENTANG\s+(.{3,160}?)(?:\s+DENGAN RAHMAT|\s+Menimbang|\n|$)", re.IGNORECASE)
# name: (the brief's kind of query, the query, the nearest FTS5 MATCH or None for filters only)
UU_QUERIES: dict[str, dict] = {
    "kata berimbuhan": {"text": "pengelolaan"},
    "kata umum": {"text": "negara"},
    "dua kata": {"text": "perlindungan konsumen"},
    "frasa": {"text": '"transaksi elektronik"'},
    "NOT": {"text": "perikanan -laut"},
    "OR": {"text": "narkotika OR psikotropika"},
    "awalan": {"text": "telekom*"},
    "sitasi singkat": {"text": "UU 11/2008"},
    "sitasi panjang": {"text": "Undang-Undang Nomor 11 Tahun 2008"},
    "filter tanpa kata": {"text": "", "kind": "uu", "year": 2008},
    "kata + filter": {"text": "pidana", "year": 2009},
    "dilonggarkan": {"text": "perikanan zzzyx"},
}
GROUPS = {"kata berimbuhan": "words", "kata dasar": "words", "kata umum": "words", "dua kata": "words",
          "frasa": "phrase", "NOT": "NOT", "OR": "OR", "awalan": "prefix", "sitasi singkat": "citation",
          "sitasi panjang": "citation", "nomor keputusan": "citation", "filter tanpa kata": "facets",
          "kata + filter": "facets", "dilonggarkan": "words", "rusak": "words"}


@dataclass(frozen=True)
class Statute:
    year: int
    number: str
    title: str
    pages: list[tuple[int, str]]


def paginate(text: str) -> list[tuple[int, str]]:
    """Pages of about WORDS_PER_PAGE words, cut at line ends (a longer line is cut between words)."""
    pages: list[str] = []
    current: list[str] = []
    count = 0
    for line in text.splitlines():
        words = line.split()
        while len(words) > WORDS_PER_PAGE:
            pages.append(" ".join(words[:WORDS_PER_PAGE]))
            words = words[WORDS_PER_PAGE:]
        current.append(" ".join(words))
        count += len(words)
        if count >= WORDS_PER_PAGE:
            pages.append("\n".join(current))
            current, count = [], 0
    if count:
        pages.append("\n".join(current))
    return list(enumerate(pages, start=1))


def statutes() -> list[Statute]:
    """Every Undang-Undang of the shared corpus, read once (the ten organisations share the strings)."""
    found = []
    for path in sorted(UU.glob("*/*.md"), key=lambda path: (int(path.parent.name), path.stem)):
        text = path.read_text(encoding="utf-8", errors="replace")
        subject = _SUBJECT.search(text[:2000])
        year, number = int(path.parent.name), path.stem
        title = f"Undang-Undang Nomor {number} Tahun {year}" + (
            f" tentang {subject.group(1).strip().title()}" if subject else "")
        found.append(Statute(year, number, title, paginate(text)))
    return found


def uu_documents(laws: list[Statute], organisations: list[int], first_id: int = 1) -> Iterator[IndexedDocument]:
    """Each organisation holds every statute, grouped by organisation as `indexing` hands them to a rebuild."""
    rng = random.Random(18)
    document_id = first_id
    for organisation in organisations:
        for law in laws:
            yield IndexedDocument(
                document_id=document_id, organisation_id=organisation, title=law.title, pages=law.pages,
                kind="uu", year=law.year, legal_number=law.number, legal_status="diundangkan",
                has_findings=rng.random() < 0.2, confirmed=rng.random() < 0.5,
                indicators=[f"spbe-2020:{rng.randint(1, 47)}" for _ in range(rng.randint(0, 2))],
                enacted_on=date(law.year, 1, 1) + timedelta(days=rng.randint(0, 360)),
                uploaded_at=datetime(2026, 1, 1) + timedelta(minutes=document_id))
            document_id += 1


# --- measuring -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Corpus:
    name: str
    organisations: list[int]
    queries: dict[str, dict]
    documents: Callable[[], Iterable[IndexedDocument]]  # a new pass over every document
    extra: Callable[[], list[IndexedDocument]]  # 30 more, added one per commit
    label: str


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load {one:.2f} {five:.2f} {fifteen:.2f} on {os.cpu_count()} cores"


def rss_mb() -> tuple[float, float]:
    """This process's resident memory now and at its peak, MB."""
    fields = dict(line.split(":", 1) for line in Path("/proc/self/status").read_text().splitlines() if ":" in line)
    return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024


class PostgresMemory:
    """The proportional set size of a throwaway cluster's processes (postmaster and its children), MB."""

    def __init__(self, data: Path | None) -> None:
        self.data = data

    def __call__(self) -> float | None:
        if self.data is None or not (self.data / "postmaster.pid").exists():
            return None
        postmaster = int((self.data / "postmaster.pid").read_text().split()[0])
        total = 0
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
                if int(entry.name) != postmaster and parent != postmaster:
                    continue
                rollup = (entry / "smaps_rollup").read_text()
            except (OSError, ValueError, IndexError):
                continue
            found = re.search(r"^Pss:\s+(\d+) kB", rollup, re.MULTILINE)
            total += int(found.group(1)) if found else 0
        return total / 1024


def generated_corpus(options: argparse.Namespace) -> Corpus:
    pool = real_pages()
    print(f"Body pages: {sum(map(len, pool))} real pages of {len(pool)} regulations" if pool
          else f"Body pages: generated ({CORPUS} not found)")
    # Grouped by organisation, as `indexing` hands documents to a rebuild.
    corpus = sorted(documents(options.documents, options.pages, pool), key=lambda item: item.organisation_id)

    def extra() -> list[IndexedDocument]:
        return [IndexedDocument(**{**vars(item), "document_id": 100_000 + item.document_id})
                for item in documents(30, options.pages, pool, seed=7)]

    return Corpus("generated", ORGANISATIONS, GENERATED_QUERIES, lambda: corpus, extra,
                  f"{options.documents} generated documents of {options.pages} pages, schema {SCHEMA_VERSION}\n")


def uu_corpus(options: argparse.Namespace) -> Corpus:
    if not UU.is_dir():
        raise SystemExit(f"the UU corpus is not at {UU}")
    laws = statutes()
    organisations = UU_ORGANISATIONS[:options.organisations]
    count = len(laws) * len(organisations)

    def extra() -> list[IndexedDocument]:
        return list(uu_documents(laws[::50][:30], [organisations[0]], first_id=1_000_000))

    return Corpus("uu", organisations, UU_QUERIES, lambda: uu_documents(laws, organisations), extra,
                  f"{len(laws)} statutes x {len(organisations)} organisations = {count}, schema {SCHEMA_VERSION}\n")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", choices=("whoosh", "postgres"), default="whoosh")
    parser.add_argument("--corpus", choices=("generated", "uu"), default="generated")
    parser.add_argument("--documents", type=int, default=5000, help="generated corpus: how many documents")
    parser.add_argument("--pages", type=int, default=10, help="generated corpus: pages per document")
    parser.add_argument("--organisations", type=int, default=10, help="uu corpus: how many organisations hold it")
    parser.add_argument("--repeat", type=int, default=40, help="runs of each query")
    parser.add_argument("--keep", type=Path, metavar="FOLDER",
                        help="whoosh: build the index in FOLDER and, on later runs with the same corpus, reuse it "
                             "(the indexing figures are then skipped)")
    parser.add_argument("--only", action="append", metavar="KIND", help="measure only this kind of query (repeatable)")
    parser.add_argument("--database-url", help="postgres: an empty database to migrate and fill, instead of a "
                                               "throwaway cluster")
    parser.add_argument("--reuse", action="store_true",
                        help="postgres with --database-url: when the tables already hold this corpus (a run before "
                             "filled them), measure the queries only")
    options = parser.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # a stopped run still removes its cluster
    print(f"Search benchmark, {options.backend} on the {options.corpus} corpus; {load()} at the start")
    corpus = generated_corpus(options) if options.corpus == "generated" else uu_corpus(options)
    with ExitStack() as stack:
        url = options.database_url
        memory = PostgresMemory(_cluster_data(url))
        if options.backend == "postgres" and url is None:
            from tests.services import postgres_cluster

            cluster = stack.enter_context(postgres_cluster())
            url = cluster.url("search_bench")
            memory = PostgresMemory(cluster.folder / "data")
            print(f"A throwaway PostgreSQL cluster ({cluster.binaries.parent.name}) on port {cluster.port}")
        folder = options.keep or Path(stack.enter_context(tempfile.TemporaryDirectory()))
        marker = folder / "bench-corpus.txt"
        index_path = folder / "index"
        if (options.backend == "whoosh" and marker.exists() and marker.read_text() == corpus.label
                and not Index.open(index_path).needs_rebuild):
            print(f"Reusing the index in {folder}, built for {corpus.label.strip()}: no indexing figures")
        elif options.backend == "postgres" and options.reuse and _holds(url, corpus):
            print(f"Reusing the search tables of {url}, filled with {corpus.label.strip()}: no indexing figures")
        else:
            marker.unlink(missing_ok=True)
            build(open_index(index_path, options.backend, url), corpus, options.backend, memory)
            marker.write_text(corpus.label)
        ours = measure_queries(open_index(index_path, options.backend, url), corpus, options, memory)
    reference = measure_fts5(corpus, options)
    report(ours, reference, options, corpus)
    return 0


def _cluster_data(url: str | None) -> Path | None:
    """The data folder of a throwaway cluster named by its socket folder (`?host=/tmp/...`), else None."""
    found = re.search(r"host=([^&]+)", url or "")
    return Path(found.group(1)) / "data" if found and (Path(found.group(1)) / "data").is_dir() else None


def _holds(url: str | None, corpus: Corpus) -> bool:
    """Whether the search tables hold this corpus and the documents added after it, and nothing else."""
    from sqlalchemy import create_engine, text

    engine = create_engine(url)  # type: ignore[arg-type]
    try:
        with engine.connect() as connection:
            held = connection.execute(text("SELECT count(*) FROM search_document")).scalar_one()
    except Exception:  # noqa: BLE001 - not migrated yet: nothing to reuse
        return False
    finally:
        engine.dispose()
    return held == sum(1 for _document in corpus.documents()) + len(corpus.extra())


def build(index: Index | PostgresIndex, corpus: Corpus, backend: str, memory: PostgresMemory) -> None:
    """Rebuild the index from the corpus, then add documents one per commit as uploads do; print the cost."""
    count = pages = words = 0
    for item in corpus.documents():
        count += 1
        pages += len(item.pages)
        words += sum(len(text.split()) for _number, text in item.pages)
    analysis.stem.cache_clear()
    print(f"Corpus: {corpus.label.strip()}: {count:,} documents, {pages:,} pages, {words:,} words, "
          f"{len(corpus.organisations)} organisations ({load()})")
    started, started_cpu = time.perf_counter(), time.process_time()
    index.rebuild(corpus.documents())
    rebuild, rebuild_cpu = time.perf_counter() - started, time.process_time() - started_cpu
    cache = analysis.stem.cache_info()
    extra = corpus.extra()
    started = time.perf_counter()
    for item in extra:
        index.add_or_replace([item])
    incremental = time.perf_counter() - started
    stats = index.stats()
    now, peak = rss_mb()
    server = memory()
    print(f"Rebuild ({backend}): {rebuild:.0f} s wall, {rebuild_cpu:.0f} s CPU of this process; "
          f"{count / rebuild:.1f} docs/s, {pages / rebuild:.0f} pages/s, {words / rebuild:,.0f} words/s ({load()})")
    print(f"One per commit (uploads): {len(extra) / incremental:.1f} docs/s, "
          f"{1000 * incremental / len(extra):.0f} ms per document of "
          f"{sum(len(item.pages) for item in extra) / len(extra):.0f} pages")
    print(f"Stem cache after rebuild: {cache.currsize:,} distinct words, {cache.hits:,} hits, {cache.misses:,} misses")
    print(f"Index ({backend}): {stats.size_bytes / 1e6:,.0f} MB for {stats.documents:,} documents / "
          f"{stats.pages:,} pages" + (f"; TOC {stats.toc_bytes / 1000:.1f} KB" if stats.toc_bytes else ""))
    print(f"Memory: this process {now:.0f} MB now, {peak:.0f} MB at its peak"
          + (f"; PostgreSQL {server:.0f} MB (PSS)" if server is not None else ""))


@dataclass(frozen=True)
class Figures:
    hits: int
    p50: float
    p95: float
    cpu95: float
    rss: float
    server: float | None
    load: float


def measure_queries(index: Index | PostgresIndex, corpus: Corpus, options: argparse.Namespace,
                    memory: PostgresMemory) -> dict[str, Figures]:
    """The first search after opening, then p50/p95 of each kind of query, one organisation at a time."""
    started = time.perf_counter()
    index.search(SearchQuery(organisation_ids=[corpus.organisations[0]], text="arsip"))
    print(f"First search after opening: {1000 * (time.perf_counter() - started):.0f} ms ({load()})")
    ours: dict[str, Figures] = {}
    for name, fields in corpus.queries.items():
        if options.only and name not in options.only:
            continue
        timings, cpu, totals = [], [], []
        for run in range(options.repeat):
            query = SearchQuery(organisation_ids=[corpus.organisations[run % len(corpus.organisations)]], **fields)
            started, started_cpu = time.perf_counter(), time.process_time()
            totals.append(index.search(query).total)
            timings.append(1000 * (time.perf_counter() - started))
            cpu.append(1000 * (time.process_time() - started_cpu))
        ours[name] = Figures(max(totals), statistics.median(timings), percentile(timings, 0.95),
                             percentile(cpu, 0.95), rss_mb()[0], memory(), os.getloadavg()[0])
        print(f"  {name}: p50 {ours[name].p50:.1f} ms, p95 {ours[name].p95:.1f} ms ({load()})", flush=True)
    return ours


def open_index(path: Path, backend: str, url: str | None) -> Index | PostgresIndex:
    """The Whoosh folder, or the PostgreSQL search tables (migrated on first use)."""
    if backend == "whoosh":
        return Index.open(path)
    from sqlalchemy import create_engine

    engine = create_engine(url)  # type: ignore[arg-type]
    db.upgrade(engine)
    return PostgresIndex(engine)


def fts5_match(text: str) -> str | None:
    """The nearest FTS5 query: words (no stemming: FTS5 has no Indonesian stemmer), phrases, NOT, OR, prefixes."""
    parts = []
    for phrase, word in re.findall(r'"([^"]*)"|(\S+)', text):
        if phrase:
            parts.append('"' + " ".join(re.findall(r"[0-9A-Za-z]+", phrase)) + '"')
        elif word == "OR":
            parts.append("OR")
        elif word.startswith("-") and len(word) > 1:
            parts.append(f'NOT "{word[1:]}"')
        elif word.endswith("*") and re.fullmatch(r"[A-Za-z]{3,}\*", word):
            parts.append(f'"{word[:-1]}"*')
        else:
            parts += [f'"{token}"' for token in re.findall(r"[0-9A-Za-z]+", word)]
    while parts and parts[0] in ("OR",):
        parts.pop(0)
    return " ".join(parts) or None


@dataclass(frozen=True)
class Reference:
    p50: float
    p95: float


def measure_fts5(corpus: Corpus, options: argparse.Namespace) -> dict[str, Reference]:
    """The same page texts in SQLite FTS5 (unicode61), the same queries in one organisation: the reference."""
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "fts5.sqlite"
        connection = sqlite3.connect(path)
        connection.execute("CREATE VIRTUAL TABLE pages USING fts5(text, document UNINDEXED, organisation UNINDEXED, "
                           "tokenize='unicode61 remove_diacritics 2')")
        connection.execute("CREATE TABLE docs (document INTEGER PRIMARY KEY, organisation INTEGER, kind TEXT, "
                           "year INTEGER)")
        started = time.perf_counter()
        for item in corpus.documents():
            connection.executemany("INSERT INTO pages (text, document, organisation) VALUES (?, ?, ?)",
                                   [(text, item.document_id, item.organisation_id) for _number, text in item.pages])
            connection.execute("INSERT INTO docs VALUES (?, ?, ?, ?)",
                               (item.document_id, item.organisation_id, item.kind, item.year))
        connection.execute("CREATE INDEX docs_organisation ON docs (organisation, kind, year)")
        connection.commit()
        indexed = time.perf_counter() - started
        connection.execute("PRAGMA wal_checkpoint")
        print(f"\nSQLite FTS5 reference: indexed in {indexed:.0f} s, {path.stat().st_size / 1e6:,.0f} MB ({load()})")
        found: dict[str, Reference] = {}
        for name, fields in corpus.queries.items():
            if options.only and name not in options.only:
                continue
            statement, bound = _fts5_statement(fields)
            timings = []
            for run in range(options.repeat):
                organisation = corpus.organisations[run % len(corpus.organisations)]
                started = time.perf_counter()
                connection.execute(statement, [organisation, *bound]).fetchall()
                timings.append(1000 * (time.perf_counter() - started))
            found[name] = Reference(statistics.median(timings), percentile(timings, 0.95))
        connection.close()
    return found


def _fts5_statement(fields: dict) -> tuple[str, list[object]]:
    """Documents of one organisation matching, best first; with filters, also their count per year (a facet)."""
    match = fts5_match(fields.get("text", ""))
    filters = [(column, fields[column]) for column in ("kind", "year") if fields.get(column) is not None]
    where = "".join(f" AND d.{column} = ?" for column, _value in filters)
    values = [value for _column, value in filters]
    if match is None:
        return f"SELECT d.year, count(*) FROM docs d WHERE d.organisation = ?{where} GROUP BY d.year", values
    if filters:
        return (f"SELECT d.year, count(DISTINCT p.document) FROM pages p JOIN docs d ON d.document = p.document "
                f"WHERE p.organisation = ? AND pages MATCH ?{where} GROUP BY d.year", [match, *values])
    return ("SELECT DISTINCT document FROM pages WHERE organisation = ? AND pages MATCH ? ORDER BY rank LIMIT 20",
            [match])


def report(ours: dict[str, Figures], reference: dict[str, Reference], options: argparse.Namespace,
           corpus: Corpus) -> None:
    """One table: our figures, FTS5's beside them, the ratios, memory and load; then the targets."""
    print(f"\n{options.backend} on {corpus.label.strip()}, {options.repeat} runs per query, each in one "
          f"organisation of {len(corpus.organisations)}")
    print(f"{'query':<18} {'kind':<8} {'hits':>5} {'p50 ms':>7} {'p95 ms':>7} {'CPU p95':>7} "
          f"{'FTS5 p50':>8} {'FTS5 p95':>8} {'x p50':>6} {'x p95':>6} {'RSS MB':>6} {'PG MB':>6} {'load':>5}")
    ratios = []
    for name, figures in ours.items():
        fts = reference[name]
        ratio50 = figures.p50 / max(fts.p50, 0.01)
        ratio95 = figures.p95 / max(fts.p95, 0.01)
        ratios.append(ratio50)
        server = f"{figures.server:6.0f}" if figures.server is not None else f"{'-':>6}"
        print(f"{name:<18} {GROUPS.get(name, ''):<8} {figures.hits:>5} {figures.p50:7.1f} {figures.p95:7.1f} "
              f"{figures.cpu95:7.1f} {fts.p50:8.2f} {fts.p95:8.2f} {ratio50:6.1f} {ratio95:6.1f} "
              f"{figures.rss:6.0f} {server} {figures.load:5.2f}")
    worst = max(figures.p95 for figures in ours.values())
    median_ratio = statistics.median(ratios)
    limit = 100 if options.backend == "postgres" else 50
    print(f"Worst p95: {worst:.1f} ms; kinds of query with p95 under {limit} ms: "
          f"{sum(figures.p95 < limit for figures in ours.values())} of {len(ours)}; "
          f"median over the kinds of our p50 / FTS5's p50: {median_ratio:.1f}x ({load()} at the end)")
    if options.backend == "postgres" and options.corpus == "uu":
        print(f"Targets (PostgreSQL at 15,000 documents): p95 < 100 ms for every kind: "
              f"{'met' if worst < 100 else 'NOT met'}; within 3x of FTS5 at the median: "
              f"{'met' if median_ratio <= 3 else 'NOT met'}")
    if options.backend == "whoosh" and options.corpus == "generated":
        print(f"Target (Whoosh at 5,000 documents): p95 < 50 ms for every kind: {'met' if worst < 50 else 'NOT met'}")


if __name__ == "__main__":
    sys.exit(main())
