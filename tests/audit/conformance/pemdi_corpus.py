"""The documents of Kabupaten Sindangraja's vault for the Pemdi 2026 conformance table.

Written from the regulation's criteria (PermenPANRB 8/2026 as summarised in
../shared/reference/PEMDI-2026.md) and from what regional bodies really upload for them: Renstra
drafts carrying the Rencana Aksi Nasional Pemdi, a Perbup on the architecture (still named SPBE
where Pasal 11 lets it), screenshots of the national architecture application, training reports,
cooperation agreements, the PDP officer's decree, audit and ITSA reports, TLS screenshots, the
CSIRT decree and SOP, helpdesk SOPs with their SLA, survey (SKM) reports, and the certificates of
other agencies' indices. Not from the rule file's phrase lists: a document says what such a
document says.

Dates are chosen against the 2026 period's assessment date, 15 September 2026 (the end of the
evidence-upload window, Pemdi 2026's `as_of = "09-15"`): a review is "younger than 2 years" when
dated after 15 September 2024.
"""

from __future__ import annotations

from datetime import date as D

from . import documents as d
from .corpus import Doc
from .documents import NEIGHBOUR

PERBUP_ARCH = ("Peraturan Bupati Sindangraja Nomor 3 Tahun 2025 tentang Arsitektur Pemerintah Digital Kabupaten "
               "Sindangraja")


def _common() -> dict[str, Doc]:
    """The common ladder, shown on indicator 1 (Tata Kelola Pemdi)."""
    return {
        "pu_draft_renstra": Doc(d.rencana("Rencana Strategis Dinas Komunikasi dan Informatika Tahun 2025-2029",
                                          dated=D(2025, 3, 10), draft=True, chapters=[
            ("Pendahuluan", "Rancangan Renstra ini disusun dengan menuangkan substansi Rencana Aksi Nasional "
                            "Pemerintah Digital ke dalam tujuan, sasaran dan program Perangkat Daerah."),
            ("Tujuan dan Sasaran", "Meningkatnya kematangan tata kelola pemerintah digital dan keterpaduan layanan "
                                   "digital Kabupaten Sindangraja."),
            ("Program", "Program Pengelolaan Aplikasi Informatika dan Program Penyelenggaraan Persandian.")]),
            "dokumen_perencanaan", "rancangan", note="the body's own draft Renstra carrying the national plan"),
        "pu_other_draft": Doc(d.rencana("Rencana Strategis Dinas Komunikasi dan Informatika Tahun 2025-2029",
                                        dated=D(2025, 2, 3), draft=True, body=NEIGHBOUR, chapters=[
            ("Pendahuluan", "Rancangan Renstra ini memuat substansi Rencana Aksi Nasional Pemerintah Digital."),
            ("Tujuan dan Sasaran", "Meningkatnya kematangan tata kelola pemerintah digital Kabupaten Karangmulya.")]),
            "dokumen_perencanaan", "rancangan", note="a neighbour's draft Renstra, shared at a provincial forum"),
        "pu_perbup": Doc(d.peraturan_bupati(3, 2025, "Arsitektur Pemerintah Digital Kabupaten Sindangraja", [
            "Dalam Peraturan Bupati ini yang dimaksud dengan Daerah adalah Kabupaten Sindangraja.",
            "Arsitektur Pemerintah Digital Daerah disusun dengan berpedoman pada Arsitektur SPBE Nasional dan "
            "Rencana Aksi Nasional Pemerintah Digital.",
            "Arsitektur Pemerintah Digital Daerah menjadi acuan Perangkat Daerah dalam membangun dan mengembangkan "
            "layanan digital.",
            "Penerapan Arsitektur Pemerintah Digital Daerah dilaksanakan secara bertahap, dimulai pada layanan "
            "administrasi kependudukan, perizinan berusaha dan pengaduan masyarakat."],
            enacted=D(2025, 2, 17), promulgated=D(2025, 2, 17)), "perbup", "diundangkan",
            note="the architecture, a reference for some services, drawn up after the national architecture"),
        "pu_screens": Doc(d.tangkapan_layar("Aplikasi Arsitektur SPBE Nasional", dated=D(2025, 11, 4), shots=[
            ("Beranda instansi", "Pemerintah Kabupaten Sindangraja. Status sinkronisasi: terintegrasi dengan "
                                 "Arsitektur SPBE Nasional."),
            ("Daftar entri", "Layanan administrasi kependudukan, perizinan berusaha dan pengaduan masyarakat "
                             "tercatat beserta aplikasi yang mendukungnya; 3 dari 9 layanan prioritas "
                             "terpetakan.")]),
            "dokumentasi", note="screenshots of the body's entries in the national architecture application"),
        "pu_sop_priority": Doc(d.sop("800/SOP-21/Diskominfo/2025", "Penerapan Arsitektur Pemerintah Digital pada "
                                     "Layanan Digital Prioritas", [
            "Perangkat Daerah mengusulkan rencana pembangunan atau pengembangan layanan digital",
            "Bidang Aptika memeriksa kesesuaian usulan dengan Arsitektur Pemerintah Digital Daerah",
            "Seluruh layanan digital prioritas dan layanan digital tematik dipetakan ke domain arsitektur",
            "Bidang Aptika mencatat hasil pemetaan pada Aplikasi Arsitektur SPBE Nasional"],
            made=D(2025, 6, 2), effective=D(2025, 6, 2), legal_basis=PERBUP_ARCH), "sop", "ditetapkan",
            note="the architecture applied to all priority and thematic services"),
        "pu_sop_some": Doc(d.sop("800/SOP-19/Diskominfo/2025", "Penerapan Arsitektur Pemerintah Digital pada "
                                 "Layanan Perizinan Berusaha", [
            "DPMPTSP mengusulkan pengembangan aplikasi perizinan berusaha",
            "Bidang Aptika memeriksa kesesuaian usulan dengan Arsitektur Pemerintah Digital Daerah",
            "Bidang Aptika mencatat aplikasi perizinan pada Aplikasi Arsitektur SPBE Nasional"],
            made=D(2025, 5, 12), effective=D(2025, 5, 12), legal_basis=PERBUP_ARCH), "sop", "ditetapkan",
            note="the architecture applied to one service only"),
        "pu_review": Doc(d.notulen(
            "Reviu Peraturan Bupati Nomor 3 Tahun 2025 tentang Arsitektur Pemerintah Digital", held=D(2026, 2, 10),
            discussion=["Tim Koordinasi SPBE melakukan reviu atas penerapan Peraturan Bupati Nomor 3 Tahun 2025 "
                        "pada layanan digital prioritas.",
                        "Integrasi data layanan prioritas ke Dasbor Presiden belum diatur."],
            conclusions=["Peraturan Bupati Nomor 3 Tahun 2025 diubah untuk mengatur integrasi dengan Dasbor "
                         "Presiden."]), "notulen", render="scan", note="the review minutes, scanned"),
        "pu_amendment": Doc(d.peraturan_bupati(
            9, 2026, "Perubahan atas Peraturan Bupati Nomor 3 Tahun 2025 tentang Arsitektur Pemerintah Digital "
                     "Kabupaten Sindangraja",
            ["Di antara Pasal 4 dan Pasal 5 disisipkan 1 (satu) pasal, yakni Pasal 4A, yang berbunyi: Data layanan "
             "digital prioritas diintegrasikan dengan Dasbor Presiden melalui Arsitektur SPBE Nasional."],
            enacted=D(2026, 6, 22), promulgated=D(2026, 6, 22),
            amends=PERBUP_ARCH + " (Berita Daerah Kabupaten Sindangraja Tahun 2025 Nomor 3)"),
            "perbup", "diundangkan", note="the follow-up of the review"),
        "pu_screens_upload": Doc(d.tangkapan_layar("Aplikasi Arsitektur SPBE Nasional", dated=D(2026, 8, 12), shots=[
            ("Beranda instansi", "Pemerintah Kabupaten Sindangraja. Status sinkronisasi: terintegrasi dengan "
                                 "Arsitektur SPBE Nasional."),
            ("Daftar entri", "Layanan administrasi kependudukan, perizinan berusaha dan pengaduan masyarakat "
                             "tercatat beserta aplikasi yang mendukungnya; 3 dari 9 layanan prioritas "
                             "terpetakan.")]),
            "dokumentasi", note="the same entries, screenshot again in August 2026 for the upload: nothing changed"),
    }


