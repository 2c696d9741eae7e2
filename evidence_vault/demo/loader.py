"""A demo organisation with a handful of generated documents, so a newcomer sees a real vault."""

from __future__ import annotations

import io
import secrets
from dataclasses import dataclass

from sqlalchemy.engine import Engine

from ..config import Settings
from ..db import session_scope
from ..models import Document, OrganisationKind, Role
from ..pipeline import indexing, ingest
from ..records import accounts, claims, links, organisations, periods
from . import samples

DEMO_ORG_CODE = "demo"
DEMO_EMAIL = "koordinator@demo.go.id"

PERBUP = """BUPATI CONTOH
PROVINSI CONTOH

PERATURAN BUPATI CONTOH
NOMOR 12 TAHUN 2023

TENTANG

KEBIJAKAN INTERNAL MANAJEMEN DATA

DENGAN RAHMAT TUHAN YANG MAHA ESA

BUPATI CONTOH,

Menimbang : a. bahwa untuk mewujudkan tata kelola data yang akurat, mutakhir dan terpadu perlu disusun kebijakan manajemen data;
Mengingat : 1. Peraturan Presiden Nomor 95 Tahun 2018 tentang Sistem Pemerintahan Berbasis Elektronik;
            2. Peraturan Presiden Nomor 39 Tahun 2019 tentang Satu Data Indonesia;

MEMUTUSKAN:
Menetapkan : PERATURAN BUPATI TENTANG KEBIJAKAN INTERNAL MANAJEMEN DATA.

Pasal 1
Manajemen data meliputi arsitektur data, data induk, data referensi, basis data, kualitas data dan interoperabilitas data.

Pasal 2
Pengelolaan data dilaksanakan oleh seluruh perangkat daerah dan dikoordinasikan oleh Dinas Komunikasi dan Informatika."""

PERBUP_END = """Pasal 3
Peraturan Bupati ini mulai berlaku pada tanggal diundangkan.

Ditetapkan di Contoh
pada tanggal 14 Maret 2023
BUPATI CONTOH,
ttd.
I GEDE CONTOH

Diundangkan di Contoh
pada tanggal 15 Maret 2023
SEKRETARIS DAERAH KABUPATEN CONTOH,
ttd.
NI MADE CONTOH

BERITA DAERAH KABUPATEN CONTOH TAHUN 2023 NOMOR 12"""

KEPUTUSAN = """KEPUTUSAN BUPATI CONTOH
NOMOR 188.45/123/HK/2023

TENTANG

PEMBENTUKAN TIM KOORDINASI SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK

BUPATI CONTOH,

MEMUTUSKAN:
Menetapkan :
KESATU : Membentuk Tim Koordinasi SPBE dengan susunan keanggotaan sebagaimana tercantum dalam Lampiran.
KEDUA : Tim Koordinasi SPBE bertugas mengarahkan, memantau dan mengevaluasi penerapan SPBE.

Ditetapkan di Contoh
pada tanggal 2 Februari 2023
BUPATI CONTOH,
ttd.
I GEDE CONTOH"""

RANCANGAN_SE = """RANCANGAN
SURAT EDARAN BUPATI CONTOH
NOMOR ... TAHUN 2024
TENTANG
PENGGUNAAN LAYANAN PUSAT DATA DAERAH

Dalam rangka efisiensi infrastruktur, seluruh perangkat daerah diminta menempatkan aplikasinya pada pusat data daerah."""

NOTULEN = """NOTULEN RAPAT REVIU KEBIJAKAN MANAJEMEN DATA
Hari/tanggal : Kamis, 7 Agustus 2025
Tempat : Ruang Rapat Dinas Komunikasi dan Informatika

Hasil reviu:
1. Peraturan Bupati Contoh Nomor 12 Tahun 2023 telah dilaksanakan oleh 18 perangkat daerah.
2. Perlu penyesuaian dengan kebijakan Satu Data Indonesia terbaru."""


@dataclass(frozen=True)
class DemoLogin:
    email: str
    password: str
    organisation: str


