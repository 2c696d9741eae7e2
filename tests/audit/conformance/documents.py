"""Documents a regency really uploads, written as the blind-spec body text `tests/blind/render.py` renders.

Each builder returns the body text (``^`` centred, ``>`` right-aligned, ``<<<TABLE>>>`` ...
``<<<END>>>`` tables, ``<<<PAGE>>>`` page breaks) of one document: regulations with their KOP,
nomor, tentang, Menimbang/Mengingat/MEMUTUSKAN, pasal, signature and promulgation blocks;
decrees with KESATU/KEDUA dictums; SOPs in the usual header table; invitations, minutes,
attendance lists, berita acara; review and audit reports; plans, manuals, screenshots and
certificates. Dates are `datetime.date` and are written the Indonesian way.

The bodies are fictional: Kabupaten Sindangraja is the body being assessed, Kabupaten
Karangmulya is a neighbour whose documents must never count for Sindangraja.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
          "November", "Desember")
DAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")


@dataclass(frozen=True)
class Body:
    """A regency: its name, capital, province, its head, the regional secretary and the Kominfo office."""

    name: str
    capital: str
    province: str
    regent: str
    secretary: str
    kominfo_head: str
    kominfo_nip: str

    @property
    def upper(self) -> str:
        return self.name.upper()


HOME = Body("Sindangraja", "Sindangraja", "Jawa Barat", "H. ASEP SURYANA, S.H., M.Si.",
            "Drs. DEDEN HERMAWAN, M.Si.", "Rina Marlina, S.Kom., M.T.", "19790312 200312 2 004")
NEIGHBOUR = Body("Karangmulya", "Karangmulya", "Jawa Tengah", "Ir. H. BAMBANG SUTEJO, M.M.",
                 "Drs. SLAMET RIYADI, M.Si.", "Agus Prasetyo, S.T., M.Kom.", "19810705 200501 1 002")


def tanggal(day: date) -> str:
    """12 Maret 2024."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def hari_tanggal(day: date) -> str:
    """Selasa, 12 Maret 2024."""
    return f"{DAYS[day.weekday()]}, {tanggal(day)}"


PURPOSE = ("untuk mewujudkan tata kelola pemerintahan yang bersih, efektif, transparan dan akuntabel diperlukan "
           "penyelenggaraan Sistem Pemerintahan Berbasis Elektronik yang terpadu")
PERPRES_95 = "Peraturan Presiden Nomor 95 Tahun 2018 tentang Sistem Pemerintahan Berbasis Elektronik"
PERMEN_59 = "Peraturan Menteri PANRB Nomor 59 Tahun 2020 tentang Pemantauan dan Evaluasi SPBE"
SOP_WARNING = "Apabila SOP tidak dilaksanakan, kegiatan tidak terdokumentasi dan tidak dapat dipertanggungjawabkan."


def _kop_dinas(body: Body) -> str:
    return f"""^PEMERINTAH KABUPATEN {body.upper}
^DINAS KOMUNIKASI DAN INFORMATIKA
^Jalan Raya {body.capital} Nomor 45, Telepon (0265) 771234
^Laman diskominfo.{body.name.lower()}kab.go.id, Pos-el diskominfo@{body.name.lower()}kab.go.id
^{body.upper} 46111
"""


def _kadis_signature(body: Body, place_date: str = "") -> str:
    lines = [f">{place_date}"] if place_date else []
    lines += [">Kepala Dinas Komunikasi dan Informatika", f">Kabupaten {body.name},", ">", ">ttd.", ">",
              f">{body.kominfo_head}", ">Pembina Tingkat I (IV/b)", f">NIP {body.kominfo_nip}"]
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------------------------
# Legal instruments


