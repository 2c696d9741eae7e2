"""Forms (Flask-WTF): every form carries a CSRF token, cleans what is typed and speaks Indonesian."""

from __future__ import annotations

from typing import Any

from flask_wtf import FlaskForm
from flask_wtf.file import MultipleFileField
from wtforms import (
    BooleanField,
    EmailField,
    IntegerField,
    PasswordField,
    SelectChoice,
    SelectField,
    SelectMultipleField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.fields.core import UnboundField
from wtforms.validators import DataRequired, Length, Optional

from ..legal.kinds import KINDS
from ..plaintext import clean
from .form_messages import INDONESIAN


def _clean_line(value: Any) -> Any:
    return clean(value) if isinstance(value, str) else value


def _clean_lines(value: Any) -> Any:
    return clean(value, multiline=True) if isinstance(value, str) else value


class VaultForm(FlaskForm):
    """The base of every form here.

    Every typed text field (not passwords, taken exactly as typed) loses control and
    direction-override characters on input (`plaintext.clean`): one such character once
    made the organisation's whole XLSX export fail. A text area keeps its line breaks.
    WTForms' own messages come in Indonesian (`form_messages`).
    """

    class Meta(FlaskForm.Meta):
        def bind_field(self, form: Any, unbound_field: UnboundField, options: dict[str, Any]) -> Any:
            kind = unbound_field.field_class
            if issubclass(kind, StringField) and not issubclass(kind, PasswordField):
                cleaner = _clean_lines if issubclass(kind, TextAreaField) else _clean_line
                options["filters"] = [*unbound_field.kwargs.get("filters", ()), cleaner]
            return unbound_field.bind(form=form, **options)

        def get_translations(self, form: Any) -> Any:
            return INDONESIAN


def choices(pairs: list[tuple[object, str]]) -> list[SelectChoice]:
    """Options of a select field from (value, label) pairs."""
    return [SelectChoice(value, label) for value, label in pairs]


def form_problems(form: FlaskForm) -> str:
    """What is wrong with a submitted form, field by field, for one flash message ("Judul: paling banyak ...")."""
    problems = [f"{getattr(form, name).label.text}: {', '.join(errors)}" for name, errors in form.errors.items()
                if name != "csrf_token"]
    return "; ".join(problems) + "." if problems else "Periksa isian lalu kirim lagi."


class LoginForm(VaultForm):
    email = EmailField("Email", validators=[DataRequired("Isi email Anda."), Length(max=254)])
    password = PasswordField("Kata sandi", validators=[DataRequired("Isi kata sandi Anda."), Length(max=1024)])


class UploadForm(VaultForm):
    files = MultipleFileField("Berkas", validators=[DataRequired("Pilih minimal satu berkas.")])
    organisation = SelectField("Organisasi", coerce=int, validate_choice=True)


class ConfirmForm(VaultForm):
    """A button that changes state: only the CSRF token travels."""


def _at_most(max_length: int) -> Length:
    return Length(max=max_length, message=f"paling banyak {max_length} karakter")


def _text(label: str, max_length: int = 500, **render: str) -> StringField:
    return StringField(label, validators=[Optional(), _at_most(max_length)], render_kw=render or None)


def _date(label: str) -> StringField:
    return StringField(label, validators=[Optional(), _at_most(10)], render_kw={"type": "date"})


class LegalMetadataForm(VaultForm):
    """Correct and confirm the legal metadata; empty means "not known"."""

    jenis = SelectField("Jenis/bentuk", choices=choices([("", "— belum diketahui —")]
                                                        + [(code, kind.label) for code, kind in KINDS.items()]),
                        validators=[Optional()])
    nomor = _text("Nomor (sesuai naskah)", 200)
    nomor_peraturan = _text("Nomor peraturan", 128)
    tahun = _text("Tahun", 20, inputmode="numeric")
    judul = _text("Judul", 1000)
    tentang = TextAreaField("Tentang", validators=[Optional(), _at_most(2000)])
    teu_badan = _text("T.E.U. badan/pengarang")
    tempat_penetapan = _text("Tempat penetapan", 100)
    tanggal_penetapan = _date("Tanggal penetapan")
    tempat_pengundangan = _text("Tempat pengundangan", 100)
    tanggal_pengundangan = _date("Tanggal pengundangan")
    sumber = _text("Sumber (lembaran/berita)")
    penandatangan_jabatan = _text("Jabatan penandatangan")
    penandatangan_nama = _text("Nama penandatangan", 200)
    status = SelectField("Status", choices=choices([("", "— belum diketahui —"), ("rancangan", "Rancangan"),
                                                    ("ditetapkan", "Ditetapkan"), ("diundangkan", "Diundangkan")]),
                         validators=[Optional()])
    berlaku_sampai = _date("Berlaku sampai")
    tanggal_dokumen = _date("Tanggal dokumen (surat, laporan, notulen)")
    tanggal_rapat = _date("Tanggal rapat atau kegiatan (undangan, notulen, berita acara)")
    tanggal_berlaku = _date("Mulai berlaku (bila naskah menyebut tanggal tersendiri)")
    bahasa = SelectField("Bahasa", choices=choices([("id", "Indonesia"), ("en", "Inggris")]), validators=[Optional()])
    salinan = SelectField("Salinan", choices=choices([("", "Bukan salinan / tidak diketahui"), ("ya", "Salinan")]),
                          validators=[Optional()])
    confirm = BooleanField("Saya sudah mencocokkan metadata ini dengan naskahnya")


class PasswordChangeForm(VaultForm):
    current = PasswordField("Kata sandi lama", validators=[DataRequired("Isi kata sandi lama.")])
    new = PasswordField("Kata sandi baru", validators=[DataRequired("Isi kata sandi baru.")])
    repeat = PasswordField("Ulangi kata sandi baru", validators=[DataRequired("Ulangi kata sandi baru.")])


class UserCreateForm(VaultForm):
    email = EmailField("Email", validators=[DataRequired("Isi email."), _at_most(254)])
    full_name = _text("Nama lengkap", 255)
    role = SelectField("Peran", validators=[DataRequired()])
    organisation = SelectField("Organisasi", coerce=int, validate_choice=True)


class UserEditForm(VaultForm):
    full_name = _text("Nama lengkap", 255)
    role = SelectField("Peran", validators=[DataRequired()])
    active = BooleanField("Akun aktif")


class AssignForm(VaultForm):
    organisation = SelectField("Organisasi", coerce=int, validate_choice=True)


class LinkForm(VaultForm):
    """Link the document to an indicator, or confirm the vault's suggestion for it."""

    indicator = SelectField("Indikator", validators=[DataRequired("Pilih indikator.")])
    level = SelectField("Tingkat yang didukung", validators=[Optional()])
    pasal = _text("Pasal/bagian", 128)
    page = _text("Halaman", 6, inputmode="numeric")
    note = TextAreaField("Catatan", validators=[Optional(), _at_most(2000)])


class ReasonForm(VaultForm):
    reason = TextAreaField("Alasan", validators=[DataRequired("Tuliskan alasannya."), _at_most(2000)])


# The reason a suggestion rejected from an indicator's page carries unless the person writes another.
SUGGESTION_REJECTED = "Tidak sesuai dengan indikator ini."


class SuggestionsForm(VaultForm):
    """The suggested documents of an indicator: one row's Ajukan or Tolak button, or the rows ticked."""

    chosen = SelectMultipleField("Dokumen", coerce=int, validate_choice=False)
    reason = TextAreaField("Alasan menolak", default=SUGGESTION_REJECTED, validators=[Optional(), _at_most(2000)])
    confirm_one = IntegerField(validators=[Optional()])
    reject_one = IntegerField(validators=[Optional()])
    confirm_chosen = SubmitField("Ajukan yang dipilih")
    reject_chosen = SubmitField("Tolak yang dipilih")

    def decision(self) -> tuple[bool, list[int]]:
        """(confirm?, the link ids) from whichever button was pressed."""
        if self.confirm_one.data:
            return True, [self.confirm_one.data]
        if self.reject_one.data:
            return False, [self.reject_one.data]
        return not self.reject_chosen.data, list(self.chosen.data or [])


class ClaimForm(VaultForm):
    # Text, not a fixed list: Pemdi 2026 accepts fractional levels ('2,5'); the template offers
    # a list of whole levels for frameworks that take only those, and records.claims checks both.
    level = StringField("Tingkat yang diklaim", validators=[DataRequired("Isi tingkat."), _at_most(8)])
    justification = TextAreaField("Penjelasan untuk penilai", validators=[Optional(), _at_most(5000)])


class AsOfForm(VaultForm):
    as_of = StringField("Tanggal penilaian", validators=[DataRequired("Isi tanggal."), _at_most(10)],
                        render_kw={"type": "date"})


class ExternalValueForm(VaultForm):
    value = StringField("Nilai yang diterima", validators=[Optional(), _at_most(12)],
                        render_kw={"inputmode": "decimal"})
    # Choices are the documents linked to the indicator when shown; any document of the
    # organisation is accepted on submit (records.external checks that it is theirs).
    source_document = SelectField("Dokumen sumber", validate_choice=False)
    note = TextAreaField("Catatan", validators=[Optional(), _at_most(2000)])


class PeriodForm(VaultForm):
    year = StringField("Tahun", validators=[DataRequired("Isi tahun."), _at_most(4)],
                       render_kw={"inputmode": "numeric"})
    # Empty: the framework governing the year (SPBE 2020 up to 2025, Pemdi 2026 from 2026).
    framework = SelectField("Kerangka penilaian", validators=[Optional()])
    label = _text("Nama periode", 255)


class TokenForm(VaultForm):
    """A new API token: a name to recognise it by, its scope, how long it lives, and optionally one organisation
    and its own size limit for one request (below the vault's)."""

    name = StringField("Nama token", validators=[DataRequired("Beri token nama."), _at_most(100)],
                       render_kw={"placeholder": "misalnya Dasbor provinsi"})
    scope = SelectField("Cakupan", choices=choices([("read", "Baca saja"), ("write", "Baca dan ubah")]),
                        validators=[DataRequired()])
    days = StringField("Berlaku (hari)", validators=[DataRequired("Isi masa berlaku."), _at_most(4)],
                       render_kw={"inputmode": "numeric"})
    organisation = SelectField("Organisasi", coerce=int, validate_choice=True)
    max_mib = _text("Batas ukuran per permintaan (MiB)", 6, inputmode="numeric", placeholder="kosong: batas vault")
