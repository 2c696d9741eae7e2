"""The API's one error shape: `{"error": {"code", "message", "details"}}`, a stable code and Indonesian words.

Codes are part of the API's contract (clients branch on them); messages say what happened
and what to do, and may be reworded. A 404 never tells "not yours" from "not there", and
no message names another organisation's objects.
"""

from __future__ import annotations

from typing import Any

from flask import Response, jsonify
from pydantic import ValidationError
from werkzeug.exceptions import HTTPException

# code: (HTTP status, what happened and what to do)
CODES: dict[str, tuple[int, str]] = {
    "invalid_request": (400, "Permintaan tidak valid. Periksa rincian di bawah, perbaiki, lalu kirim lagi."),
    "token_missing": (401, "Permintaan ini memerlukan token API. Kirim header \u201cAuthorization: Bearer "
                           "<token>\u201d; token dibuat di menu Akun \u203a Token API."),
    "token_invalid": (401, "Token API tidak dikenal, sudah dicabut, atau akunnya nonaktif. Buat token baru di "
                           "menu Akun \u203a Token API."),
    "token_expired": (401, "Token API sudah melewati masa berlakunya. Buat token baru di menu Akun \u203a Token API."),
    "forbidden": (403, "Peran akun Anda tidak mengizinkan tindakan ini. Hubungi koordinator atau admin."),
    "read_only_token": (403, "Token ini hanya untuk membaca. Buat token dengan cakupan baca dan ubah untuk "
                             "tindakan ini."),
    "not_found": (404, "Tidak ditemukan, atau bukan milik organisasi yang dapat diakses token ini."),
    "method_not_allowed": (405, "Metode HTTP ini tidak tersedia untuk alamat ini. Lihat /api/v1/openapi.json."),
    "too_large": (413, "Isi permintaan melebihi batas ukuran. Kirim lebih sedikit sekaligus, atau perkecil berkasnya."),
    "unsupported_media_type": (415, "Kirim isi permintaan sebagai JSON (Content-Type: application/json)."),
    "refused": (422, "Vault menolak permintaan ini."),
    "rate_limited": (429, "Terlalu banyak permintaan dengan token ini dalam satu menit. Tunggu sebanyak detik di "
                          "header Retry-After, lalu coba lagi."),
    "internal_error": (500, "Terjadi kesalahan di server. Kesalahan ini sudah dicatat; coba lagi, dan bila "
                            "berulang hubungi admin."),
    "search_unavailable": (503, "Indeks pencarian tidak dapat dibaca saat ini. Coba lagi; bila berulang, admin "
                                "menjalankan `evidence-vault reindex`."),
}
# Werkzeug's own refusals (routing, body size, ...) by status.
_BY_STATUS = {404: "not_found", 405: "method_not_allowed", 413: "too_large", 415: "unsupported_media_type",
              400: "invalid_request", 401: "token_missing", 403: "forbidden", 429: "rate_limited"}


class ApiError(Exception):
    """An answer other than success: a code from `CODES`, optionally its own message and details."""

    def __init__(self, code: str, message: str | None = None, details: list[dict[str, str]] | None = None,
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(code)
        self.code = code
        self.status = CODES[code][0]
        self.message = message or CODES[code][1]
        self.details = details or []
        self.headers = headers or {}


def response(error: ApiError) -> Response:
    """The JSON answer for an error; the one place its shape is written."""
    body: dict[str, Any] = {"code": error.code, "message": error.message}
    if error.details:
        body["details"] = error.details
    answer = jsonify({"error": body})
    answer.status_code = error.status
    answer.headers.update(error.headers)
    return answer


def from_http(error: HTTPException) -> ApiError:
    """Werkzeug's refusals (no such route, wrong method, body too large) in the API's shape."""
    code = _BY_STATUS.get(error.code or 500, "internal_error")
    headers = {"Allow": ", ".join(error.valid_methods)} if getattr(error, "valid_methods", None) else None
    return ApiError(code, headers=headers)


# Pydantic's error types in Indonesian; `{name}` takes values from the error's context.
_MESSAGES = {
    "missing": "wajib diisi",
    "extra_forbidden": "tidak dikenal; hapus isian ini",
    "string_type": "harus berupa teks",
    "string_too_short": "paling sedikit {min_length} karakter",
    "string_too_long": "paling banyak {max_length} karakter",
    "string_pattern_mismatch": "bentuknya tidak sesuai",
    "int_type": "harus bilangan bulat",
    "int_parsing": "harus bilangan bulat",
    "int_from_float": "harus bilangan bulat",
    "float_type": "harus angka",
    "float_parsing": "harus angka",
    "finite_number": "harus angka",
    "bool_type": "harus true atau false",
    "bool_parsing": "harus true atau false",
    "greater_than_equal": "paling kecil {ge}",
    "less_than_equal": "paling besar {le}",
    "greater_than": "harus lebih dari {gt}",
    "less_than": "harus kurang dari {lt}",
    "literal_error": "harus salah satu dari: {expected}",
    "enum": "harus salah satu dari: {expected}",
    "date_type": "harus tanggal TTTT-BB-HH",
    "date_parsing": "harus tanggal TTTT-BB-HH",
    "date_from_datetime_parsing": "harus tanggal TTTT-BB-HH",
    "date_from_datetime_inexact": "harus tanggal TTTT-BB-HH tanpa jam",
    "dict_type": "harus berupa objek JSON",
    "model_type": "harus berupa objek JSON",
    "model_attributes_type": "harus berupa objek JSON",
    "list_type": "harus berupa daftar",
    "json_invalid": "bukan JSON yang sah",
    "value_error": "{error}",
}


def invalid(error: ValidationError, where: str) -> ApiError:
    """A failed validation of the query string or the body, field by field, in Indonesian."""
    details = []
    for problem in error.errors(include_url=False):
        field = ".".join(str(part) for part in problem.get("loc", ())) or where
        template = _MESSAGES.get(problem.get("type", ""), "tidak valid")
        context = {key: str(value).removeprefix("Value error, ") for key, value in (problem.get("ctx") or {}).items()}
        try:
            message = template.format(**context)
        except (KeyError, IndexError):
            message = "tidak valid"
        details.append({"field": field, "in": where, "message": message})
    return ApiError("invalid_request", details=details)
