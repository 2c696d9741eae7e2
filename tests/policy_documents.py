"""Generated policies with known content, for coverage tests and the coverage benchmark.

Each element has several ways of being regulated (a first, plain wording and less obvious
ones: other word forms, synonyms), and a way of being only mentioned in the preamble.
A document is built from a choice of elements regulated in its articles, elements only
mentioned under "Menimbang", and elements left out: the truth is known by construction.
"""

from __future__ import annotations

from dataclasses import dataclass

# indicator: {element label (as coverage.label_of gives it): [sentences that regulate it]}
REGULATING: dict[str, dict[str, list[str]]] = {
    "1": {
        "arsitektur proses bisnis": ["Arsitektur proses bisnis memuat peta proses bisnis seluruh perangkat daerah.",
                                     "Perangkat daerah memetakan proses bisnis pemerintahan daerah secara berkala."],
        "arsitektur data dan informasi": ["Arsitektur data dan informasi memuat katalog data seluruh urusan.",
                                          "Data dan informasi yang dikelola dipetakan dalam satu katalog daerah."],
        "arsitektur infrastruktur": ["Arsitektur infrastruktur SPBE meliputi pusat data dan jaringan intra.",
                                     "Infrastruktur SPBE dibangun secara terpadu oleh Dinas."],
        "arsitektur aplikasi": ["Arsitektur aplikasi SPBE memuat daftar aplikasi umum dan khusus.",
                                "Setiap aplikasi SPBE didaftarkan dalam arsitektur aplikasi daerah."],
        "arsitektur keamanan": ["Arsitektur keamanan SPBE mengatur pengendalian akses dan enkripsi.",
                                "Keamanan informasi dijamin melalui klasifikasi dan pengendalian akses."],
        "arsitektur layanan": ["Arsitektur layanan SPBE memuat layanan administrasi dan layanan publik.",
                               "Layanan SPBE dipetakan menurut penggunanya."],
        "integrasi": ["Arsitektur SPBE daerah diintegrasikan dengan arsitektur instansi lain.",
                      "Penyelenggaraan SPBE dilaksanakan secara terpadu antarinstansi."],
    },
    "3": {
        "arsitektur data": ["Arsitektur data disusun untuk seluruh urusan pemerintahan.",
                            "Walidata menyusun arsitektur data daerah setiap tahun."],
        "data induk": ["Data induk ditetapkan oleh Bupati atas usul walidata.",
                       "Perangkat daerah menggunakan data induk yang sama."],
        "data referensi": ["Data referensi digunakan sebagai acuan pengisian data.",
                           "Kode wilayah dan kode instansi ditetapkan sebagai data referensi."],
        "basis data": ["Basis data dikelola pada pusat data daerah.",
                       "Setiap perangkat daerah menyimpan datanya dalam pangkalan data terpusat."],
        "kualitas data": ["Pengelolaan kualitas data dilakukan melalui pemeriksaan berkala.",
                          "Penjaminan mutu data menjadi tanggung jawab walidata."],
        "interoperabilitas data": ["Interoperabilitas data dilakukan melalui sistem penghubung layanan.",
                                   "Perangkat daerah saling membagipakaikan data sesuai standar."],
        "integrasi": ["Manajemen data diintegrasikan dengan Satu Data Indonesia antarinstansi.",
                      "Pengelolaan data dilakukan secara terpadu dengan instansi pusat."],
    },
    "5": {
        "seluruh perangkat daerah": ["Seluruh perangkat daerah wajib menempatkan aplikasinya di pusat data daerah.",
                                     "Semua perangkat daerah menggunakan layanan pusat data yang dikelola Dinas."],
        "pusat data nasional": ["Pusat data daerah terhubung dengan Pusat Data Nasional.",
                                "Dinas menyelaraskan layanan pusat data dengan pusat data nasional."],
    },
    "8": {
        "ruang lingkup": ["Ruang lingkup manajemen keamanan informasi meliputi seluruh sistem elektronik.",
                          "Penetapan ruang lingkup keamanan dilakukan oleh Kepala Dinas."],
        "penanggung jawab": ["Kepala Dinas menjadi penanggung jawab keamanan informasi.",
                             "Penanggung jawab keamanan ditetapkan pada setiap perangkat daerah."],
        "perencanaan keamanan": ["Perencanaan keamanan informasi disusun setiap tahun.",
                                 "Dinas menyusun rencana keamanan informasi tahunan."],
        "dukungan pengoperasian": ["Dukungan pengoperasian keamanan diberikan melalui tim tanggap insiden.",
                                   "Dinas menyediakan dukungan operasional keamanan informasi."],
        "evaluasi kinerja": ["Evaluasi kinerja keamanan informasi dilaksanakan setiap semester.",
                             "Hasil evaluasi kinerja keamanan dilaporkan kepada Bupati."],
        "perbaikan berkelanjutan": ["Perbaikan berkelanjutan dilakukan berdasarkan hasil evaluasi.",
                                    "Dinas melakukan peningkatan berkelanjutan atas pengendalian keamanan."],
    },
    "9": {
        "audit infrastruktur": ["Audit infrastruktur SPBE dilaksanakan paling sedikit sekali setahun.",
                                "Inspektorat merencanakan audit infrastruktur SPBE."],
        "audit aplikasi": ["Audit aplikasi SPBE dilakukan terhadap aplikasi umum dan khusus.",
                           "Setiap aplikasi baru menjalani audit aplikasi sebelum digunakan."],
        "audit keamanan": ["Audit keamanan SPBE dilaksanakan oleh auditor bersertifikat.",
                           "Hasil audit keamanan ditindaklanjuti oleh Dinas."],
    },
}

