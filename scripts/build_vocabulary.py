"""Build evidence_vault/legal/data/words.txt: the legal Indonesian vocabulary the OCR-tolerant reader
checks repairs against (`legal/canonical.py`).

    .venv/bin/python scripts/build_vocabulary.py [CORPUS]

Words that occur at least MIN_COUNT times in the real Undang-Undang texts of the shared corpus
(../shared/corpus/peraturan-text/uu) in at least MIN_FILES statutes, less the corpus's own OCR
slips: a rare word one edit away from a word DOMINANCE times as common ("hurufa" beside
"huruf", "keschatan" beside "kesehatan") is a misreading, not a word. Plus the words of the
frameworks' key phrases and the kinds, months and offices that regional documents use and
national statutes do not. One lower-case word per line, sorted; committed, so servers
need no corpus. Each line is "word count" (corpus occurrences; added words count as
COMMON), so a repair can prefer the common reading of an ambiguous slip.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "peraturan-text" / "uu"
TARGET = ROOT / "evidence_vault" / "legal" / "data" / "words.txt"
MIN_COUNT = 5
DOMINANCE = 50
RARE = 60  # only words this rare can be judged misreadings
MIN_FILES = 2
COMMON = 1000
LETTERS = "abcdefghijklmnopqrstuvwxyz"
WORD = re.compile(r"[A-Za-z]+")
# Regional and e-government words national statutes seldom use.
EXTRA = """
bupati walikota wali kota gubernur sekda sekretariat diskominfo diskominfotik diskominfosan kominfo bappeda
bapperida bkpsdm bpkad inspektorat inspektur itda setda dinas bidang seksi subbagian kabid kasi kadis plt plh
spbe pemdi tik aplikasi siber persandian interoperabilitas arsitektur reviu notulen notula risalah undangan
nota dinas berita acara laporan sop standar operasional prosedur surat edaran instruksi keputusan perbup perwali
pergub perda permen permenpan kepbup kepwali kepgub rancangan draf draft konsep salinan lampiran perihal hal
sifat yth tembusan kepada dari tanggal nomor pukul tempat acara peserta pimpinan rapat notulis mengetahui
ttd nip pangkat golongan pembina penata juru pengatur utama muda madya tingkat
januari februari maret april mei juni juli agustus september oktober november desember pebruari nopember
senin selasa rabu kamis jumat sabtu minggu
email surel domain server jaringan intranet hosting cloud backup helpdesk dashboard portal website laman
satu data walidata produsen metadata masterplan roadmap peta rencana induk renstra renja rpjmd rkpd dpa rka
audit auditor sertifikat sertifikasi iso iec cisa cissp ikasandi csirt ttis sdi sjig ips epss pdp ppdp dpia
kuesioner survei skm ikm sla layanan pengaduan lapor whatsapp aduan kepuasan pengguna
mou pks perjanjian kerja sama kesepahaman pihak kesatu kedua ketiga keempat kelima keenam ketujuh kedelapan
kesembilan kesepuluh menetapkan memutuskan menimbang mengingat memperhatikan ditetapkan diundangkan
dikeluarkan disahkan pengundangan penetapan daerah berita lembaran tambahan
""".split()


def build(corpus: Path) -> dict[str, int]:
    counts: Counter[str] = Counter()
    spread: Counter[str] = Counter()
    for path in corpus.rglob("*.md"):
        found = [word.lower() for word in WORD.findall(path.read_text(encoding="utf-8", errors="ignore"))]
        counts.update(found)
        spread.update(set(found))
    words = {word: count for word, count in counts.items() if count >= MIN_COUNT and len(word) >= 2
             and spread[word] >= MIN_FILES and not _misreading(word, counts)}
    added = set(EXTRA)
    frameworks = ROOT / "evidence_vault" / "frameworks" / "data"
    for path in frameworks.rglob("*.toml"):
        added |= {word.lower() for word in WORD.findall(path.read_text(encoding="utf-8")) if len(word) >= 3}
    for word in added:
        words[word] = max(words.get(word, 0), COMMON)
    return dict(sorted(words.items()))


def _misreading(word: str, counts: Counter[str]) -> bool:
    """Rare, and one deletion, insertion or substitution away from a far more common word."""
    if counts[word] >= RARE:
        return False
    floor = max(500, counts[word] * DOMINANCE)
    for position in range(len(word) + 1):
        if position < len(word):
            if counts.get(word[:position] + word[position + 1:], 0) >= floor:
                return True
        for letter in LETTERS:
            if counts.get(word[:position] + letter + word[position:], 0) >= floor:
                return True
            if position < len(word) and letter != word[position] and \
                    counts.get(word[:position] + letter + word[position + 1:], 0) >= floor:
                return True
    return False


def main(argv: list[str]) -> int:
    corpus = Path(argv[0]) if argv else CORPUS
    if not corpus.is_dir():
        print(f"corpus not found: {corpus}", file=sys.stderr)
        return 1
    words = build(corpus)
    TARGET.write_text("".join(f"{word} {count}\n" for word, count in words.items()), encoding="utf-8")
    print(f"wrote {len(words)} words to {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
