"""The user's own API tokens: make one (its secret shown once, on the answer to the form), list, revoke."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_login import current_user, login_required
from werkzeug.wrappers import Response

from ..models import ApiToken, Organisation
from ..pipeline import uploads
from ..records import organisations, tokens
from ..records.access import SCOPE_PERMISSIONS
from .context import db_session, settings
from .forms import ConfirmForm, TokenForm, choices
from .guards import actor

blueprint = Blueprint("tokens", __name__)
DEFAULT_DAYS = 90


def _reachable() -> list[Organisation]:
    """The organisations a token of this user may be narrowed to: those the user can read."""
    visible = actor().visible_organisation_ids()
    return [org for org in organisations.all_organisations(db_session()) if visible is None or org.id in visible]


def _form(submitted: bool = True) -> TokenForm:
    """The form as submitted, or empty (after a token was made, so its fields do not invite a twin)."""
    form = TokenForm() if submitted else TokenForm(formdata=None)
    form.organisation.choices = choices([(0, "Semua organisasi akun saya")]
                                        + [(org.id, org.name) for org in _reachable()])
    if not submitted or form.days.data is None:
        form.days.data = str(DEFAULT_DAYS)
    return form


def _largest_mib() -> int:
    """The vault's largest request in whole MiB: a token's own limit may be at most this."""
    return -(-uploads.largest_request(settings()) // tokens.MIB)


def _page(form: TokenForm, secret: str | None = None, created: ApiToken | None = None) -> str:
    return render_template(
        "people/tokens.html", form=form, secret=secret, created=created, confirm=ConfirmForm(formdata=None),
        tokens=tokens.tokens_of(db_session(), current_user.id), is_live=tokens.is_live,
        scope_labels=tokens.SCOPE_LABELS, max_days=settings().get("api", "token_max_days"), mib=tokens.MIB,
        largest_mib=_largest_mib(),
        names={org.id: org.name for org in organisations.all_organisations(db_session())},
        can_write=any(actor().can_anywhere(permission) for permission in SCOPE_PERMISSIONS[tokens.WRITE]
                      if permission not in SCOPE_PERMISSIONS[tokens.READ]))


@blueprint.route("/akun/token", methods=["GET", "POST"])
@login_required
def index() -> str | Response:
    form = _form()
    if not form.validate_on_submit():
        return _page(form)
    session = db_session()
    days = int(form.days.data) if (form.days.data or "").strip().isdigit() else 0
    organisation = session.get(Organisation, form.organisation.data) if form.organisation.data else None
    typed_mib = (form.max_mib.data or "").strip()
    max_mib = int(typed_mib) if typed_mib.isdigit() else (0 if typed_mib else None)  # 0: refused with the range
    try:
        created, secret = tokens.create(session, current_user, form.name.data or "", form.scope.data or "", days,
                                        max_days=settings().get("api", "token_max_days"), organisation=organisation,
                                        actor_id=current_user.id, max_request_mib=max_mib, largest_mib=_largest_mib())
    except tokens.TokenError as error:
        flash(str(error), "error")
        return _page(form)
    session.commit()
    # The secret is kept nowhere: this answer (never cached) is the only time it is shown.
    return _page(_form(submitted=False), secret, created)


@blueprint.route("/akun/token/<int:token_id>/cabut", methods=["POST"])
@login_required
def revoke(token_id: int) -> Response:
    """Revoke one of the user's own tokens; someone else's answers "not found"."""
    session = db_session()
    token = session.get(ApiToken, token_id)
    if token is None or token.user_id != current_user.id:
        abort(404)
    ConfirmForm()
    try:
        tokens.revoke(session, token, current_user.id)
    except tokens.TokenError as error:
        flash(str(error), "error")
    else:
        session.commit()
        flash(f"Token \u201c{token.name}\u201d dicabut; aplikasi yang memakainya tidak dapat masuk lagi.", "info")
    return redirect(url_for("tokens.index"))