MENTION = ("bahwa untuk mewujudkan {label} yang tertib perlu disusun kebijakan yang mengatur "
           "penyelenggaraan pemerintahan berbasis elektronik;")


@dataclass(frozen=True)
class GeneratedPolicy:
    indicator: str
    pages: list[str]
    regulated: frozenset[str]  # the truth: elements the articles regulate


def policy(indicator: str, regulated: list[str], mentioned: list[str] = (), wording: int = 0,
           number: str = "12", year: int = 2024) -> GeneratedPolicy:
    """A Perbup regulating `regulated` in its articles and mentioning `mentioned` only in Menimbang."""
    considerations = "\n".join(f"{chr(98 + i)}. {MENTION.format(label=label)}" for i, label in enumerate(mentioned))
    articles = []
    for number_of_article, label in enumerate(regulated, start=2):
        sentences = REGULATING[indicator][label]
        articles.append(f"Pasal {number_of_article}\n(1) {sentences[wording % len(sentences)]}\n"
                        "(2) Ketentuan lebih lanjut diatur oleh Kepala Dinas.")
    first = f"""PERATURAN BUPATI BADUNG
NOMOR {number} TAHUN {year}
TENTANG
KEBIJAKAN INTERNAL PENYELENGGARAAN SPBE
BUPATI BADUNG,
Menimbang : a. bahwa penyelenggaraan pemerintahan yang efektif memerlukan kebijakan internal;
{considerations}
Mengingat : 1. Peraturan Presiden Nomor 95 Tahun 2018 tentang Sistem Pemerintahan Berbasis Elektronik;
MEMUTUSKAN:
Menetapkan : PERATURAN BUPATI TENTANG KEBIJAKAN INTERNAL PENYELENGGARAAN SPBE.
Pasal 1
Dalam Peraturan Bupati ini yang dimaksud dengan Daerah adalah Kabupaten Badung.
"""
    second = "\n".join(articles) + f"""
Ditetapkan di Mangupura
pada tanggal 5 Februari {year}
BUPATI BADUNG,
ttd.
I NYOMAN GIRI PRASTA
Diundangkan di Mangupura
pada tanggal 5 Februari {year}
SEKRETARIS DAERAH KABUPATEN BADUNG,
ttd.
I WAYAN ADI ARNAWA
BERITA DAERAH KABUPATEN BADUNG TAHUN {year} NOMOR {number}"""
    return GeneratedPolicy(indicator, [first, second], frozenset(regulated))