def _sdm() -> dict[str, Doc]:
    """SDM ladder (indicator 3): competency map → >90% of ICT staff trained → users too → AI and data
    analysis used intensively → national impact."""
    return {
        "ps_undangan": Doc(d.undangan("005/77/Diskominfo/2025", "Penyusunan Peta Kompetensi SDM TIK",
                                      sent=D(2025, 1, 13), meeting=D(2025, 1, 20),
                                      agenda="penyusunan peta kompetensi SDM teknologi informasi dan komunikasi"),
                           "undangan"),
        "ps_map": Doc(d.laporan("Laporan Pemetaan Kompetensi SDM Teknologi Informasi dan Komunikasi",
                                dated=D(2025, 3, 3),
                                chapters=[
            ("Pendahuluan", "Pemetaan kompetensi dilakukan atas 41 pranata komputer dan pengelola TIK pada "
                            "Perangkat Daerah berdasarkan standar kompetensi jabatan."),
            ("Hasil Pemetaan", "Kesenjangan kompetensi terbesar terdapat pada keamanan siber dan pengembangan "
                               "aplikasi."),
            ("Rekomendasi", "Pelatihan keamanan siber dan pengembangan aplikasi diprioritaskan pada tahun 2025.")]),
            "laporan", note="the competency map of the ICT staff"),
        "ps_training_ict": Doc(d.laporan("Laporan Pelaksanaan Bimbingan Teknis Pengelola TIK Tahun 2025",
                                         dated=D(2025, 11, 24), chapters=[
            ("Pendahuluan", "Bimbingan teknis keamanan siber dan pengembangan aplikasi dilaksanakan bagi pengelola "
                            "TIK Perangkat Daerah."),
            ("Peserta", "Bimbingan teknis diikuti oleh 38 dari 41 pranata komputer dan pengelola TIK (92,7 persen); "
                        "35 peserta lulus uji kompetensi."),
            ("Penutup", "Tiga pengelola TIK yang belum mengikuti dijadwalkan pada triwulan I 2026.")]),
            "laporan", note="38 of 41 ICT staff trained (92.7%)"),
        "ps_training_few": Doc(d.laporan("Laporan Pelatihan Keamanan Siber bagi Pengelola TIK", dated=D(2025, 9, 8),
                                         chapters=[
            ("Pendahuluan", "Pelatihan keamanan siber dilaksanakan bagi pengelola TIK bekerja sama dengan BSSN."),
            ("Peserta", "Pelatihan diikuti oleh 12 dari 41 pranata komputer dan pengelola TIK (29 persen)."),
            ("Penutup", "Pengelola TIK lainnya akan dilatih secara bertahap sampai tahun 2027.")]),
            "laporan", note="12 of 41 ICT staff trained (29%): not more than 90%"),
        "ps_training_users": Doc(d.laporan("Laporan Pelatihan Literasi Digital bagi Aparatur Sipil Negara",
                                           dated=D(2026, 2, 16), chapters=[
            ("Pendahuluan", "Pelatihan literasi digital dan penggunaan aplikasi Srikandi serta e-Kinerja "
                            "dilaksanakan bagi pegawai pengguna layanan digital di luar pengelola TIK."),
            ("Peserta", "Pelatihan diikuti oleh 1.240 pegawai dari 31 Perangkat Daerah secara daring dan luring."),
            ("Penutup", "Materi pelatihan diunggah pada kelas daring agar dapat diikuti pegawai baru.")]),
            "laporan", note="training of the users, not only of the ICT staff"),
        "ps_ai": Doc(d.laporan("Laporan Pemanfaatan Kecerdasan Artifisial dan Analisis Data Tahun 2026",
                               dated=D(2026, 5, 11), chapters=[
            ("Pendahuluan", "Pegawai Perangkat Daerah memanfaatkan dasbor analitik data kependudukan, kemiskinan "
                            "dan pengaduan dalam rapat pimpinan mingguan."),
            ("Pemanfaatan", "Asisten virtual berbasis kecerdasan artifisial menjawab 18.400 pertanyaan warga; "
                            "analisis data pengaduan dipakai untuk menentukan prioritas perbaikan layanan."),
            ("Penutup", "Sejalan dengan Strategi Nasional Kecerdasan Artifisial, pemanfaatannya akan diperluas ke "
                        "layanan perizinan.")]),
            "laporan", note="AI and data analysis used in daily work"),
        "ps_award": Doc(d.piagam(
            "Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi", "B/214/PD.00/2026",
            "Penerima Penghargaan Inovasi Pemerintah Digital Tingkat Nasional",
            "atas asisten virtual layanan warga yang telah direplikasi oleh 14 pemerintah daerah lain",
            given=D(2026, 7, 2), signer="Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi"),
            "sertifikat", note="a national award for an innovation other bodies replicated"),
        "ps_award_province": Doc(d.laporan("Laporan Keikutsertaan Lomba Inovasi Digital Tingkat Provinsi Jawa Barat",
                                           dated=D(2026, 6, 15), chapters=[
            ("Pendahuluan", "Kabupaten Sindangraja mengikutsertakan asisten virtual layanan warga pada lomba "
                            "inovasi digital Provinsi Jawa Barat."),
            ("Hasil", "Asisten virtual layanan warga meraih penghargaan juara II tingkat provinsi.")]),
            "laporan", note="a provincial award: no national impact"),
    }


