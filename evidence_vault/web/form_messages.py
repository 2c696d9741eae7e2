"""WTForms' own validation messages in Bahasa Indonesia (WTForms ships no Indonesian catalogue).

Without this a person picking an option that no longer exists reads "Not a valid choice."
Messages not listed here fall back to English; the forms give their own messages wherever
they can (`forms._at_most`, `DataRequired("Isi ...")`).
"""

from __future__ import annotations

MESSAGES = {
    "Not a valid choice.": "Pilihan tidak tersedia. Muat ulang halaman lalu pilih lagi.",
    "Invalid Choice: could not coerce.": "Pilihan tidak dikenali. Muat ulang halaman lalu pilih lagi.",
    "Choices cannot be None.": "Belum ada pilihan yang tersedia.",
    "This field is required.": "Wajib diisi.",
    "Invalid email address.": "Alamat email tidak valid.",
    "Invalid input.": "Isian tidak valid.",
    "Not a valid integer value.": "Harus berupa bilangan bulat.",
    "Not a valid decimal value.": "Harus berupa angka.",
    "Not a valid float value.": "Harus berupa angka.",
    "Not a valid date value.": "Tanggal tidak valid (tahun-bulan-hari).",
    "CSRF token missing.": "Formulir tidak lengkap. Muat ulang halaman, lalu kirim lagi.",
    "CSRF token expired.": "Formulir sudah kedaluwarsa. Muat ulang halaman, lalu kirim lagi.",
    "Invalid CSRF Token.": "Formulir tidak valid. Muat ulang halaman, lalu kirim lagi.",
    "CSRF failed.": "Formulir tidak valid. Muat ulang halaman, lalu kirim lagi.",
}
PLURALS = {
    "Field must be at least %(min)d character long.": "Paling sedikit %(min)d karakter.",
    "Field must be at most %(max)d character long.": "Paling banyak %(max)d karakter.",
    "Field must be between %(min)d and %(max)d characters long.": "Harus %(min)d sampai %(max)d karakter.",
}


class Indonesian:
    """The translations object WTForms asks for (`gettext`, `ngettext`)."""

    def gettext(self, string: str) -> str:
        return MESSAGES.get(string, string)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return PLURALS.get(singular, singular if n == 1 else plural)


INDONESIAN = Indonesian()