def peraturan_bupati(number: int, year: int, about: str, articles: list[str], *, body: Body = HOME,
                     enacted: date, promulgated: date | None = None, draft: bool = False,
                     considering: str = "", repeals: str = "", amends: str = "") -> str:
    """A Peraturan Bupati: heading, considerations, MEMUTUSKAN, one Pasal per article, closing.

    `articles` are the operative texts, numbered Pasal 1.. in order. `repeals` names an
    instrument the closing article repeals; `amends` makes it an amending regulation
    ("PERUBAHAN ATAS ...") whose Pasal I changes that instrument. A draft carries RANCANGAN and
    leaves the number and date blank, and has no signature or promulgation.
    """
    regent = f"BUPATI {body.upper}"
    nomor = f"NOMOR ... TAHUN {year}" if draft else f"NOMOR {number} TAHUN {year}"
    title = about.upper()
    head = "^RANCANGAN\n" if draft else "^SALINAN\n"
    text = f"""{head}^{regent}
^PROVINSI {body.province.upper()}

^PERATURAN BUPATI {body.upper}
^{nomor}

^TENTANG

^{title}

^DENGAN RAHMAT TUHAN YANG MAHA ESA

^{regent},

Menimbang : a. bahwa {considering or PURPOSE};
b. bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, perlu menetapkan Peraturan Bupati tentang {about};
Mengingat : 1. Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah;
2. Peraturan Presiden Nomor 95 Tahun 2018 tentang Sistem Pemerintahan Berbasis Elektronik;
3. Peraturan Daerah Kabupaten {body.name} Nomor 8 Tahun 2016 tentang Pembentukan dan Susunan Perangkat Daerah;

^MEMUTUSKAN:

Menetapkan : PERATURAN BUPATI TENTANG {title}.
"""
    if amends:
        text += f"""
^Pasal I
Beberapa ketentuan dalam {amends} diubah sebagai berikut:
"""
        for n, article in enumerate(articles, start=1):
            text += f"{n}. {article}\n"
        text += "\n^Pasal II\nPeraturan Bupati ini mulai berlaku pada tanggal diundangkan.\n"
    else:
        text += "\n^BAB I\n^KETENTUAN UMUM\n"
        n = 0
        for n, article in enumerate(articles, start=1):
            text += f"\n^Pasal {n}\n{article}\n"
        if repeals:
            n += 1
            text += (f"\n^BAB II\n^KETENTUAN PENUTUP\n\n^Pasal {n}\nPada saat Peraturan Bupati ini mulai berlaku, "
                     f"{repeals}, dicabut dan dinyatakan tidak berlaku.\n")
        text += (f"\n^Pasal {n + 1}\nPeraturan Bupati ini mulai berlaku pada tanggal diundangkan.\n"
                 "Agar setiap orang mengetahuinya, memerintahkan pengundangan Peraturan Bupati ini dengan "
                 f"penempatannya dalam Berita Daerah Kabupaten {body.name}.\n")
    text += "<<<PAGE>>>\n"
    if draft:
        text += f">Ditetapkan di {body.capital}\n>pada tanggal ..................\n>{regent},\n>\n>\n>\n"
        return text
    text += f""">Ditetapkan di {body.capital}
>pada tanggal {tanggal(enacted)}
>{regent},
>
>ttd.
>
>{body.regent}
"""
    if promulgated:
        text += f"""
Diundangkan di {body.capital}
pada tanggal {tanggal(promulgated)}
SEKRETARIS DAERAH KABUPATEN {body.upper},

ttd.

{body.secretary}

BERITA DAERAH KABUPATEN {body.upper} TAHUN {promulgated.year} NOMOR {number}
"""
    return text


def pencabutan(number: int, year: int, repealed: str, repealed_about: str, gazette: str, *, enacted: date,
               body: Body = HOME) -> str:
    """A Peraturan Bupati whose only content is the repeal of another one (pencabutan); `gazette` is the
    repealed one's "Tahun 2020 Nomor 9" in the Berita Daerah."""
    about = f"Pencabutan {repealed} tentang {repealed_about}"
    return peraturan_bupati(
        number, year, about,
        [f"{repealed} tentang {repealed_about} (Berita Daerah Kabupaten {body.name} {gazette}) dicabut dan "
         "dinyatakan tidak berlaku.",
         "Pencabutan sebagaimana dimaksud dalam Pasal 1 dilakukan karena materi muatannya telah diatur dalam "
         "peraturan perundang-undangan yang lebih tinggi."],
        body=body, enacted=enacted, promulgated=enacted,
        considering=f"{repealed} tentang {repealed_about} sudah tidak sesuai dengan perkembangan keadaan",
    )


