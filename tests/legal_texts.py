"""Regional legal documents written the way Indonesian bodies write them, for the tests."""

from __future__ import annotations


def perbup(number: str = "18", year: int = 2014, about: str = "PENYELENGGARAAN REKLAME DI KABUPATEN BADUNG",
           *, draft: bool = False, copy: bool = False, body: str = "", repeals: str = "",
           enacted: str = "12 Maret 2014", promulgated: str | None = "12 Maret 2014",
           signed: bool = True, regent: str = "BADUNG") -> list[str]:
    """A Peraturan Bupati as two pages: heading and articles, then closing blocks."""
    marker = "RANCANGAN\n" if draft else ("SALINAN\n" if copy else "")
    nomor = "NOMOR ... TAHUN " + str(year) if draft else f"NOMOR {number} TAHUN {year}"
    first = f"""{marker}BUPATI {regent}
PROVINSI BALI
PERATURAN BUPATI {regent}
{nomor}
TENTANG
{about}
DENGAN RAHMAT TUHAN YANG MAHA ESA
BUPATI {regent},
Menimbang : a. bahwa untuk melaksanakan ketentuan Peraturan Daerah Kabupaten {regent.title()} Nomor 5 Tahun 2010
tentang Pajak Daerah, perlu menetapkan Peraturan Bupati;
Mengingat : 1. Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah;
MEMUTUSKAN:
Menetapkan : PERATURAN BUPATI TENTANG {about}.
Pasal 1
{body or 'Dalam Peraturan Bupati ini yang dimaksud dengan Daerah adalah Kabupaten ' + regent.title() + '.'}"""
    closing = ""
    if repeals:
        closing += (f"Pasal 9\nPada saat Peraturan Bupati ini mulai berlaku, {repeals}, "
                    "dicabut dan dinyatakan tidak berlaku.\n")
    closing += "Pasal 10\nPeraturan Bupati ini mulai berlaku pada tanggal diundangkan.\n"
    if not draft:
        closing += f"Ditetapkan di Mangupura\npada tanggal {enacted}\nBUPATI {regent},\n"
        closing += "ttd.\nI NYOMAN GIRI PRASTA\n" if signed else "\n"
        if promulgated:
            closing += (f"Diundangkan di Mangupura\npada tanggal {promulgated}\n"
                        f"SEKRETARIS DAERAH KABUPATEN {regent},\nttd.\nI WAYAN ADI ARNAWA\n"
                        f"BERITA DAERAH KABUPATEN {regent} TAHUN {year} NOMOR {number}")
    return [first, closing]


def keputusan_kepala_dinas() -> list[str]:
    return ["""PEMERINTAH KABUPATEN BADUNG
DINAS KOMUNIKASI DAN INFORMATIKA
KEPUTUSAN KEPALA DINAS KOMUNIKASI DAN INFORMATIKA KABUPATEN BADUNG
NOMOR 188.45/123/HK/2023
TENTANG
STANDAR OPERASIONAL PROSEDUR PENGELOLAAN
DATA DAN INFORMASI
KEPALA DINAS KOMUNIKASI DAN INFORMATIKA KABUPATEN BADUNG,
Menimbang : bahwa untuk tertib pengelolaan data perlu ditetapkan standar operasional prosedur;
MEMUTUSKAN:
Menetapkan :
KESATU : Standar Operasional Prosedur sebagaimana tercantum dalam Lampiran.
KEDUA : Keputusan ini berlaku sampai dengan tanggal 31 Desember 2024.
Ditetapkan di Mangupura
pada tanggal 2 Januari 2023
KEPALA DINAS KOMUNIKASI DAN INFORMATIKA
KABUPATEN BADUNG,
ttd.
I GEDE SUDIARTA, S.Kom"""]


def surat_edaran_ocr() -> list[str]:
    """A scanned circular, with OCR's l/I/1/0 confusions."""
    return ["""SURAT EDARAN BUPATl BADUNG
NOMOR 800/l23/DlSKOMINFO
TENTANG
PENGGUNAAN APLlKASl UMUM BERBAGI PAKAl
Dalam rangka efisiensi, seluruh perangkat daerah agar menggunakan aplikasi umum.
Ditetapkan di Mangupura
pada tanggal l7 Okt0ber 2O23
BUPATl BADUNG,
ttd
I NYOMAN GIRI PRASTA"""]


def notulen() -> list[str]:
    return ["""NOTULEN RAPAT REVIU KEBIJAKAN MANAJEMEN DATA
Hari/tanggal : Kamis, 7 Agustus 2025
Hasil: Peraturan Bupati Badung Nomor 12 Tahun 2023 perlu disesuaikan."""]