def _collaboration() -> dict[str, Doc]:
    """Collaboration ladder (indicator 4): inside → other agencies → academia, business, media,
    communities → directed and reviewed → followed up."""
    forum = "Forum Kolaborasi Pentaheliks Pemerintah Digital Kabupaten Sindangraja"
    return {
        "pk_rakor": Doc(d.notulen("Rapat Koordinasi Tim Koordinasi SPBE Lintas Perangkat Daerah", held=D(2025, 3, 18),
                                  discussion=["Bapperida, Bagian Organisasi dan Diskominfo menyepakati pembagian "
                                              "tugas penyusunan peta proses bisnis layanan digital.",
                                              "Dinas Kesehatan dan Disdukcapil berbagi pakai server aplikasi."],
                                  conclusions=["Setiap Perangkat Daerah menunjuk satu pengelola aplikasi sebagai "
                                               "narahubung."]), "notulen"),
        "pk_rakor_stunting": Doc(d.notulen("Rapat Koordinasi Percepatan Penurunan Stunting", held=D(2025, 4, 7),
                                           discussion=["Dinas Kesehatan, Bapperida dan kecamatan membahas sasaran "
                                                       "keluarga berisiko stunting.",
                                                       "Kader posyandu melakukan pendampingan rumah ke rumah."],
                                           conclusions=["Rembuk stunting tingkat kabupaten diadakan bulan Mei."]),
                                 "notulen", note="cooperation across units, but on nothing digital"),
        "pk_pks_bps": Doc(d.perjanjian("000.3/41/PKS/2025", "Badan Pusat Statistik Kabupaten Sindangraja",
                                       "Ir. HERU SANTOSO, M.Si.", "Pembinaan Statistik Sektoral dan Satu Data", [
            ("Maksud dan Tujuan", "Perjanjian ini dimaksudkan sebagai pedoman PARA PIHAK dalam pembinaan statistik "
                                  "sektoral dan pertukaran data melalui portal Satu Data Kabupaten Sindangraja."),
            ("Ruang Lingkup", "Ruang lingkup kerja sama meliputi penyusunan metadata, rekomendasi kegiatan "
                              "statistik, dan pemanfaatan aplikasi bersama; dokumen disampaikan melalui media "
                              "elektronik."),
            ("Jangka Waktu", "Perjanjian berlaku 3 (tiga) tahun sejak ditandatangani.")], signed=D(2025, 5, 20)),
            "perjanjian", note="cooperation with another government agency (BPS)"),
        "pk_pks_univ": Doc(d.perjanjian("000.3/58/PKS/2025", "Universitas Sindangraja", "Prof. Dr. LINA MARLIANI, M.T.",
                                        "Pengembangan Talenta Digital dan Aplikasi Layanan Publik", [
            ("Maksud dan Tujuan", "Perjanjian ini dimaksudkan sebagai pedoman PARA PIHAK dalam pengembangan talenta "
                                  "digital aparatur dan aplikasi layanan publik."),
            ("Ruang Lingkup", "Mahasiswa magang mengembangkan aplikasi layanan publik bersama Diskominfo; dosen "
                              "memberikan pendampingan keamanan aplikasi."),
            ("Jangka Waktu", "Perjanjian berlaku 2 (dua) tahun sejak ditandatangani.")], signed=D(2025, 8, 4)),
            "perjanjian", note="cooperation with a university"),
        "pk_forum": Doc(d.keputusan_bupati("100.3.3.2/Kep.61-Diskominfo/2025", forum, [
            f"Membentuk {forum} dengan susunan keanggotaan dari Perangkat Daerah, perguruan tinggi, dunia usaha, "
            "media dan komunitas sebagaimana tercantum dalam Lampiran.",
            "Forum bertugas mengarahkan kolaborasi dan kerja sama penyelenggaraan pemerintah digital dan menyusun "
            "rencana kerja tahunan.",
            "Forum melaporkan pelaksanaan kolaborasi kepada Bupati setiap akhir tahun."], enacted=D(2025, 9, 1)),
            "kepbup", "ditetapkan", note="a decree directing the collaboration"),
        "pk_review": Doc(d.laporan("Laporan Reviu Pelaksanaan Kolaborasi Pemerintah Digital Tahun 2025",
                                   dated=D(2026, 3, 9), chapters=[
            ("Pendahuluan", f"Reviu dilaksanakan atas pelaksanaan Keputusan Bupati tentang {forum} dan perjanjian "
                            "kerja sama dengan Universitas Sindangraja."),
            ("Hasil Reviu", "Kerja sama dengan Universitas Sindangraja baru menghasilkan satu aplikasi; komunitas "
                            "belum dilibatkan dalam pengujian."),
            ("Rekomendasi", "Perjanjian kerja sama dengan Universitas Sindangraja diperluas dengan pengujian "
                            "aplikasi bersama komunitas.")]), "laporan"),
        "pk_addendum": Doc(d.perjanjian("000.3/22/PKS/2026", "Universitas Sindangraja", "Prof. Dr. LINA MARLIANI, M.T.",
                                        "Pengembangan Talenta Digital dan Aplikasi Layanan Publik", [
            ("Perubahan Ruang Lingkup", "Ruang lingkup kerja sama ditambah dengan pengujian aplikasi layanan publik "
                                        "bersama komunitas pengembang lokal, sesuai hasil reviu bulan Maret 2026."),
            ("Ketentuan Lain", "Ketentuan lain dalam Perjanjian Kerja Sama Nomor 000.3/58/PKS/2025 tetap berlaku.")],
            signed=D(2026, 5, 25), addendum=True), "perjanjian", note="the agreement extended after the review"),
    }