def keputusan_bupati(number: str, about: str, dictums: list[str], *, enacted: date, body: Body = HOME,
                     draft: bool = False) -> str:
    """A Keputusan Bupati: KESATU, KEDUA, ... dictums, and the closing dictum on when it takes effect."""
    regent = f"BUPATI {body.upper}"
    need = f"pengaturan tentang {about.lower()}"
    ordinals = ("KESATU", "KEDUA", "KETIGA", "KEEMPAT", "KELIMA", "KEENAM", "KETUJUH")
    head = "^KONSEP\n" if draft else ""
    nomor = "NOMOR : ..................." if draft else f"NOMOR : {number}"
    text = f"""{head}^{regent}
^PROVINSI {body.province.upper()}

^KEPUTUSAN BUPATI {body.upper}
^{nomor}

^TENTANG

^{about.upper()}

^{regent},

Menimbang : a. bahwa dalam rangka penerapan SPBE di lingkungan Pemerintah Kabupaten {body.name} perlu {need};
b. bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, perlu menetapkan Keputusan Bupati tentang {about};
Mengingat : 1. Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah;
2. Peraturan Presiden Nomor 95 Tahun 2018 tentang Sistem Pemerintahan Berbasis Elektronik;

^MEMUTUSKAN:

Menetapkan :
"""
    for ordinal, dictum in zip(ordinals, [*dictums, "Keputusan ini mulai berlaku pada tanggal ditetapkan."],
                               strict=False):
        text += f"{ordinal} : {dictum}\n"
    return text + _head_signs(body, enacted, draft)


def surat_edaran(number: str, about: str, paragraphs: list[str], *, enacted: date, body: Body = HOME,
                 draft: bool = False) -> str:
    regent = f"BUPATI {body.upper}"
    head = "^KONSEP\n" if draft else ""
    nomor = "NOMOR : ..................." if draft else f"NOMOR : {number}"
    text = f"""{head}^{regent}
^PROVINSI {body.province.upper()}

Yth. Kepala Perangkat Daerah
di Lingkungan Pemerintah Kabupaten {body.name}

^SURAT EDARAN
^{nomor}

^TENTANG

^{about.upper()}

"""
    for n, paragraph in enumerate(paragraphs, start=1):
        text += f"{n}. {paragraph}\n"
    text += "\nDemikian Surat Edaran ini untuk dilaksanakan dengan penuh tanggung jawab.\n"
    return text + _head_signs(body, enacted, draft)


def sop(number: str, name: str, steps: list[str], *, made: date, effective: date, body: Body = HOME,
        legal_basis: str = "", draft: bool = False) -> str:
    """An SOP in the Permenpan 35/2012 layout: the identity table, then the procedure table."""
    head = "^DRAFT - UNTUK DIBAHAS\n" if draft else ""
    signer = ["", "( ..................................... )", "NIP."] if draft else \
        ["ttd", body.kominfo_head, f"NIP {body.kominfo_nip}"]
    nomor = "....../SOP/Diskominfo/" + str(made.year) if draft else number
    made_text = "" if draft else tanggal(made)
    effective_text = "" if draft else tanggal(effective)
    rows = "\n".join(f"{n} | {step} | X |  | {('1 hari kerja' if n % 2 else '30 menit')}"
                     for n, step in enumerate(steps, start=1))
    return f"""{head}<<<TABLE>>>
PEMERINTAH KABUPATEN {body.upper} | Nomor SOP | {nomor}
DINAS KOMUNIKASI DAN INFORMATIKA | Tanggal Pembuatan | {made_text}
BIDANG APLIKASI INFORMATIKA | Tanggal Revisi | -
 | Tanggal Efektif | {effective_text}
 | Disahkan oleh | Kepala Dinas Komunikasi dan Informatika Kabupaten {body.name}
 |  | {signer[0]}
 |  | {signer[1]}
 |  | {signer[2]}
 | Nama SOP | {name}
<<<END>>>

<<<TABLE>>>
Dasar Hukum: | Kualifikasi Pelaksana:
1. {PERPRES_95}; | 1. Memahami tugas pokok dan fungsi unit;
2. {legal_basis or PERMEN_59}. | 2. Mampu mengoperasikan komputer dan aplikasi.
Keterkaitan: | Peralatan/Perlengkapan:
SOP Pelayanan Helpdesk TIK | Komputer, jaringan internet, aplikasi pendukung
Peringatan: | Pencatatan dan Pendataan:
{SOP_WARNING} | Arsip digital pada Dinas Komunikasi dan Informatika.
<<<END>>>
<<<PAGE>>>
^PROSEDUR {name.upper()}
<<<TABLE>>>
No | Kegiatan | Pelaksana | Kelengkapan | Waktu
{rows}
<<<END>>>
"""


