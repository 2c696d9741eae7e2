"""The documents of Kabupaten Sindangraja's vault for the SPBE 2020 conformance table.

Every document is uploaded once (one bulk ingest, shared by all cases); a case links the
ones it names to its indicator, audits, and unlinks them. Documents are grouped by the
indicator type they serve; each says what it is, the kind and legal status it must be
read as, and how it is rendered (`pdf`, `docx`, `scan` = image-only PDF through OCR,
`png` = one photographed page through OCR).

Dates are chosen against the period's assessment date, 30 June 2025 (SPBE 2020's default
`as_of = "06-30"`), and against the other as-of dates the date cases ask for: a review is
"younger than 2 years" when it is dated after 30 June 2023, a budget document "younger than
3 years" after 30 June 2022.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date as D

from . import documents as d
from .documents import NEIGHBOUR


@dataclass(frozen=True)
class Doc:
    text: str
    kind: str  # the kind (legal/kinds.py) the vault must read it as
    status: str | None = None  # legal status it must be read as: rancangan | ditetapkan | diundangkan
    render: str = "pdf"
    note: str = ""

    @property
    def extension(self) -> str:
        return {"pdf": "pdf", "scan": "pdf", "docx": "docx", "png": "png"}[self.render]


# Content of policies on data management (indicator 3: covers at level 3 and 4).
SIX_DATA = ("Manajemen data dilaksanakan melalui arsitektur data, data induk, data referensi, basis data, "
            "kualitas data, dan interoperabilitas data.")
INTEGRATION = ("Data yang dikelola Perangkat Daerah diintegrasikan antar instansi melalui portal Satu Data "
               "Indonesia dan dibagipakaikan dengan instansi pusat.")
DOMAINS_6 = ("Arsitektur SPBE Daerah terdiri atas arsitektur proses bisnis, arsitektur data dan informasi, "
             "arsitektur infrastruktur SPBE, arsitektur aplikasi SPBE, arsitektur keamanan SPBE, dan arsitektur "
             "layanan SPBE.")
NATIONAL_ARCH = "Arsitektur SPBE Daerah disusun dengan berpedoman pada Arsitektur SPBE Nasional."
ROADMAP_7 = ("Peta Rencana SPBE Daerah memuat rencana tata kelola SPBE, manajemen SPBE, layanan SPBE, "
             "infrastruktur SPBE, aplikasi SPBE, keamanan SPBE, dan audit TIK untuk setiap tahun pelaksanaan.")

ARCH_ABOUT = "Arsitektur Sistem Pemerintahan Berbasis Elektronik Kabupaten Sindangraja"
PERBUP_12 = f"Peraturan Bupati Sindangraja Nomor 12 Tahun 2022 tentang {ARCH_ABOUT}"


def _policy() -> dict[str, Doc]:
    """Policy indicators (1–10), shown on indicator 3, Manajemen Data."""
    return {
        # --- level 1: drafts and their drafting meeting
        "k_draft": Doc(d.peraturan_bupati(0, 2024, "Satu Data Kabupaten Sindangraja", [
            "Satu Data Kabupaten Sindangraja adalah kebijakan tata kelola data pemerintah daerah.",
            "Data induk dan data referensi ditetapkan oleh Walidata."], enacted=D(2024, 3, 1), draft=True),
            "perbup", "rancangan", note="the body's own draft"),
        "k_undangan": Doc(d.undangan(
            "005/214/Diskominfo/2024", "Pembahasan Rancangan Peraturan Bupati tentang Satu Data Kabupaten Sindangraja",
            sent=D(2024, 3, 5), meeting=D(2024, 3, 12),
            agenda="penyusunan Rancangan Peraturan Bupati tentang Satu Data Kabupaten Sindangraja"), "undangan"),
        "k_daftar_hadir": Doc(d.daftar_hadir("Pembahasan Rancangan Peraturan Bupati tentang Satu Data",
                                             held=D(2024, 3, 12)), "lainnya"),
        "k_other_draft": Doc(d.peraturan_bupati(0, 2024, "Satu Data Kabupaten Karangmulya", [
            "Satu Data Kabupaten Karangmulya adalah kebijakan tata kelola data pemerintah daerah.",
            SIX_DATA], body=NEIGHBOUR, enacted=D(2024, 2, 1), draft=True),
            "perbup", "rancangan", note="a neighbour's draft, shared at a provincial forum"),
        "k_other": Doc(d.peraturan_bupati(21, 2023, "Penyelenggaraan Satu Data Kabupaten Karangmulya", [
            "Dalam Peraturan Bupati ini yang dimaksud dengan Daerah adalah Kabupaten Karangmulya.",
            SIX_DATA, INTEGRATION], body=NEIGHBOUR, enacted=D(2023, 6, 5), promulgated=D(2023, 6, 5)),
            "perbup", "diundangkan", note="another body's regulation, downloaded as a model"),
        "k_surat_edaran": Doc(d.surat_edaran("400.14.5/77/Diskominfo/2024", "Pemanfaatan Portal Satu Data", [
            "Setiap Perangkat Daerah menyampaikan data sektoral kepada Walidata melalui portal Satu Data.",
            "Data induk dan data referensi dimutakhirkan paling lambat setiap triwulan."],
            enacted=D(2024, 5, 2)), "surat_edaran", "ditetapkan"),
        # --- level 2 and 3: established policies, partial and complete
        "k_partial": Doc(d.peraturan_bupati(9, 2022, "Data Induk Daerah", [
            "Dalam Peraturan Bupati ini yang dimaksud dengan Daerah adalah Kabupaten Sindangraja.",
            "Data induk dan data referensi Daerah ditetapkan oleh Walidata atas usul Produsen Data.",
            "Walidata mengumumkan daftar data induk setiap tahun."],
            enacted=D(2022, 4, 11), promulgated=D(2022, 4, 11)), "perbup", "diundangkan"),
        "k_missing_interop": Doc(d.peraturan_bupati(11, 2022, "Pengelolaan Data Sektoral", [
            "Dalam Peraturan Bupati ini yang dimaksud dengan Daerah adalah Kabupaten Sindangraja.",
            "Pengelolaan data sektoral meliputi arsitektur data, data induk, data referensi, basis data, dan "
            "kualitas data.",
            "Walidata menjamin kualitas data sebelum data disebarluaskan."],
            enacted=D(2022, 8, 8), promulgated=D(2022, 8, 8)), "perbup", "diundangkan"),
        "k_full": Doc(d.peraturan_bupati(7, 2023, "Penyelenggaraan Satu Data Kabupaten Sindangraja", [
            "Dalam Peraturan Bupati ini yang dimaksud dengan Daerah adalah Kabupaten Sindangraja.",
            SIX_DATA,
            "Walidata mengoordinasikan Produsen Data dalam penyusunan daftar data setiap tahun."],
            enacted=D(2023, 3, 14), promulgated=D(2023, 3, 14)), "perbup", "diundangkan"),
        # --- levels 4 and 5: family A, Perbup 8/2023 with integration, its reviews and follow-ups
        "k_policy_a": Doc(d.peraturan_bupati(8, 2023, "Tata Kelola Data Pemerintah Daerah", [
            "Dalam Peraturan Bupati ini yang dimaksud dengan Daerah adalah Kabupaten Sindangraja.",
            SIX_DATA, INTEGRATION,
            "Peraturan Bupati ini dievaluasi paling sedikit sekali dalam 2 (dua) tahun."],
            enacted=D(2023, 1, 9), promulgated=D(2023, 1, 9)), "perbup", "diundangkan"),
        "k_review_number": Doc(d.notulen(
            "Reviu Peraturan Bupati Sindangraja Nomor 8 Tahun 2023 tentang Tata Kelola Data Pemerintah Daerah",
            held=D(2024, 10, 8),
            discussion=["Kepala Bidang Statistik memaparkan hasil telaahan atas Peraturan Bupati Nomor 8 Tahun "
                        "2023: pengaturan data induk dan data referensi telah dilaksanakan.",
                        "Bagian Hukum menyampaikan bahwa prosedur pemutakhiran data induk perlu dirinci."],
            conclusions=["Peraturan Bupati Sindangraja Nomor 8 Tahun 2023 masih sesuai dan tetap berlaku.",
                         "Diskominfo menyusun SOP pengelolaan data induk dan data referensi."]),
            "notulen", render="scan", note="review minutes citing the policy by number and year; scanned"),
        "k_review_loose": Doc(d.laporan(
            "Laporan Hasil Evaluasi Kebijakan Tata Kelola Data", dated=D(2024, 11, 20),
            subtitle="Kabupaten Sindangraja",
            chapters=[("Pendahuluan", "Tim Satu Data melakukan evaluasi atas Peraturan Bupati tentang tata "
                                      "kelola data yang berlaku sejak tahun 2023, sebagai bagian dari reviu "
                                      "kebijakan internal SPBE secara berkala."),
                      ("Hasil Evaluasi", "Pengaturan data induk, data referensi dan interoperabilitas data telah "
                                         "diterapkan oleh 31 Perangkat Daerah."),
                      ("Rekomendasi", "Kebijakan dipertahankan; petunjuk teknis pemutakhiran data disusun.")]),
            "laporan", note="an evaluation naming the policy by jenis and part of its subject, in lower case"),
        "k_review_abbreviated": Doc(d.laporan(
            "Laporan Evaluasi Pelaksanaan Kebijakan Data", dated=D(2024, 12, 2),
            chapters=[("Pendahuluan", "Tim Satu Data melakukan reviu atas Perbup tentang Tata Kelola Data "
                                      "Pemerintah Daerah yang berlaku sejak tahun 2023."),
                      ("Hasil Reviu", "Pengaturan data induk dan data referensi telah diterapkan."),
                      ("Rekomendasi", "Kebijakan dipertahankan.")]),
            "laporan", note="a review naming the policy by the abbreviation 'Perbup' and its subject"),
        "k_review_old": Doc(d.notulen(
            "Reviu Peraturan Bupati Nomor 8 Tahun 2023 tentang Tata Kelola Data", held=D(2023, 5, 22),
            discussion=["Tim melakukan reviu awal atas pelaksanaan Peraturan Bupati Nomor 8 Tahun 2023."],
            conclusions=["Peraturan Bupati Nomor 8 Tahun 2023 dilaksanakan sesuai jadwal."]),
            "notulen", note="a review of May 2023: fresh until May 2025"),
        "k_review_other_policy": Doc(d.notulen(
            "Reviu Peraturan Bupati Sindangraja Nomor 4 Tahun 2021 tentang Arsitektur SPBE", held=D(2024, 9, 10),
            discussion=["Tim melakukan reviu atas Peraturan Bupati Nomor 4 Tahun 2021 tentang Arsitektur SPBE."],
            conclusions=["Peraturan Bupati Nomor 4 Tahun 2021 perlu dicabut dan diganti."]),
            "notulen", note="a review, but of another policy (the architecture)"),
        "k_rakor": Doc(d.notulen(
            "Rapat Koordinasi Forum Satu Data Kabupaten Sindangraja", held=D(2024, 8, 15),
            discussion=["Walidata menyampaikan jadwal pengumpulan data sektoral berdasarkan Peraturan Bupati "
                        "Sindangraja Nomor 8 Tahun 2023 tentang Tata Kelola Data Pemerintah Daerah.",
                        "Produsen Data menyampaikan kendala pengisian metadata."],
            conclusions=["Pengumpulan data sektoral ditutup pada 30 September 2024."]),
            "notulen", note="a coordination meeting naming the policy, but not reviewing it"),
        "k_review_full": Doc(d.notulen(
            "Reviu Peraturan Bupati Sindangraja Nomor 7 Tahun 2023 tentang Penyelenggaraan Satu Data",
            held=D(2024, 11, 5),
            discussion=["Tim melakukan reviu atas Peraturan Bupati Nomor 7 Tahun 2023."],
            conclusions=["Peraturan Bupati Nomor 7 Tahun 2023 masih sesuai."]), "notulen"),
        "k_sop_after": Doc(d.sop(
            "800/SOP-14/Diskominfo/2025", "Pengelolaan Data Induk dan Data Referensi",
            ["Produsen Data mengusulkan data induk", "Walidata memeriksa metadata dan kode referensi",
             "Kepala Dinas menetapkan daftar data induk", "Walidata menayangkan data pada portal Satu Data"],
            made=D(2025, 5, 12), effective=D(2025, 5, 12),
            legal_basis="Peraturan Bupati Sindangraja Nomor 8 Tahun 2023 tentang Tata Kelola Data Pemerintah "
                        "Daerah"), "sop", "ditetapkan", render="docx",
            note="an SOP made after the review of Perbup 8/2023 (May 2025)"),
        "k_sop_before": Doc(d.sop(
            "800/SOP-03/Diskominfo/2024", "Pemutakhiran Data Referensi",
            ["Produsen Data menyampaikan perubahan data referensi", "Walidata memeriksa kode referensi",
             "Walidata memutakhirkan data referensi pada portal Satu Data"],
            made=D(2024, 6, 3), effective=D(2024, 6, 3)), "sop", "ditetapkan", render="docx",
            note="an SOP made before the review"),
        # --- amendment family B: Perbup 10/2023, its review, its amendment after the review
        "k_policy_b": Doc(d.peraturan_bupati(10, 2023, "Manajemen Data dan Statistik Sektoral", [
            "Dalam Peraturan Bupati ini yang dimaksud dengan Daerah adalah Kabupaten Sindangraja.",
            SIX_DATA, INTEGRATION], enacted=D(2023, 5, 15), promulgated=D(2023, 5, 15)), "perbup", "diundangkan"),
        "k_review_b": Doc(d.notulen(
            "Reviu Peraturan Bupati Sindangraja Nomor 10 Tahun 2023 tentang Manajemen Data dan Statistik Sektoral",
            held=D(2024, 9, 2),
            discussion=["Tim melakukan reviu atas Peraturan Bupati Nomor 10 Tahun 2023.",
                        "Ketentuan tentang jadwal rilis data statistik sektoral perlu diubah."],
            conclusions=["Peraturan Bupati Nomor 10 Tahun 2023 diubah."]), "notulen"),
        "k_amendment_b": Doc(d.peraturan_bupati(
            3, 2025, "Perubahan atas Peraturan Bupati Nomor 10 Tahun 2023 tentang Manajemen Data dan Statistik "
                     "Sektoral",
            ["Ketentuan Pasal 2 diubah sehingga berbunyi: Manajemen data dilaksanakan melalui arsitektur data, "
             "data induk, data referensi, basis data, kualitas data, dan interoperabilitas data, dengan jadwal "
             "rilis data statistik sektoral setiap triwulan.",
             "Di antara Pasal 3 dan Pasal 4 disisipkan 1 (satu) pasal, yakni Pasal 3A, yang berbunyi: Data "
             "diintegrasikan antar instansi melalui portal Satu Data Indonesia."],
            enacted=D(2025, 2, 10), promulgated=D(2025, 2, 10),
            amends="Peraturan Bupati Sindangraja Nomor 10 Tahun 2023 tentang Manajemen Data dan Statistik Sektoral "
                   "(Berita Daerah Kabupaten Sindangraja Tahun 2023 Nomor 10)"),
            "perbup", "diundangkan", note="amends Perbup 10/2023 after its review"),
        # --- repeal family C: Perbup 5/2019 repealed by the new Perbup 2/2025 of 14 April 2025
        "k_repealed_old": Doc(d.peraturan_bupati(5, 2019, "Kebijakan Satu Data Daerah", [
            "Dalam Peraturan Bupati ini yang dimaksud dengan Daerah adalah Kabupaten Sindangraja.", SIX_DATA],
            enacted=D(2019, 7, 1), promulgated=D(2019, 7, 1)), "perbup", "diundangkan"),
        "k_repealing_new": Doc(d.peraturan_bupati(2, 2025, "Kebijakan Satu Data Daerah", [
            "Dalam Peraturan Bupati ini yang dimaksud dengan Daerah adalah Kabupaten Sindangraja.",
            "Kebijakan Satu Data Daerah meliputi pengelolaan data induk, data referensi, dan basis data.",
            "Ketentuan teknis diatur dengan Keputusan Kepala Dinas."],
            enacted=D(2025, 4, 14), promulgated=D(2025, 4, 14),
            repeals="Peraturan Bupati Sindangraja Nomor 5 Tahun 2019 tentang Kebijakan Satu Data Daerah (Berita "
                    "Daerah Kabupaten Sindangraja Tahun 2019 Nomor 5)"),
            "perbup", "diundangkan", note="a new policy on the same subject that repeals Perbup 5/2019"),
    }


def _governance() -> dict[str, Doc]:
    """Governance indicators (11–20), shown on 11 (Arsitektur SPBE) and 12 (Peta Rencana SPBE)."""
    return {
        "t_draft": Doc(d.peraturan_bupati(0, 2021, ARCH_ABOUT, [
            "Arsitektur SPBE Daerah terdiri atas arsitektur proses bisnis dan arsitektur layanan SPBE."],
            enacted=D(2021, 1, 1), draft=True), "perbup", "rancangan"),
        "t_draft_document": Doc(d.rencana("Dokumen Arsitektur SPBE Kabupaten Sindangraja Tahun 2025-2029",
                                          dated=D(2024, 9, 16), draft=True, chapters=[
            ("Pendahuluan", "Dokumen ini memuat arsitektur proses bisnis dan arsitektur layanan SPBE."),
            ("Arsitektur Proses Bisnis", "Proses bisnis pelayanan publik dipetakan per urusan.")]),
            "dokumen_perencanaan", "rancangan", note="a planning document marked DRAFT"),
        "t_undangan": Doc(d.undangan(
            "005/88/Diskominfo/2024", "Pembahasan Dokumen Arsitektur SPBE", sent=D(2024, 9, 2),
            meeting=D(2024, 9, 9), agenda="penyusunan Dokumen Arsitektur SPBE Kabupaten Sindangraja"), "undangan"),
        "t_partial": Doc(d.peraturan_bupati(4, 2021, ARCH_ABOUT, [
            "Dalam Peraturan Bupati ini yang dimaksud dengan Daerah adalah Kabupaten Sindangraja.",
            "Arsitektur SPBE Daerah terdiri atas arsitektur proses bisnis, arsitektur data dan informasi, dan "
            "arsitektur infrastruktur SPBE."], enacted=D(2021, 2, 8), promulgated=D(2021, 2, 8)),
            "perbup", "diundangkan"),
        "t_missing_security": Doc(d.peraturan_bupati(14, 2022, ARCH_ABOUT + " Tahun 2022-2026", [
            "Dalam Peraturan Bupati ini yang dimaksud dengan Daerah adalah Kabupaten Sindangraja.",
            "Arsitektur SPBE Daerah terdiri atas arsitektur proses bisnis, arsitektur data dan informasi, "
            "arsitektur infrastruktur SPBE, arsitektur aplikasi SPBE, dan arsitektur layanan SPBE."],
            enacted=D(2022, 10, 3), promulgated=D(2022, 10, 3)), "perbup", "diundangkan"),
        "t_full": Doc(d.peraturan_bupati(6, 2022, ARCH_ABOUT, [
            "Dalam Peraturan Bupati ini yang dimaksud dengan Daerah adalah Kabupaten Sindangraja.", DOMAINS_6,
            "Arsitektur SPBE Daerah ditetapkan untuk jangka waktu 5 (lima) tahun."],
            enacted=D(2022, 3, 7), promulgated=D(2022, 3, 7)), "perbup", "diundangkan", render="scan",
            note="a complete architecture regulation, scanned"),
        "t_full_national": Doc(d.peraturan_bupati(12, 2022, ARCH_ABOUT, [
            "Dalam Peraturan Bupati ini yang dimaksud dengan Daerah adalah Kabupaten Sindangraja.", DOMAINS_6,
            NATIONAL_ARCH, "Arsitektur SPBE Daerah direviu paling sedikit sekali dalam 2 (dua) tahun."],
            enacted=D(2022, 11, 21), promulgated=D(2022, 11, 21)), "perbup", "diundangkan"),
        "t_review": Doc(d.laporan(
            "Laporan Hasil Reviu Arsitektur SPBE", dated=D(2024, 7, 22), subtitle=PERBUP_12,
            chapters=[("Pendahuluan", f"Reviu dilaksanakan atas {PERBUP_12} sesuai amanat Pasal 4 Peraturan "
                                      "Bupati tersebut."),
                      ("Hasil Reviu", "Arsitektur keamanan SPBE perlu dimutakhirkan mengikuti perubahan "
                                      "Arsitektur SPBE Nasional."),
                      ("Rekomendasi", "Peraturan Bupati Nomor 12 Tahun 2022 diubah.")]),
            "laporan", note="review report citing Perbup 12/2022 by number and year"),
        "t_amendment": Doc(d.peraturan_bupati(
            1, 2025, "Perubahan atas Peraturan Bupati Nomor 12 Tahun 2022 tentang " + ARCH_ABOUT,
            ["Ketentuan Pasal 2 diubah sehingga berbunyi: " + DOMAINS_6 + " Arsitektur keamanan SPBE memuat "
             "pengamanan data, aplikasi dan infrastruktur sesuai Arsitektur SPBE Nasional."],
            enacted=D(2025, 1, 20), promulgated=D(2025, 1, 20),
            amends=PERBUP_12 + " (Berita Daerah Kabupaten Sindangraja Tahun 2022 Nomor 12)"),
            "perbup", "diundangkan", note="updates the architecture itself after the review"),
        "t_derivative_after": Doc(d.keputusan_bupati(
            "100.3.3.2/Kep.9-Diskominfo/2025", "Tim Pengelola Arsitektur Sistem Pemerintahan Berbasis Elektronik",
            ["Membentuk Tim Pengelola Arsitektur SPBE Kabupaten Sindangraja dengan susunan keanggotaan "
             "sebagaimana tercantum dalam Lampiran.",
             "Tim bertugas memantau penerapan arsitektur proses bisnis, arsitektur data dan informasi, "
             "arsitektur infrastruktur SPBE, arsitektur aplikasi SPBE, arsitektur keamanan SPBE, dan "
             "arsitektur layanan SPBE."], enacted=D(2025, 2, 3)),
            "kepbup", "ditetapkan", render="docx", note="a derivative decree after the review: not an update"),
        "t_amendment_early": Doc(d.peraturan_bupati(
            15, 2023, "Perubahan atas Peraturan Bupati Nomor 12 Tahun 2022 tentang " + ARCH_ABOUT,
            ["Ketentuan Pasal 3 diubah sehingga berbunyi: Arsitektur SPBE Daerah ditetapkan untuk jangka waktu 5 "
             "(lima) tahun dan dapat dimutakhirkan setiap tahun."],
            enacted=D(2023, 9, 4), promulgated=D(2023, 9, 4),
            amends=PERBUP_12 + " (Berita Daerah Kabupaten Sindangraja Tahun 2022 Nomor 12)"),
            "perbup", "diundangkan", note="an update of the architecture made before its review"),
        # --- indicator 12 (Peta Rencana SPBE): its own level 4, and a repeal
        "g_roadmap_old": Doc(d.peraturan_bupati(9, 2020, "Peta Rencana Sistem Pemerintahan Berbasis Elektronik "
                                                      "Kabupaten Sindangraja Tahun 2020-2024", [
            "Dalam Peraturan Bupati ini yang dimaksud dengan Daerah adalah Kabupaten Sindangraja.", ROADMAP_7],
            enacted=D(2020, 6, 2), promulgated=D(2020, 6, 2)), "perbup", "diundangkan"),
        "g_roadmap_repeal": Doc(d.pencabutan(
            5, 2025, "Peraturan Bupati Sindangraja Nomor 9 Tahun 2020",
            "Peta Rencana Sistem Pemerintahan Berbasis Elektronik Kabupaten Sindangraja Tahun 2020-2024",
            "Tahun 2020 Nomor 9", enacted=D(2025, 2, 3)),
            "perbup", "diundangkan", note="only repeals the 2020 roadmap"),
        "g_roadmap": Doc(d.peraturan_bupati(13, 2023, "Peta Rencana Sistem Pemerintahan Berbasis Elektronik "
                                                    "Kabupaten Sindangraja Tahun 2023-2027", [
            "Dalam Peraturan Bupati ini yang dimaksud dengan Daerah adalah Kabupaten Sindangraja.", ROADMAP_7,
            "Peta Rencana SPBE Daerah disusun selaras dengan Peta Rencana SPBE Nasional."],
            enacted=D(2023, 7, 3), promulgated=D(2023, 7, 3)), "perbup", "diundangkan"),
        "g_renja": Doc(d.rencana("Rencana Kerja Dinas Komunikasi dan Informatika Tahun 2024", dated=D(2024, 1, 10),
                                 chapters=[
            ("Pendahuluan", "Rencana kerja ini menjabarkan program dan kegiatan tahun 2024 yang dibiayai dalam "
                            "rencana kerja dan anggaran (RKA) Perangkat Daerah."),
            ("Program dan Kegiatan", "Kegiatan pembangunan pusat data, penguatan keamanan SPBE dan audit TIK "
                                     "dilaksanakan sesuai tahapan Peta Rencana SPBE Tahun 2023-2027.")]),
            "dokumen_perencanaan", note="a 2024 Renja carrying the roadmap's programmes"),
        "g_renja_old": Doc(d.rencana("Rencana Kerja Dinas Komunikasi dan Informatika Tahun 2021",
                                     dated=D(2021, 1, 11), chapters=[
            ("Pendahuluan", "Rencana kerja ini menjabarkan program dan kegiatan tahun 2021 yang dibiayai dalam "
                            "rencana kerja dan anggaran (RKA) Perangkat Daerah."),
            ("Program dan Kegiatan", "Kegiatan pembangunan jaringan intra dilaksanakan sesuai tahapan Peta "
                                     "Rencana SPBE.")]),
            "dokumen_perencanaan", note="a 2021 Renja: older than 3 years on the assessment date"),
        "g_review": Doc(d.notulen(
            "Reviu Peta Rencana SPBE Kabupaten Sindangraja", held=D(2024, 12, 5),
            discussion=["Tim Koordinasi SPBE melakukan reviu atas Peraturan Bupati tentang Peta Rencana SPBE "
                        "Kabupaten Sindangraja Tahun 2023-2027.",
                        "Capaian tahun 2024: 11 dari 14 kegiatan terlaksana."],
            conclusions=["Peta Rencana SPBE tetap digunakan; target tahun 2026 disesuaikan."]),
            "notulen", note="review minutes naming the roadmap by jenis and subject only"),
    }


def _management() -> dict[str, Doc]:
    """Management indicators (21–28), shown on 21, Manajemen Risiko SPBE."""
    kep, kep_hyphen = "188.45/112/Diskominfo/2024", "100.3.3.2/Kep.45-Diskominfo/2024"

    def decree(number: str, enacted: D) -> str:
        return d.keputusan_bupati(number, "Penerapan Manajemen Risiko Sistem Pemerintahan Berbasis Elektronik", [
            "Menetapkan Pedoman Penerapan Manajemen Risiko SPBE di Lingkungan Pemerintah Kabupaten Sindangraja "
            "sebagaimana tercantum dalam Lampiran yang merupakan bagian tidak terpisahkan dari Keputusan ini.",
            "Pedoman sebagaimana dimaksud dalam Diktum KESATU wajib diterapkan oleh seluruh perangkat daerah.",
            "Konteks, kategori dan selera risiko SPBE ditetapkan oleh Tim Koordinasi SPBE."], enacted=enacted)

    def review(number: str, held: D) -> str:
        return d.notulen(
            "Reviu Penerapan Manajemen Risiko SPBE", held=held,
            discussion=[f"Tim Koordinasi SPBE melakukan reviu atas penerapan Keputusan Bupati Sindangraja Nomor "
                        f"{number} tentang Penerapan Manajemen Risiko SPBE.",
                        "Register risiko 2024 telah disusun oleh 27 perangkat daerah."],
            conclusions=["Kriteria dampak risiko layanan publik perlu dipertajam dalam rencana aksi 2025."])

    return {
        "m_undangan": Doc(d.undangan("005/41/Diskominfo/2024", "Sosialisasi Manajemen Risiko SPBE",
                                     sent=D(2024, 2, 12), meeting=D(2024, 2, 19),
                                     agenda="penerapan manajemen risiko SPBE"), "undangan"),
        "m_report": Doc(d.laporan("Laporan Pelaksanaan Manajemen Risiko SPBE Tahun 2024", dated=D(2024, 8, 20),
                                  chapters=[
            ("Pendahuluan", "Identifikasi risiko SPBE dilaksanakan pada aplikasi, pusat data dan jaringan intra."),
            ("Register Risiko", "Tercatat 24 risiko SPBE; 6 risiko tinggi telah diberi rencana mitigasi."),
            ("Penutup", "Pemilik risiko memantau risiko setiap triwulan.")]), "laporan"),
        "m_plan": Doc(d.rencana("Rencana Aksi Manajemen Risiko SPBE Tahun 2024", dated=D(2024, 1, 22), chapters=[
            ("Pendahuluan", "Rencana aksi ini menjadwalkan identifikasi, analisis dan penanganan risiko SPBE."),
            ("Jadwal", "Identifikasi risiko pada triwulan I, penanganan risiko pada triwulan II dan III.")]),
            "dokumen_perencanaan"),
        "m_minutes": Doc(d.notulen("Rapat Koordinasi Pelaksanaan Manajemen Risiko SPBE", held=D(2024, 2, 5),
                                   discussion=["Bidang Aptika menyampaikan daftar aplikasi yang risikonya "
                                               "akan diidentifikasi."],
                                   conclusions=["Identifikasi risiko dimulai bulan Maret 2024."]), "notulen"),
        "m_sop": Doc(d.sop("800/SOP-07/Diskominfo/2024", "Identifikasi dan Penanganan Risiko SPBE",
                           ["Pemilik risiko mengidentifikasi risiko SPBE", "Koordinator risiko menganalisis risiko",
                            "Pemilik risiko menetapkan rencana penanganan", "Koordinator risiko mencatat register"],
                           made=D(2024, 3, 1), effective=D(2024, 3, 1),
                           legal_basis="Peraturan Menteri PANRB Nomor 5 Tahun 2020 tentang Pedoman Manajemen "
                                       "Risiko SPBE"), "sop", "ditetapkan", render="docx"),
        "m_sop_draft": Doc(d.sop("", "Identifikasi dan Penanganan Risiko SPBE",
                                 ["Pemilik risiko mengidentifikasi risiko SPBE",
                                  "Koordinator risiko menganalisis risiko"],
                                 made=D(2024, 3, 1), effective=D(2024, 3, 1), draft=True,
                                 legal_basis="Peraturan Menteri PANRB Nomor 5 Tahun 2020 tentang Pedoman "
                                             "Manajemen Risiko SPBE"), "sop", "rancangan"),
        "m_decree": Doc(decree(kep, D(2024, 3, 18)), "kepbup", "ditetapkan", render="docx"),
        "m_decree_hyphen": Doc(decree(kep_hyphen, D(2024, 3, 20)), "kepbup", "ditetapkan",
                               note="the same decree numbered the West Java way, with a hyphen"),
        "m_decree_one_unit": Doc(d.keputusan_bupati("100.3.3.2/Kep.46-Diskominfo/2024",
                                                    "Penerapan Manajemen Risiko SPBE pada Dinas Komunikasi dan "
                                                    "Informatika", [
            "Menetapkan Pedoman Penerapan Manajemen Risiko SPBE sebagaimana tercantum dalam Lampiran.",
            "Pedoman sebagaimana dimaksud dalam Diktum KESATU diterapkan pada Dinas Komunikasi dan Informatika "
            "sebagai percontohan."], enacted=D(2024, 3, 25)), "kepbup", "ditetapkan"),
        "m_review": Doc(review(kep, D(2024, 11, 12)), "notulen"),
        "m_review_hyphen": Doc(review(kep_hyphen, D(2024, 11, 19)), "notulen",
                               note="the review of the decree numbered with a hyphen"),
        "m_plan_after": Doc(d.rencana("Rencana Aksi Manajemen Risiko SPBE Tahun 2025", dated=D(2025, 1, 27),
                                      chapters=[
            ("Pendahuluan", "Rencana aksi tahun 2025 disusun dengan memperhatikan hasil reviu bulan November 2024."),
            ("Perbaikan", "Kriteria dampak risiko layanan publik dipertajam dan pemantauan dilakukan bulanan.")]),
            "dokumen_perencanaan", note="the plan improved after the review"),
    }


def _audit() -> dict[str, Doc]:
    """Audit indicators (29–31), shown on 29, audit of the SPBE infrastructure."""
    return {
        "a_undangan": Doc(d.undangan("005/301/Diskominfo/2024", "Pembukaan Audit Infrastruktur SPBE",
                                     sent=D(2024, 7, 22), meeting=D(2024, 7, 29),
                                     agenda="pelaksanaan audit infrastruktur SPBE"), "undangan"),
        "a_report": Doc(d.laporan("Laporan Hasil Audit Jaringan Intra Kabupaten Sindangraja", dated=D(2024, 8, 12),
                                  chapters=[
            ("Pendahuluan", "Audit atas jaringan intra dilaksanakan oleh tim Inspektorat pada tanggal 29 Juli "
                            "sampai 9 Agustus 2024 atas permintaan Kepala Dinas."),
            ("Hasil Audit", "Auditor mencatat 4 temuan, antara lain perangkat jaringan tanpa pencatatan akses."),
            ("Rekomendasi", "Kepala Dinas memperbaiki pencatatan akses perangkat jaringan.")]), "laporan",
            note="an audit report that refers to no audit standard"),
        "a_report_standard": Doc(d.laporan("Laporan Hasil Audit Infrastruktur SPBE Tahun 2024", dated=D(2024, 9, 2),
                                           chapters=[
            ("Pendahuluan", "Audit infrastruktur SPBE dilaksanakan oleh auditor internal Inspektorat sesuai "
                            "standar audit TIK dan pedoman audit infrastruktur SPBE."),
            ("Hasil Audit", "Auditor mencatat 5 temuan pada pusat data dan 2 temuan pada jaringan intra."),
            ("Rekomendasi", "Kepala Dinas memperbaiki pencatatan akses ruang server.")]), "laporan"),
        "a_plan": Doc(d.rencana("Rencana Audit TIK Tahun 2024", dated=D(2024, 1, 15), chapters=[
            ("Pendahuluan", "Rencana audit TIK tahun 2024 memuat audit infrastruktur SPBE atas pusat data dan "
                            "jaringan intra."),
            ("Jadwal", "Audit infrastruktur dilaksanakan pada bulan Juli dan Agustus 2024.")]),
            "dokumen_perencanaan"),
        "a_minutes": Doc(d.notulen("Rapat Persiapan Audit Infrastruktur SPBE", held=D(2024, 7, 1),
                                   discussion=["Inspektorat menyampaikan kebutuhan data untuk audit infrastruktur."],
                                   conclusions=["Diskominfo menyiapkan daftar perangkat pusat data."]), "notulen"),
        "a_certificate": Doc(d.sertifikat("YUDI PERMANA, S.Kom.", "62090 2522 5 0001234 2023",
                                          "Audit Infrastruktur Teknologi Informasi", issued=D(2023, 8, 7),
                                          valid_until=D(2026, 8, 6)), "sertifikat", render="png",
                             note="the auditor's certificate, photographed"),
        "a_certificate_expiring": Doc(d.sertifikat("YUDI PERMANA, S.Kom.", "62090 2522 5 0000877 2021",
                                                   "Audit Infrastruktur Teknologi Informasi", issued=D(2021, 12, 20),
                                                   valid_until=D(2024, 12, 31)), "sertifikat",
                                      note="valid until 31 December 2024"),
        "a_review": Doc(d.berita_acara("Reviu Hasil Audit Infrastruktur SPBE", held=D(2024, 10, 14), text=[
            "Laporan Hasil Audit Infrastruktur SPBE Tahun 2024 telah direviu bersama Inspektorat.",
            "Seluruh 7 temuan disepakati beserta batas waktu perbaikannya."]), "berita_acara"),
        "a_follow_up": Doc(d.laporan("Laporan Tindak Lanjut Hasil Audit Infrastruktur SPBE", dated=D(2025, 2, 17),
                                     chapters=[
            ("Pendahuluan", "Laporan ini menyajikan tindak lanjut atas temuan audit infrastruktur SPBE tahun 2024 "
                            "sesuai batas waktu yang disepakati pada bulan Oktober 2024."),
            ("Tindak Lanjut", "6 dari 7 temuan telah selesai ditindaklanjuti.")]), "laporan"),
        "a_follow_up_early": Doc(d.laporan("Laporan Tindak Lanjut Sementara Temuan Audit Infrastruktur",
                                           dated=D(2024, 9, 30), chapters=[
            ("Pendahuluan", "Laporan ini menyajikan tindak lanjut sementara atas temuan audit infrastruktur."),
            ("Tindak Lanjut", "2 dari 7 temuan telah ditindaklanjuti.")]), "laporan",
            note="a follow-up report written before the review"),
    }


def _service() -> dict[str, Doc]:
    """Service indicators (32–47), shown on 42, the public complaints service (SIADU)."""
    app = "Aplikasi Pengaduan Masyarakat SIADU"
    return {
        "s_report": Doc(d.laporan("Laporan Kinerja Layanan Pengaduan Masyarakat Tahun 2024", dated=D(2024, 7, 8),
                                  chapters=[
            ("Pendahuluan", "Layanan pengaduan masyarakat melalui aplikasi SIADU terintegrasi dengan SP4N-LAPOR."),
            ("Capaian", "Semester I 2024: 1.284 pengaduan masuk, 1.190 selesai.")]), "laporan",
            note="a report, not a screenshot or manual"),
        "s_info": Doc(d.tangkapan_layar(app, dated=D(2024, 2, 5), shots=[
            ("Beranda SIADU", "Informasi alur penanganan pengaduan, persyaratan, jam layanan dan nomor telepon "
                              "petugas."),
            ("Halaman FAQ", "Daftar pertanyaan yang sering diajukan masyarakat.")]), "dokumentasi"),
        "s_login": Doc(d.tangkapan_layar(app, dated=D(2024, 3, 4), shots=[
            ("Halaman masuk", "Kolom nama pengguna dan kata sandi serta tombol Masuk.")]), "dokumentasi",
            note="only the login page"),
        "s_interactive": Doc(d.manual(app, "1.0", dated=D(2024, 3, 11), sections=[
            ("Membuat Pengaduan", "Masyarakat mengisi formulir isian pengaduan dan mengunggah foto bukti."),
            ("Melacak Pengaduan", "Masyarakat mencari status pengaduan dengan nomor tiket dan mengunduh tanda "
                                  "terima.")]), "manual"),
        "s_transactional": Doc(d.manual(app, "2.0", dated=D(2024, 6, 10), sections=[
            ("Membuat Pengaduan", "Masyarakat mengisi formulir isian pengaduan dan mengunggah foto bukti."),
            ("Memproses Pengaduan", "Petugas memverifikasi pengaduan, lalu Kepala Bidang menyetujui "
                                    "penyelesaiannya di dalam aplikasi."),
            ("Menutup Pengaduan", "Jawaban ditandatangani dengan tanda tangan elektronik dan dapat diunduh "
                                  "pelapor.")]), "manual", render="docx"),
        "s_api": Doc(d.tangkapan_layar("Integrasi SIADU dengan SP4N-LAPOR", dated=D(2024, 5, 6), shots=[
            ("Konfigurasi API", "SIADU terhubung dengan SP4N-LAPOR melalui API REST; setiap pengaduan dikirim "
                                "ke endpoint /api/v1/laporan."),
            ("Log integrasi", "Daftar pertukaran data antara SIADU dan SP4N-LAPOR pada bulan April 2024.")]),
            "dokumentasi", render="scan", note="screenshots of the integration, scanned"),
        "s_review": Doc(d.laporan("Laporan Evaluasi Layanan Pengaduan Masyarakat SIADU", dated=D(2024, 12, 9),
                                  chapters=[
            ("Pendahuluan", "Evaluasi layanan SIADU dilaksanakan terhadap waktu penyelesaian dan kepuasan "
                            "pelapor tahun 2024."),
            ("Hasil Evaluasi", "Pelapor meminta notifikasi status melalui pesan singkat."),
            ("Rekomendasi", "Menambahkan notifikasi status pengaduan pada versi berikutnya.")]), "laporan"),
        "s_improved": Doc(d.manual(app, "3.0", dated=D(2025, 3, 3), sections=[
            ("Perubahan Versi 3.0", "Menindaklanjuti evaluasi layanan Desember 2024, pelapor menerima "
                                    "notifikasi status pengaduan melalui pesan singkat."),
            ("Membuat Pengaduan", "Masyarakat mengisi formulir isian pengaduan dan mengunggah foto bukti.")]),
            "manual", note="the new manual version after the evaluation"),
    }


def corpus() -> dict[str, Doc]:
    found: dict[str, Doc] = {}
    for part in (_policy(), _governance(), _management(), _audit(), _service()):
        assert not set(part) & set(found)
        found.update(part)
    return found