def _pdp() -> dict[str, Doc]:
    """PDP ladder (indicator 8): ad hoc → PDP action plan and technical PDP on some services → in the
    Pemdi action plan, all services, officer, privacy notice, processing records, DPIA → evaluated →
    followed up."""
    kep_ppdp = "100.3.3.2/Kep.30-Diskominfo/2025"
    return {
        "pp_draft_sop": Doc(d.sop("", "Penanganan Permintaan Akses dan Penghapusan Data Pribadi", [
            "Subjek data pribadi menyampaikan permintaan melalui loket atau surel",
            "Petugas memverifikasi identitas subjek data pribadi",
            "Pengelola aplikasi menindaklanjuti permintaan akses atau penghapusan"],
            made=D(2025, 1, 20), effective=D(2025, 1, 20), draft=True), "sop", "rancangan",
            note="a first, draft SOP: practice still ad hoc"),
        "pp_sop_sektoral": Doc(d.sop("800/SOP-05/Diskominfo/2025", "Pengumpulan Data Statistik Sektoral", [
            "Produsen Data mengisi formulir data sektoral", "Walidata memeriksa kelengkapan metadata",
            "Walidata menayangkan data pada portal Satu Data"],
            made=D(2025, 2, 3), effective=D(2025, 2, 3)), "sop", "ditetapkan",
            note="about data, but not about personal data"),
        "pp_plan": Doc(d.rencana("Rencana Aksi Pelindungan Data Pribadi Tahun 2025-2026",
                                 dated=D(2025, 4, 14), chapters=[
            ("Pendahuluan", "Rencana aksi ini melaksanakan Undang-Undang Nomor 27 Tahun 2022 tentang Pelindungan "
                            "Data Pribadi di lingkungan Pemerintah Kabupaten Sindangraja."),
            ("Kegiatan", "Inventarisasi data pribadi, penyusunan pemberitahuan privasi dan pembatasan hak akses "
                         "pada aplikasi kependudukan dan kesehatan pada tahun 2025.")]), "dokumen_perencanaan"),
        "pp_consent_screens": Doc(d.tangkapan_layar("Aplikasi Layanan Kesehatan Sehati", dated=D(2025, 7, 7), shots=[
            ("Halaman persetujuan", "Sebelum mendaftar, pengguna membaca pemberitahuan privasi dan memberikan "
                                    "persetujuan atas pemrosesan data pribadinya."),
            ("Pengaturan hak akses", "Petugas puskesmas hanya dapat melihat data pribadi pasien pada wilayah "
                                     "kerjanya.")]), "dokumentasi", note="technical PDP on one service"),
        "pp_kep_ppdp": Doc(d.keputusan_bupati(kep_ppdp, "Penunjukan Pejabat Pelindungan Data Pribadi", [
            "Menunjuk Kepala Bidang Persandian dan Keamanan Informasi sebagai pejabat pelindungan data pribadi "
            "di lingkungan Pemerintah Kabupaten Sindangraja.",
            "Pejabat sebagaimana dimaksud dalam Diktum KESATU memantau kepatuhan pemrosesan data pribadi pada "
            "seluruh layanan digital Perangkat Daerah."], enacted=D(2025, 10, 6)), "kepbup", "ditetapkan"),
        "pp_renaksi_pemdi": Doc(d.rencana("Rencana Aksi Pemerintah Digital Kabupaten Sindangraja Tahun 2026",
                                          dated=D(2025, 12, 15), chapters=[
            ("Pendahuluan", "Rencana aksi ini menjabarkan Rencana Aksi Nasional Pemerintah Digital pada tingkat "
                            "daerah."),
            ("Pelindungan Data Pribadi", "Pelindungan data pribadi diterapkan pada seluruh layanan digital: "
                                         "pemberitahuan privasi, rekaman aktivitas pemrosesan, dan penilaian "
                                         "dampak pelindungan data pribadi.")]), "dokumen_perencanaan"),
        "pp_ropa_dpia": Doc(d.laporan("Laporan Penerapan Pelindungan Data Pribadi pada Layanan Digital",
                                      dated=D(2026, 1, 26), chapters=[
            ("Pemberitahuan Privasi", "Pemberitahuan privasi telah dipasang pada 27 layanan digital."),
            ("Rekaman Aktivitas Pemrosesan", "Rekaman aktivitas pemrosesan data pribadi disusun untuk 27 layanan "
                                             "digital."),
            ("Penilaian Dampak", "Penilaian dampak pelindungan data pribadi (DPIA) dilakukan atas layanan kesehatan "
                                 "dan kependudukan yang memproses data spesifik.")]), "laporan"),
        "pp_ropa_only": Doc(d.laporan("Laporan Penerapan Pelindungan Data Pribadi pada Layanan Digital",
                                      dated=D(2026, 1, 19), subtitle="Tahap Pertama", chapters=[
            ("Pemberitahuan Privasi", "Pemberitahuan privasi telah dipasang pada 27 layanan digital."),
            ("Rekaman Aktivitas Pemrosesan", "Rekaman aktivitas pemrosesan data pribadi disusun untuk 27 layanan "
                                             "digital.")]), "laporan", note="without the impact assessment"),
        "pp_eval": Doc(d.laporan("Laporan Evaluasi Pelaksanaan Pelindungan Data Pribadi Tahun 2026",
                                 dated=D(2026, 4, 20),
                                 chapters=[
            ("Pendahuluan", "Evaluasi menyeluruh dilakukan atas pelaksanaan Rencana Aksi Pelindungan Data Pribadi "
                            "Tahun 2025-2026 pada seluruh Perangkat Daerah."),
            ("Hasil Evaluasi", "Pemberitahuan privasi pada 5 aplikasi belum menyebut jangka waktu penyimpanan data."),
            ("Rekomendasi", "Pemberitahuan privasi diperbarui dan SOP permintaan penghapusan data ditetapkan.")]),
            "laporan"),
        "pp_followup": Doc(d.sop("800/SOP-31/Diskominfo/2026",
                                 "Penanganan Permintaan Akses dan Penghapusan Data Pribadi", [
            "Subjek data pribadi menyampaikan permintaan melalui loket, surel atau aplikasi",
            "Petugas memverifikasi identitas subjek data pribadi",
            "Pejabat pelindungan data pribadi menilai permintaan paling lama 3 hari kerja",
            "Pengelola aplikasi menghapus data dan memberitahukan hasilnya kepada subjek data pribadi"],
            made=D(2026, 6, 8), effective=D(2026, 6, 8)), "sop", "ditetapkan",
            note="the SOP established after the evaluation"),
    }