# ---------------------------------------------------------------------------------------------------------
# Meetings


def undangan(number: str, subject: str, *, sent: date, meeting: date, agenda: str, body: Body = HOME) -> str:
    return f"""{_kop_dinas(body)}
>{body.capital}, {tanggal(sent)}
Nomor      : {number}
Sifat      : Penting
Lampiran   : 1 (satu) berkas
Hal        : Undangan Rapat {subject}

Yth.
1. Kepala Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah Kabupaten {body.name};
2. Kepala Bagian Hukum Sekretariat Daerah Kabupaten {body.name};
3. Kepala Bagian Organisasi Sekretariat Daerah Kabupaten {body.name};
4. Inspektur Kabupaten {body.name};
di
{body.capital}

Dalam rangka {agenda}, dengan hormat kami mengundang Saudara atau pejabat yang ditunjuk untuk hadir pada:

hari, tanggal : {hari_tanggal(meeting)}
pukul         : 09.00 WIB s.d. selesai
tempat        : Ruang Rapat Command Center Diskominfo Kabupaten {body.name}
acara         : {subject}

Mengingat pentingnya acara tersebut, dimohon kehadiran tepat pada waktunya.

Demikian, atas perhatian dan kehadiran Saudara disampaikan terima kasih.

{_kadis_signature(body)}
"""


def notulen(subject: str, *, held: date, discussion: list[str], conclusions: list[str], body: Body = HOME,
            heading: str = "NOTULEN RAPAT") -> str:
    """Minutes: the heading and subject, the meeting's table, discussion, conclusions, signatures."""
    items = "\n".join(f"{n}. {item}" for n, item in enumerate(discussion, start=1))
    ends = "\n".join(f"{n}. {item}" for n, item in enumerate(conclusions, start=1))
    return f"""^PEMERINTAH KABUPATEN {body.upper}
^DINAS KOMUNIKASI DAN INFORMATIKA

^{heading}
^{subject.upper()}

<<<TABLE>>>
Hari/Tanggal | {hari_tanggal(held)}
Waktu | 09.00 - 12.30 WIB
Tempat | Ruang Rapat Command Center, Diskominfo Kabupaten {body.name}
Pimpinan Rapat | Kepala Dinas Komunikasi dan Informatika
Notulis | Yudi Permana, S.Kom.
Peserta | Daftar hadir terlampir
<<<END>>>

I. PEMBAHASAN
{items}

II. KESIMPULAN
{ends}

Rapat ditutup pukul 12.30 WIB.

>{body.capital}, {tanggal(held)}
<<<TABLE>>>
Notulis, | Mengetahui, Pimpinan Rapat
 | Kepala Dinas Komunikasi dan Informatika,
ttd. | ttd.
Yudi Permana, S.Kom. | {body.kominfo_head}
NIP 19900214 201503 1 002 | NIP {body.kominfo_nip}
<<<END>>>
"""


