"""Why an extraction failed, with a stable code and a message for the user."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .sniff import FileType

CONVERT_HINT = "Simpan atau ekspor berkas sebagai PDF atau DOCX, lalu unggah ulang."
RESCAN_HINT = "Pindai ulang pada 200–300 dpi (hitam-putih atau abu-abu) atau pisahkan berkasnya, lalu unggah ulang."


class ExtractionError(Exception):
    """A file whose text cannot be read; `code` is stable, `message` is Indonesian."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message

    def __reduce__(self) -> tuple[type, tuple[str, str]]:
        """Survive the trip back from the isolated child process."""
        return (type(self), (self.code, self.message))

    @classmethod
    def empty(cls) -> ExtractionError:
        return cls("empty", "Berkas kosong (0 byte). Unggah ulang dari berkas aslinya.")

    @classmethod
    def unsupported(cls, file_type: FileType) -> ExtractionError:
        if file_type.name == "doc":
            return cls(
                "unsupported_type",
                "Berkas Word format lama (.doc) atau dokumen Office terenkripsi tidak didukung. "
                "Buka di Word atau LibreOffice, simpan sebagai DOCX atau PDF tanpa kata sandi, "
                "lalu unggah ulang.",
            )
        if file_type.name == "unknown":
            return cls("unsupported_type", f"Jenis berkas ini tidak dikenali dan tidak didukung. {CONVERT_HINT}")
        return cls(
            "unsupported_type",
            f"Berkas {file_type.label} tidak didukung. {CONVERT_HINT}",
        )

    @classmethod
    def not_allowed(cls, file_type: FileType, allowed: list[str]) -> ExtractionError:
        names = ", ".join(kind.upper() for kind in allowed)
        return cls(
            "type_not_allowed",
            f"Berkas {file_type.label} tidak diterima di sini (yang diterima: {names}). {CONVERT_HINT}",
        )

    @classmethod
    def encrypted(cls) -> ExtractionError:
        return cls(
            "encrypted",
            "PDF ini dikunci dengan kata sandi sehingga isinya tidak bisa dibaca. Buka dengan "
            "kata sandinya, simpan ulang sebagai PDF tanpa kata sandi, lalu unggah ulang.",
        )

    @classmethod
    def corrupt(cls, kind: str, detail: str) -> ExtractionError:
        return cls(
            "corrupt",
            f"Berkas {kind} rusak atau tidak lengkap ({detail}). Ambil lagi berkas aslinya "
            "(unduh, ekspor atau pindai ulang), lalu unggah ulang.",
        )

    @classmethod
    def too_many_pages(cls, pages: int, limit: int) -> ExtractionError:
        return cls(
            "too_many_pages",
            f"Dokumen ini memiliki {pages} halaman, melebihi batas {limit} halaman. "
            "Pisahkan menjadi beberapa berkas, atau minta admin menaikkan batasnya.",
        )

    @classmethod
    def timeout(cls, seconds: float) -> ExtractionError:
        return cls(
            "timeout",
            f"Pembacaan teks dihentikan setelah {seconds:g} detik karena berkas terlalu rumit. "
            "Coba cetak ulang ke PDF (Print to PDF) lalu unggah ulang.",
        )

    @classmethod
    def too_much_memory(cls) -> ExtractionError:
        return cls(
            "memory",
            "Pembacaan teks dihentikan karena berkas membutuhkan memori terlalu besar. "
            "Coba cetak ulang ke PDF (Print to PDF) atau pecah berkasnya, lalu unggah ulang.",
        )

    @classmethod
    def ocr_timeout(cls, seconds: float) -> ExtractionError:
        return cls(
            "timeout",
            f"OCR halaman pindaian ini dihentikan setelah {seconds:g} detik karena gambarnya terlalu berat "
            f"dibaca. {RESCAN_HINT}",
        )

    @classmethod
    def ocr_busy(cls, seconds: float) -> ExtractionError:
        """A page out of time that hardly had the CPU: the server was busy, the scan is not to blame."""
        return cls(
            "busy",
            f"OCR halaman pindaian ini belum selesai dalam {seconds:g} detik karena server sedang sibuk (banyak "
            "halaman dibaca bersamaan), bukan karena pindaiannya. Tidak perlu memindai ulang: pekerja latar "
            "belakang mencobanya lagi otomatis, atau admin menjalankan `evidence-vault ocr --pending` saat server "
            "lebih longgar.",
        )

    @classmethod
    def ocr_too_much_memory(cls) -> ExtractionError:
        return cls(
            "memory",
            f"OCR halaman pindaian ini dihentikan karena gambarnya membutuhkan memori terlalu besar. {RESCAN_HINT}",
        )

    @classmethod
    def ocr_failed(cls, number: int) -> ExtractionError:
        return cls(
            "ocr_failed",
            f"Tesseract (program OCR) berhenti dengan galat saat membaca halaman {number}. Pindai ulang "
            "halaman itu pada 200–300 dpi, lalu unggah ulang; bila tetap gagal, laporkan ke admin agar "
            "pesan Tesseract di log server diperiksa.",
        )

    @classmethod
    def zip_bomb(cls, detail: str) -> ExtractionError:
        return cls(
            "zip_bomb",
            f"Berkas DOCX ini ditolak karena isinya mengembang tidak wajar ({detail}); berkas "
            "seperti ini bisa melumpuhkan server. Simpan ulang dari Word atau LibreOffice, lalu "
            "unggah ulang.",
        )

    @classmethod
    def internal(cls) -> ExtractionError:
        return cls(
            "internal",
            "Terjadi kesalahan tak terduga saat membaca berkas. Berkas sudah tersimpan; "
            "laporkan ke admin agar dicoba ulang.",
        )