def _audit() -> dict[str, Doc]:
    """Audit ladder (indicator 9): team and plan → internal audit of some services → internal audit
    followed up → external audit of priority services → its follow-up."""
    return {
        "pa_team": Doc(d.keputusan_bupati("100.3.3.2/Kep.12-Inspektorat/2025", "Tim Audit Teknologi Informasi dan "
                                          "Komunikasi", [
            "Membentuk Tim Audit Teknologi Informasi dan Komunikasi Kabupaten Sindangraja dengan susunan "
            "keanggotaan sebagaimana tercantum dalam Lampiran.",
            "Tim bertugas melaksanakan audit keamanan aplikasi dan infrastruktur pemerintah digital."],
            enacted=D(2025, 1, 27)), "kepbup", "ditetapkan"),
        "pa_plan": Doc(d.rencana("Program Kerja Audit Keamanan dan Teknologi Pemerintah Digital Tahun 2025",
                                 dated=D(2025, 2, 10), chapters=[
            ("Pendahuluan", "Program kerja ini memuat jadwal audit keamanan aplikasi dan infrastruktur."),
            ("Jadwal", "Audit aplikasi kepegawaian pada bulan Juni, audit pusat data pada bulan Agustus 2025.")]),
            "dokumen_perencanaan"),
        "pa_internal": Doc(d.laporan("Laporan Hasil Audit Internal Keamanan Aplikasi Kepegawaian", dated=D(2025, 7, 14),
                                     chapters=[
            ("Pendahuluan", "Audit keamanan aplikasi kepegawaian dilaksanakan oleh Tim Audit TIK Inspektorat "
                            "sesuai program kerja audit tahun 2025."),
            ("Hasil Audit", "Auditor internal mencatat 6 temuan, antara lain kata sandi bawaan dan pencatatan log "
                            "yang tidak aktif."),
            ("Rekomendasi", "Pengelola aplikasi mengganti kata sandi bawaan dan mengaktifkan log.")]), "laporan",
            note="an internal audit"),
        "pa_internal_bssn": Doc(d.laporan("Laporan Hasil Audit Internal Keamanan Aplikasi Kepegawaian",
                                          dated=D(2025, 7, 21),
                                     chapters=[
            ("Pendahuluan", "Audit keamanan aplikasi kepegawaian dilaksanakan oleh Tim Audit TIK Inspektorat "
                            "berpedoman pada Peraturan BSSN Nomor 4 Tahun 2021 tentang Pedoman Manajemen Keamanan "
                            "Informasi SPBE."),
            ("Hasil Audit", "Auditor internal mencatat 6 temuan, antara lain kata sandi bawaan dan pencatatan log "
                            "yang tidak aktif."),
            ("Rekomendasi", "Pengelola aplikasi mengganti kata sandi bawaan dan mengaktifkan log.")]), "laporan",
            note="an internal audit that follows BSSN's guideline"),
        "pa_internal_followup": Doc(d.laporan("Laporan Tindak Lanjut Temuan Audit Internal Aplikasi Kepegawaian",
                                              dated=D(2025, 10, 20), chapters=[
            ("Pendahuluan", "Laporan ini menyajikan status tindak lanjut temuan audit internal aplikasi kepegawaian."),
            ("Status", "5 dari 6 temuan telah selesai ditindaklanjuti; 1 temuan dalam proses.")]), "laporan"),
        "pa_external": Doc(d.laporan("Laporan Hasil IT Security Assessment Layanan Digital Prioritas",
                                     dated=D(2026, 2, 23), chapters=[
            ("Pendahuluan", "IT Security Assessment atas layanan digital prioritas Kabupaten Sindangraja "
                            "dilaksanakan oleh tim Badan Siber dan Sandi Negara sebagai auditor eksternal."),
            ("Hasil", "Tim BSSN menemukan 3 kerentanan tinggi pada aplikasi perizinan dan pengaduan."),
            ("Rekomendasi", "Kerentanan tinggi ditutup paling lambat 60 hari.")]), "laporan",
            note="the external audit (ITSA) of the priority services"),
        "pa_external_followup": Doc(d.berita_acara("Penyelesaian Tindak Lanjut Hasil IT Security Assessment BSSN",
                                                   held=D(2026, 5, 4), text=[
            "Tiga kerentanan tinggi temuan IT Security Assessment BSSN telah ditutup dan diverifikasi ulang.",
            "Seluruh rekomendasi telah ditindaklanjuti."]), "berita_acara"),
    }


