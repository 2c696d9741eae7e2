"""Forms (Flask-WTF): every form carries a CSRF token."""

from __future__ import annotations

from flask_wtf import FlaskForm
from flask_wtf.file import MultipleFileField
from wtforms import EmailField, PasswordField, SelectField
from wtforms.validators import DataRequired, Length


class LoginForm(FlaskForm):
    email = EmailField("Email", validators=[DataRequired("Isi email Anda."), Length(max=254)])
    password = PasswordField("Kata sandi", validators=[DataRequired("Isi kata sandi Anda."), Length(max=1024)])


class UploadForm(FlaskForm):
    files = MultipleFileField("Berkas", validators=[DataRequired("Pilih minimal satu berkas.")])
    organisation = SelectField("Organisasi", coerce=int, validate_choice=True)


class ConfirmForm(FlaskForm):
    """A button that changes state: only the CSRF token travels."""