def daftar_hadir(subject: str, *, held: date, body: Body = HOME) -> str:
    return f"""^DAFTAR HADIR
^RAPAT {subject.upper()}
^DINAS KOMUNIKASI DAN INFORMATIKA KABUPATEN {body.upper}

Hari/Tanggal : {hari_tanggal(held)}
Tempat : Ruang Rapat Command Center

<<<TABLE>>>
No | Nama | Jabatan/Unit Kerja | Tanda Tangan
1 | {body.kominfo_head} | Kepala Dinas Kominfo | ttd
2 | Hendra Gunawan, S.H. | Kepala Bagian Hukum | ttd
3 | Dewi Lestari, S.E., M.Si. | Sekretaris Bapperida | ttd
4 | Yudi Permana, S.Kom. | Pranata Komputer Ahli Muda | ttd
5 | Siti Nurhasanah, S.Kom. | Kepala Bidang Aptika | ttd
<<<END>>>
"""


def berita_acara(subject: str, *, held: date, text: list[str], body: Body = HOME) -> str:
    items = "\n".join(f"{n}. {item}" for n, item in enumerate(text, start=1))
    room = f"Ruang Rapat Command Center Dinas Komunikasi dan Informatika Kabupaten {body.name}"
    what = subject.lower()
    return f"""{_kop_dinas(body)}
^BERITA ACARA
^{subject.upper()}
^Nomor : 000.1.2/{held.month}{held.day}/Diskominfo/{held.year}

Pada hari ini {hari_tanggal(held)}, bertempat di {room}, telah dilaksanakan {what} dengan hasil sebagai berikut:
{items}

Demikian Berita Acara ini dibuat untuk dipergunakan sebagaimana mestinya.

{_kadis_signature(body, f'{body.capital}, {tanggal(held)}')}
"""


# ---------------------------------------------------------------------------------------------------------
# Reports, plans, manuals, screenshots, certificates


def laporan(title: str, *, dated: date, chapters: list[tuple[str, str]], body: Body = HOME,
            subtitle: str = "") -> str:
    """A report: cover, foreword with its date and signature, then BAB by BAB."""
    text = f"""^{title.upper()}
{('^' + subtitle.upper()) if subtitle else ''}

^DINAS KOMUNIKASI DAN INFORMATIKA
^KABUPATEN {body.upper}
^TAHUN {dated.year}
<<<PAGE>>>
^KATA PENGANTAR

Laporan ini disusun sebagai pertanggungjawaban pelaksanaan kegiatan dan bahan pengambilan keputusan pimpinan.

{_kadis_signature(body, f'{body.capital}, {tanggal(dated)}')}
<<<PAGE>>>
"""
    roman = ("I", "II", "III", "IV", "V", "VI")
    for n, (heading, paragraph) in enumerate(chapters):
        text += f"BAB {roman[n]} {heading.upper()}\n{paragraph}\n\n"
    return text


def rencana(title: str, *, dated: date, chapters: list[tuple[str, str]], body: Body = HOME,
            draft: bool = False) -> str:
    """A planning document (rencana, program kerja, dokumen arsitektur): cover, then chapters."""
    head = "^DRAFT\n" if draft else ""
    text = f"""{head}^{title.upper()}
^PEMERINTAH KABUPATEN {body.upper}

^Disusun oleh:
^DINAS KOMUNIKASI DAN INFORMATIKA KABUPATEN {body.upper}
^{MONTHS[dated.month - 1]} {dated.year}
<<<PAGE>>>
"""
    roman = ("I", "II", "III", "IV", "V", "VI")
    for n, (heading, paragraph) in enumerate(chapters):
        text += f"BAB {roman[n]} {heading.upper()}\n{paragraph}\n\n"
    if not draft:
        text += f"\n{_kadis_signature(body, f'{body.capital}, {tanggal(dated)}')}\n"
    return text


def manual(application: str, version: str, *, dated: date, sections: list[tuple[str, str]],
           body: Body = HOME) -> str:
    text = f"""^MANUAL PENGGUNA
^{application.upper()}
^KABUPATEN {body.upper}
^Versi {version}

^Dinas Komunikasi dan Informatika
^Kabupaten {body.name}
^{body.capital}, {tanggal(dated)}
<<<PAGE>>>
^RIWAYAT DOKUMEN
<<<TABLE>>>
Versi | Tanggal | Penyusun
{version} | {tanggal(dated)} | Tim Aplikasi Diskominfo
<<<END>>>
"""
    for n, (heading, paragraph) in enumerate(sections, start=1):
        text += f"^BAB {n} {heading.upper()}\n{paragraph}\n"
    return text