def _cryptography() -> dict[str, Doc]:
    """Cryptography ladder (indicator 11): none yet → some services → both data states on some → both
    on all priority services → evaluated."""
    return {
        "pc_draft": Doc(d.peraturan_bupati(0, 2025, "Penyelenggaraan Persandian untuk Pengamanan Informasi", [
            "Persandian untuk pengamanan informasi diselenggarakan oleh Dinas Komunikasi dan Informatika.",
            "Informasi berklasifikasi diamankan dengan kriptografi sesuai ketentuan BSSN."],
            enacted=D(2025, 3, 3), draft=True), "perbup", "rancangan"),
        "pc_other_draft": Doc(d.peraturan_bupati(0, 2025, "Penyelenggaraan Persandian untuk Pengamanan Informasi", [
            "Persandian untuk pengamanan informasi diselenggarakan oleh Dinas Komunikasi dan Informatika.",
            "Informasi berklasifikasi diamankan dengan kriptografi sesuai ketentuan BSSN."],
            enacted=D(2025, 2, 3), draft=True, body=NEIGHBOUR), "perbup", "rancangan",
            note="a neighbour's draft"),
        "pc_tls": Doc(d.tangkapan_layar("Laman dan Aplikasi Perizinan Kabupaten Sindangraja", dated=D(2025, 6, 16),
                                        shots=[
            ("Sertifikat TLS", "Laman perizinan diakses melalui HTTPS dengan sertifikat TLS yang masih berlaku."),
            ("Dokumen bertanda tangan elektronik", "Izin yang terbit dibubuhi tanda tangan elektronik dari BSrE.")]),
            "dokumentasi", note="one data state (in transit) on some services"),
        "pc_two_states": Doc(d.laporan("Laporan Penerapan Enkripsi pada Aplikasi Kepegawaian", dated=D(2025, 10, 13),
                                       chapters=[
            ("Pendahuluan", "Enkripsi diterapkan pada aplikasi kepegawaian dan e-Kinerja."),
            ("Data Tersimpan", "Basis data kepegawaian dienkripsi dengan AES-256."),
            ("Data dalam Transmisi", "Pertukaran data antara aplikasi dan peramban memakai TLS 1.3.")]), "laporan",
            note="both data states on two applications"),
        "pc_all_priority": Doc(d.laporan("Laporan Penerapan Kriptografi pada Seluruh Layanan Digital Prioritas",
                                         dated=D(2026, 4, 6), chapters=[
            ("Pendahuluan", "Kriptografi diterapkan pada seluruh layanan digital prioritas: kependudukan, "
                            "perizinan, kesehatan, pengaduan dan kepegawaian."),
            ("Data Tersimpan", "Basis data kelima layanan dienkripsi; kunci dikelola pada modul keamanan perangkat "
                               "keras."),
            ("Data dalam Transmisi", "Seluruh layanan hanya dapat diakses melalui HTTPS dengan TLS 1.3.")]), "laporan"),
        "pc_evaluation": Doc(d.laporan("Laporan Evaluasi Penerapan Kriptografi untuk Keamanan Data",
                                       dated=D(2026, 7, 13),
                                       chapters=[
            ("Pendahuluan", "Evaluasi penerapan kriptografi dilakukan bersama BSSN atas seluruh layanan digital "
                            "prioritas."),
            ("Hasil", "Masa berlaku dua sertifikat elektronik perlu diperpanjang; algoritma enkripsi sudah sesuai."),
            ("Perbaikan", "Sertifikat elektronik diperpanjang pada bulan Agustus 2026.")]), "laporan"),
    }


def _incident() -> dict[str, Doc]:
    """Incident handling ladder (indicator 12): CSIRT being prepared → formed → all priority services →
    reviewed, national sharing → continuous improvement."""
    csirt = "Tim Tanggap Insiden Siber Kabupaten Sindangraja (Sindangraja-CSIRT)"
    return {
        "pi_draft": Doc(d.keputusan_bupati("", f"Pembentukan {csirt}", [
            f"Membentuk {csirt} dengan susunan keanggotaan sebagaimana tercantum dalam Lampiran.",
            "Tim bertugas melakukan penanganan insiden siber pada layanan digital Pemerintah Daerah."],
            enacted=D(2025, 1, 6), draft=True), "kepbup", "rancangan"),
        "pi_other": Doc(d.keputusan_bupati("100.3.3.2/Kep.5-Diskominfo/2025",
                                           "Pembentukan Tim Tanggap Insiden Siber Kabupaten Karangmulya", [
            "Membentuk Tim Tanggap Insiden Siber Kabupaten Karangmulya sebagaimana tercantum dalam Lampiran.",
            "Tim bertugas melakukan penanganan insiden siber pada layanan digital Pemerintah Daerah."],
            enacted=D(2025, 2, 10), body=NEIGHBOUR), "kepbup", "ditetapkan", note="a neighbour's CSIRT decree"),
        "pi_decree": Doc(d.keputusan_bupati("100.3.3.2/Kep.19-Diskominfo/2025", f"Pembentukan {csirt}", [
            f"Membentuk {csirt} dengan susunan keanggotaan sebagaimana tercantum dalam Lampiran.",
            "Tim bertugas melakukan penanganan insiden siber pada layanan digital Pemerintah Daerah.",
            "Tim melaporkan insiden siber kepada Bupati melalui Kepala Dinas Komunikasi dan Informatika."],
            enacted=D(2025, 4, 14)), "kepbup", "ditetapkan"),
        "pi_sop": Doc(d.sop("800/SOP-24/Diskominfo/2025", "Penanganan Insiden Siber pada Layanan Digital Prioritas", [
            "Petugas menerima laporan insiden siber dari pengguna atau sistem pemantauan",
            "Sindangraja-CSIRT menilai tingkat dampak insiden pada layanan digital prioritas",
            "Sindangraja-CSIRT melakukan penanggulangan dan pemulihan layanan",
            "Sindangraja-CSIRT menyusun laporan insiden"],
            made=D(2025, 7, 7), effective=D(2025, 7, 7)), "sop", "ditetapkan",
            note="incident handling for all priority services"),
        "pi_sop_website": Doc(d.sop("800/SOP-17/Diskominfo/2025", "Penanganan Insiden Siber pada Laman Resmi", [
            "Petugas menerima laporan perubahan tampilan (deface) laman resmi",
            "Sindangraja-CSIRT memulihkan laman dari cadangan",
            "Sindangraja-CSIRT menyusun laporan insiden"],
            made=D(2025, 5, 5), effective=D(2025, 5, 5)), "sop", "ditetapkan",
            note="incident handling for the website only"),
        "pi_sharing": Doc(d.laporan("Laporan Penanganan Insiden Siber Semester II 2025",
                                    dated=D(2025, 12, 29), chapters=[
            ("Pendahuluan", "Sindangraja-CSIRT menangani 7 insiden siber pada semester II 2025."),
            ("Pelaporan", "Seluruh insiden dilaporkan kepada Gov-CSIRT Indonesia di BSSN melalui aplikasi pelaporan "
                          "insiden nasional.")]), "laporan", note="incidents shared nationally"),
        "pi_review": Doc(d.notulen("Reviu Penanganan Insiden Siber Tahun 2025", held=D(2026, 1, 26), discussion=[
            "Sindangraja-CSIRT memaparkan penanganan 7 insiden siber tahun 2025.",
            "Waktu pemulihan layanan perizinan melebihi target."],
            conclusions=["SOP penanganan insiden siber diperbarui dengan prosedur eskalasi."]), "notulen"),
        "pi_sop_v2": Doc(d.sop("800/SOP-24.1/Diskominfo/2026", "Penanganan Insiden Siber pada Layanan Digital "
                               "Prioritas (Revisi)", [
            "Petugas menerima laporan insiden siber dari pengguna atau sistem pemantauan",
            "Sindangraja-CSIRT menilai tingkat dampak insiden pada layanan digital prioritas",
            "Sindangraja-CSIRT melakukan eskalasi kepada Gov-CSIRT bila layanan tidak pulih dalam 4 jam",
            "Sindangraja-CSIRT menyusun laporan insiden"],
            made=D(2026, 3, 16), effective=D(2026, 3, 16)), "sop", "ditetapkan",
            note="the SOP improved after the review"),
    }