def labelled_set() -> list[GeneratedPolicy]:
    """Every indicator: all elements; each element left out in turn; each element only in the
    preamble in turn; and the second, less obvious wording of everything."""
    documents = []
    for indicator, elements in REGULATING.items():
        labels = list(elements)
        documents.append(policy(indicator, labels))
        documents.append(policy(indicator, labels, wording=1))
        for label in labels:
            others = [other for other in labels if other != label]
            documents.append(policy(indicator, others))
            documents.append(policy(indicator, others, mentioned=[label], wording=1))
    return documents


# Written after the phrase lists were last changed, and measured once as they are: the
# fairer estimate for policies we do not have.
HELD_OUT: dict[str, dict[str, str]] = {
    "1": {
        "arsitektur proses bisnis": "Peta proses bisnis tiap urusan menjadi bagian dari Arsitektur SPBE Daerah.",
        "arsitektur data dan informasi": "Kebutuhan data dan informasi setiap layanan dicatat dalam arsitektur.",
        "arsitektur infrastruktur": "Pembangunan infrastruktur SPBE mengikuti arsitektur yang ditetapkan.",
        "arsitektur aplikasi": "Pengembangan aplikasi SPBE harus sesuai dengan arsitektur aplikasi.",
        "arsitektur keamanan": "Pengamanan SPBE disusun dalam arsitektur keamanan yang ditinjau setiap tahun.",
        "arsitektur layanan": "Setiap layanan SPBE dirancang berdasarkan kebutuhan pengguna.",
        "integrasi": "Arsitektur SPBE Daerah diselaraskan dengan arsitektur instansi pusat.",
    },
    "3": {
        "arsitektur data": "Penyusunan arsitektur data dikoordinasikan oleh Dinas selaku walidata.",
        "data induk": "Penetapan data induk dilakukan dengan Keputusan Bupati.",
        "data referensi": "Daftar data referensi dimutakhirkan setiap tahun.",
        "basis data": "Seluruh basis data perangkat daerah disimpan di pusat data.",
        "kualitas data": "Walidata memeriksa kualitas data sebelum data disebarluaskan.",
        "interoperabilitas data": "Data dibagipakaikan antarperangkat daerah melalui interoperabilitas data.",
        "integrasi": "Data daerah diintegrasikan ke portal Satu Data Indonesia.",
    },
    "5": {
        "seluruh perangkat daerah": "Layanan pusat data digunakan oleh seluruh perangkat daerah tanpa kecuali.",
        "pusat data nasional": "Pusat data daerah dihubungkan ke pusat data nasional sesuai ketentuan.",
    },
    "8": {
        "ruang lingkup": "Kepala Dinas menetapkan ruang lingkup sistem manajemen keamanan informasi.",
        "penanggung jawab": "Sekretaris Dinas bertindak sebagai penanggung jawab pengamanan informasi.",
        "perencanaan keamanan": "Setiap tahun disusun rencana pengamanan informasi.",
        "dukungan pengoperasian": "Tim tanggap insiden memberi dukungan pengoperasian sistem keamanan.",
        "evaluasi kinerja": "Evaluasi kinerja sistem manajemen keamanan dilakukan oleh auditor internal.",
        "perbaikan berkelanjutan": "Temuan evaluasi menjadi dasar perbaikan berkelanjutan.",
    },
    "9": {
        "audit infrastruktur": "Inspektorat melaksanakan audit infrastruktur SPBE secara berkala.",
        "audit aplikasi": "Aplikasi yang dikembangkan wajib melalui audit aplikasi SPBE.",
        "audit keamanan": "Pelaksanaan audit keamanan SPBE mengikuti standar nasional.",
    },
}


def held_out_set() -> list[GeneratedPolicy]:
    documents = []
    for indicator, sentences in HELD_OUT.items():
        labels = list(sentences)
        for left_out in [None, *labels]:
            regulated = [label for label in labels if label != left_out]
            articles = "\n".join(f"Pasal {n}\n{sentences[label]}" for n, label in enumerate(regulated, start=2))
            base = policy(indicator, [], mentioned=[left_out] if left_out else [])
            documents.append(GeneratedPolicy(indicator, [base.pages[0], articles + "\n" + base.pages[1]],
                                             frozenset(regulated)))
    return documents