def tangkapan_layar(application: str, *, dated: date, shots: list[tuple[str, str]], body: Body = HOME) -> str:
    text = f"""^DOKUMENTASI
^TANGKAPAN LAYAR {application.upper()}
^KABUPATEN {body.upper}

Diambil pada tanggal {tanggal(dated)} dari {application} ({body.name.lower()}kab.go.id).

"""
    for n, (caption, content) in enumerate(shots, start=1):
        text += f"Gambar {n}. {caption}\n{content}\n\n"
    return text


def sertifikat(holder: str, number: str, competence: str, *, issued: date, valid_until: date) -> str:
    return f"""^LEMBAGA SERTIFIKASI PROFESI
^TEKNOLOGI INFORMASI NUSANTARA
^Terlisensi BNSP Nomor BNSP-LSP-2214-ID

^SERTIFIKAT KOMPETENSI
^Nomor: {number}

^Dengan ini menyatakan bahwa
^{holder}

^telah kompeten pada bidang
^{competence.upper()}
^dengan kualifikasi
^AUDITOR TEKNOLOGI INFORMASI

^Sertifikat ini berlaku sampai dengan {tanggal(valid_until)}

>Jakarta, {tanggal(issued)}
>Ketua LSP Teknologi Informasi Nusantara,
>
>ttd
>
>Dr. Hartono Wibisono, S.T., M.Sc.
"""


def _head_signs(body: Body, enacted: date, draft: bool) -> str:
    """The regent's closing block at the right; a draft's has no date and no signature."""
    regent = f"BUPATI {body.upper}"
    if draft:
        return f"\n>Ditetapkan di {body.capital}\n>pada tanggal ..................\n>{regent},\n"
    return f"""
>Ditetapkan di {body.capital}
>pada tanggal {tanggal(enacted)}
>{regent},
>
>ttd.
>
>{body.regent}
"""


def perjanjian(number: str, partner: str, partner_signer: str, about: str, articles: list[tuple[str, str]], *,
               signed: date, body: Body = HOME, addendum: bool = False) -> str:
    """A Perjanjian Kerja Sama (or its addendum) between the regency and a partner, signed by both."""
    title = "ADENDUM PERJANJIAN KERJA SAMA" if addendum else "PERJANJIAN KERJA SAMA"
    text = f"""^{title}
^ANTARA
^PEMERINTAH KABUPATEN {body.upper}
^DENGAN
^{partner.upper()}
^TENTANG
^{about.upper()}
^NOMOR : {number}

Pada hari ini {hari_tanggal(signed)}, bertempat di {body.capital}, yang bertanda tangan di bawah ini:
I. {body.regent}, Bupati {body.name}, dalam hal ini bertindak untuk dan atas nama Pemerintah Kabupaten \
{body.name}, selanjutnya disebut PIHAK KESATU;
II. {partner_signer}, dalam hal ini bertindak untuk dan atas nama {partner}, selanjutnya disebut PIHAK KEDUA.
"""
    for n, (heading, article) in enumerate(articles, start=1):
        text += f"\n^Pasal {n}\n^{heading.upper()}\n{article}\n"
    return text + f"""<<<PAGE>>>
Demikian Perjanjian Kerja Sama ini dibuat dalam rangkap 2 (dua) asli bermeterai cukup.
<<<TABLE>>>
PIHAK KESATU, | PIHAK KEDUA,
BUPATI {body.upper}, | {partner.upper()},
ttd. | ttd.
{body.regent} | {partner_signer}
<<<END>>>
"""


def piagam(giver: str, number: str, award: str, reason: str, *, given: date, signer: str,
           body: Body = HOME) -> str:
    """A piagam penghargaan (certificate of an award) given to the regency."""
    return f"""^{giver.upper()}

^PIAGAM PENGHARGAAN
^Nomor: {number}

^Diberikan kepada
^PEMERINTAH KABUPATEN {body.upper}

^sebagai
^{award.upper()}

^{reason}

>Jakarta, {tanggal(given)}
>{signer},
>
>ttd
"""