def _support() -> dict[str, Doc]:
    """User-support ladder (indicator 19): a facility → SOP with SLA → automated SLA monitoring →
    integrated nationally and reviewed → followed up."""
    sop_name = "Layanan Bantuan (Helpdesk) Layanan Digital"
    return {
        "pd_manual": Doc(d.manual("Aplikasi e-Kinerja", "1.0", dated=D(2025, 1, 6), sections=[
            ("Masuk Aplikasi", "Pegawai masuk dengan NIP dan kata sandi."),
            ("Mengisi Kinerja Harian", "Pegawai mengisi kegiatan harian dan mengunggah bukti kegiatan.")]),
            "manual", note="a manual without any support facility"),
        "pd_helpdesk": Doc(d.tangkapan_layar("Layanan Bantuan Aplikasi Pemerintah Kabupaten Sindangraja",
                                             dated=D(2025, 2, 17), shots=[
            ("Halaman helpdesk", "Pengguna menyampaikan kendala melalui formulir helpdesk, obrolan daring atau "
                                 "nomor pusat panggilan 0265-771234."),
            ("Halaman FAQ", "Daftar pertanyaan yang sering diajukan tentang akun dan kata sandi.")]), "dokumentasi"),
        "pd_sop_no_sla": Doc(d.sop("800/SOP-11/Diskominfo/2025", sop_name, [
            "Petugas helpdesk menerima laporan kendala pengguna",
            "Petugas helpdesk meneruskan kendala kepada pengelola aplikasi",
            "Pengelola aplikasi menyelesaikan kendala dan memberi tahu pengguna"],
            made=D(2025, 3, 3), effective=D(2025, 3, 3)), "sop", "ditetapkan", note="an SOP without an SLA"),
        "pd_sop_sla": Doc(d.sop("800/SOP-12/Diskominfo/2025", sop_name, [
            "Petugas helpdesk menerima laporan kendala pengguna dengan waktu tanggap paling lama 15 menit",
            "Petugas helpdesk meneruskan kendala kepada pengelola aplikasi",
            "Pengelola aplikasi menyelesaikan kendala dengan waktu penyelesaian paling lama 1 hari kerja "
            "sesuai tingkat layanan (SLA)"],
            made=D(2025, 3, 10), effective=D(2025, 3, 10)), "sop", "ditetapkan"),
        "pd_ticketing": Doc(d.tangkapan_layar("Aplikasi Tiket Helpdesk", dated=D(2025, 8, 4), shots=[
            ("Dasbor SLA", "Capaian waktu tanggap dan waktu penyelesaian tiket dihitung otomatis per bulan; tiket "
                           "yang melewati batas diberi notifikasi eskalasi.")]), "dokumentasi"),
        "pd_national": Doc(d.berita_acara("Integrasi Layanan Bantuan Daerah dengan SP4N-LAPOR", held=D(2025, 10, 20),
                                          text=[
            "Kanal layanan bantuan Pemerintah Kabupaten Sindangraja telah terhubung dengan SP4N-LAPOR, layanan "
            "pengaduan nasional yang dikelola KemenPANRB.",
            "Tiket yang masuk melalui SP4N-LAPOR diteruskan otomatis ke aplikasi tiket helpdesk daerah."]),
            "berita_acara"),
        "pd_review": Doc(d.notulen(f"Reviu SOP {sop_name}", held=D(2026, 2, 2), discussion=[
            "Tim melakukan reviu atas SOP Layanan Bantuan (Helpdesk) Layanan Digital Nomor 800/SOP-12/Diskominfo/2025.",
            "Waktu penyelesaian kendala akun rata-rata 2 hari kerja, melebihi SLA."],
            conclusions=["SOP diperbarui dengan penyelesaian mandiri atur ulang kata sandi."]), "notulen"),
        "pd_sop_v2": Doc(d.sop("800/SOP-12.1/Diskominfo/2026", sop_name + " (Revisi)", [
            "Pengguna mengatur ulang kata sandi secara mandiri melalui laman helpdesk",
            "Petugas helpdesk menerima laporan kendala pengguna dengan waktu tanggap paling lama 15 menit",
            "Pengelola aplikasi menyelesaikan kendala dengan waktu penyelesaian paling lama 1 hari kerja sesuai SLA"],
            made=D(2026, 4, 6), effective=D(2026, 4, 6)), "sop", "ditetapkan"),
    }