def demo_files() -> list[tuple[str, bytes]]:
    """The demo documents: regulations, a decree, an SOP, a report, minutes, a draft and a scan."""
    return [
        ("Perbup 12 Tahun 2023 Manajemen Data.pdf", samples.pdf_document([PERBUP, PERBUP_END])),
        ("SK Tim Koordinasi SPBE 2023.pdf", samples.pdf_document([KEPUTUSAN])),
        ("Rancangan SE Pusat Data.pdf", samples.pdf_document([RANCANGAN_SE])),
        ("Notulen Reviu Kebijakan Data 2025.pdf", samples.pdf_document([NOTULEN])),
        ("SOP Permintaan Data.docx", samples.docx_document(
            ["STANDAR OPERASIONAL PROSEDUR", "PERMINTAAN DAN BERBAGI PAKAI DATA",
             "Tujuan: memastikan permintaan data antar perangkat daerah terlayani tepat waktu.",
             "Prosedur", "1. Pemohon mengajukan permintaan melalui portal Satu Data.",
             "2. Walidata memverifikasi permintaan paling lama 3 hari kerja."],
            table=[["No", "Kegiatan", "Pelaksana", "Waktu"],
                   ["1", "Mengajukan permintaan", "Pemohon", "1 hari"],
                   ["2", "Verifikasi", "Walidata", "3 hari"]],
            header="PEMERINTAH KABUPATEN CONTOH - DINAS KOMUNIKASI DAN INFORMATIKA",
            footer="SOP Diskominfo Kabupaten Contoh",
        )),
        ("Laporan Kinerja Layanan SPBE 2024.docx", samples.docx_document(
            ["LAPORAN KINERJA LAYANAN SPBE TAHUN 2024",
             "Bab I Pendahuluan: laporan ini memuat capaian layanan administrasi dan layanan publik berbasis elektronik.",
             "Bab II Capaian: 42 aplikasi telah terdaftar dan 12 layanan terintegrasi melalui sistem penghubung layanan."],
            page_break_before=[2],
        )),
        ("Pindaian SK Walidata.pdf", samples.scanned_pdf([[
            "KEPUTUSAN KEPALA DINAS KOMUNIKASI DAN INFORMATIKA",
            "NOMOR 800/45/DISKOMINFO/2024",
            "TENTANG PENUNJUKAN WALIDATA",
        ]])),
    ]


def load_demo(engine: Engine, settings: Settings) -> DemoLogin:
    """Create (or refresh) the demo organisation and login; safe to run again.

    The password is new on every run and only printed, never stored in plain text.
    """
    password = secrets.token_urlsafe(12)
    with session_scope(engine) as session:
        organisation = organisations.find(session, DEMO_ORG_CODE) or organisations.create_organisation(
            session, "Pemerintah Kabupaten Contoh", OrganisationKind.REGENCY, code=DEMO_ORG_CODE,
            region="Provinsi Contoh",
        )
        user = accounts.find_by_email(session, DEMO_EMAIL)
        if user is None:
            accounts.create_user(session, DEMO_EMAIL, password, Role.COORDINATOR, organisation,
                                 full_name="Koordinator Demo")
        else:
            accounts.set_password(session, user, password)
        organisation_id, name = organisation.id, organisation.name
        user_id = accounts.find_by_email(session, DEMO_EMAIL).id  # type: ignore[union-attr]
    with session_scope(engine) as session:
        organisation = organisations.get_by_code(session, DEMO_ORG_CODE)
        if periods.current_period(session, organisation.id) is None:
            periods.create_period(session, organisation, 2025, label="Evaluasi SPBE 2025")
    results = [ingest.ingest_stream(engine, settings, io.BytesIO(content), filename, organisation_id, user_id)
               for filename, content in demo_files()]
    _link_and_claim(engine, results[0].document_id, user_id)
    if results[0].document_id:
        indexing.sync(settings, engine, [results[0].document_id])
    return DemoLogin(DEMO_EMAIL, password, name)


def _link_and_claim(engine: Engine, perbup_id: int | None, user_id: int | None) -> None:
    """The Perbup on data management supports indicator 3; the team claims level 4 for it."""
    with session_scope(engine) as session:
        perbup = session.get(Document, perbup_id) if perbup_id else None
        period = periods.current_period(session, perbup.organisation_id) if perbup else None
        if perbup is None or period is None:
            return
        if not any(link.indicator == "3" and link.state != links.SUGGESTED
                   for link in links.links_of_document(session, perbup.id)):
            links.link(session, perbup, period.framework, "3", links.LinkDetails(level=3, pasal="Pasal 1", page=1),
                       user_id)
        if claims.claim_of(session, period.id, "3") is None:
            claims.set_claim(session, period, "3", 4, "Perbup 12/2023 mengatur seluruh proses manajemen data; "
                             "reviu dilakukan Agustus 2025 (notulen terlampir).", user_id)