def _satisfaction() -> dict[str, Doc]:
    """Satisfaction ladder (indicator 20)."""
    return {
        "pq_skm": Doc(d.laporan("Laporan Survei Kepuasan Masyarakat terhadap Layanan Digital Tahun 2025",
                                dated=D(2025, 7, 21), chapters=[
            ("Metode", "Survei kepuasan masyarakat dilaksanakan secara daring melalui tautan pada laman resmi "
                       "sesuai Peraturan Menteri PANRB Nomor 14 Tahun 2017."),
            ("Responden", "Sebanyak 1.106 responden, termasuk 64 penyandang disabilitas dan 120 lanjut usia."),
            ("Hasil", "Indeks kepuasan masyarakat 84,2 (baik).")]), "laporan"),
        "pq_skm_no_vulnerable": Doc(d.laporan("Laporan Survei Kepuasan Masyarakat terhadap Layanan Digital Tahun 2025",
                                              dated=D(2025, 7, 14), subtitle="Laporan Awal", chapters=[
            ("Metode", "Survei kepuasan masyarakat dilaksanakan secara daring melalui tautan pada laman resmi "
                       "sesuai Peraturan Menteri PANRB Nomor 14 Tahun 2017."),
            ("Responden", "Sebanyak 1.106 responden menurut jenis kelamin, pendidikan dan pekerjaan."),
            ("Hasil", "Indeks kepuasan masyarakat 84,2 (baik).")]), "laporan",
            note="no vulnerable group among those surveyed"),
        "pq_feedback": Doc(d.tangkapan_layar("Kanal Saran Layanan Digital", dated=D(2025, 5, 5), shots=[
            ("Daftar saran", "Saran pengguna beserta tanggapan petugas yang ditayangkan pada laman layanan.")]),
            "dokumentasi"),
        "pq_widget": Doc(d.tangkapan_layar("Aplikasi Perizinan Sindangraja", dated=D(2025, 9, 1), shots=[
            ("Widget survei", "Setelah izin terbit, widget survei kepuasan muncul dengan pilihan nilai 1 sampai 5.")]),
            "dokumentasi"),
        "pq_quarterly": Doc(d.laporan("Laporan Olah Data Survei Kepuasan Masyarakat Triwulan I 2026",
                                      dated=D(2026, 4, 13), chapters=[
            ("Hasil", "Indeks kepuasan masyarakat triwulan I sebesar 85,1 dari 1.942 responden."),
            ("Tindak Lanjut", "Unsur waktu pelayanan mendapat nilai terendah.")]), "laporan"),
        "pq_ux_team": Doc(d.keputusan_bupati("100.3.3.2/Kep.71-Diskominfo/2025", "Tim Pengalaman Pengguna (User "
                                             "Experience) Layanan Digital", [
            "Membentuk Tim Pengalaman Pengguna (User Experience) Layanan Digital Kabupaten Sindangraja sebagaimana "
            "tercantum dalam Lampiran.",
            "Tim bertugas menguji kegunaan dan merancang tampilan layanan digital."], enacted=D(2025, 11, 3)),
            "kepbup", "ditetapkan"),
        "pq_dashboard": Doc(d.tangkapan_layar("Dasbor Publik Kepuasan Layanan Digital", dated=D(2026, 1, 12), shots=[
            ("Dasbor", "Indeks kepuasan masyarakat per layanan digital ditayangkan untuk publik dan diperbarui "
                       "setiap bulan.")]), "dokumentasi"),
        "pq_mystery": Doc(d.laporan("Laporan Mystery Shopping Layanan Digital Tahun 2026",
                                    dated=D(2026, 3, 30), chapters=[
            ("Metode", "Petugas menyamar sebagai pemohon izin dan pengguna layanan kesehatan daring."),
            ("Temuan", "Formulir pendaftaran terlalu panjang; status permohonan tidak diperbarui.")]), "laporan"),
        "pq_redesign": Doc(d.tangkapan_layar("Aplikasi Perizinan Sindangraja Versi Baru", dated=D(2026, 5, 18), shots=[
            ("Tampilan baru", "Desain ulang formulir pendaftaran menjadi tiga langkah dan penyederhanaan alur "
                              "pelacakan status.")]), "dokumentasi"),
        "pq_changelog": Doc(d.tangkapan_layar("Catatan Perubahan Layanan Digital", dated=D(2026, 6, 8), shots=[
            ("Halaman catatan perubahan", "Versi 3.1: formulir dipersingkat atas masukan pengguna; notifikasi "
                                          "status melalui pesan singkat.")]), "dokumentasi"),
        "pq_sentiment": Doc(d.laporan("Laporan Analisis Sentimen Umpan Balik Pengguna Layanan Digital",
                                      dated=D(2026, 7, 6), chapters=[
            ("Metode", "Analisis sentimen atas 8.420 ulasan dan komentar pengguna di toko aplikasi dan media "
                       "sosial."),
            ("Hasil", "Sentimen negatif terbanyak tentang lamanya verifikasi berkas.")]), "laporan"),
    }


def _index_sources() -> dict[str, Doc]:
    """Documents that show the values other agencies' indices gave (Pasal 7)."""
    return {
        "px_sdi": Doc(d.laporan("Laporan Hasil Penilaian Indeks Satu Data Indonesia Tahun 2025",
                                dated=D(2026, 2, 9), chapters=[
            ("Nilai", "Pemerintah Kabupaten Sindangraja memperoleh nilai Indeks SDI 68,75 dari Bappenas; "
                      "sub-indeks interoperabilitas data 50,00.")]), "laporan"),
        "px_ikasandi": Doc(d.laporan("Laporan Hasil Pengukuran Indeks Keamanan Siber dan Sandi (IKASANDI) Tahun 2025",
                                     dated=D(2025, 12, 19), chapters=[
            ("Nilai", "Tata kelola dan keamanan pemerintah digital 2,75; penerapan kriptografi untuk keamanan data "
                      "2,10; kapabilitas penanganan insiden siber 3,05.")]), "laporan"),
    }


def pemdi_corpus() -> dict[str, Doc]:
    found: dict[str, Doc] = {}
    for part in (_common(), _sdm(), _collaboration(), _pdp(), _audit(), _cryptography(), _incident(), _support(),
                 _satisfaction(), _index_sources()):
        assert not set(part) & set(found)
        found.update(part)
    return found
