"""No internal code on any page: every page of a seeded vault, as each role sees it, is read as a
person reads it (visible text only, commands in <code> aside) and fails on a snake_case token, an
English status or role word, or a database-ish label ("user #1", "(spbe-2020)", "keyakinan: 0.94")."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urlencode, urlsplit

from flask.testing import FlaskClient
from sqlmodel import Session, select

from evidence_vault.demo import samples
from evidence_vault.models import IndicatorLink

from .. import legal_texts
from ..conftest import Auth, csrf_token
from ..uploads import post_upload

SNAKE = re.compile(r"\b[a-z]+(?:_[a-z0-9]+)+\b")
ENGLISH = re.compile(r"\b(?:confirmed|unconfirmed|suggested|verified|rejected|processing|pending|failed|"
                     r"coordinator|reviewer|viewer|machine|other body|needs ocr|claim above support)\b", re.I)
INTERNAL = re.compile(r"\b(?:user|period|document) #\d|keyakinan: \d\.\d|\((?:spbe-2020|pemdi-2026)\)|~\w")
SKIPPED = ("/logout", "/download", "/unduh", "ekspor.", ".json", "/static/")
PAGES_PER_ROLE = 120


class VisibleText(HTMLParser):
    """The text a person reads: no scripts, styles or attribute values; commands in <code> left out."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.links: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "code", "title"):
            self._hidden += 1
        if tag == "a":
            self.links += [value for name, value in attrs if name == "href" and value]

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "code", "title") and self._hidden:
            self._hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)


def _seed(client: FlaskClient, auth: Auth, engine) -> None:
    """Documents of every sort, a period, a claim, links in every state, as people make them."""
    auth.login("coordinator")
    post_upload(client, [
        ("perbup.pdf", samples.pdf_document(legal_texts.perbup("12", 2023, "KEBIJAKAN INTERNAL MANAJEMEN DATA",
                                                               body="Manajemen data meliputi arsitektur data."))),
        ("rancangan.pdf", samples.pdf_document(legal_texts.perbup(draft=True, promulgated=None))),
        ("perwal.pdf", samples.pdf_document(legal_texts.perbup("3", 2021, "PENGELOLAAN ARSIP", regent="DENPASAR"))),
        ("pindaian.png", samples.image_file([["KEPUTUSAN BUPATI BADUNG", "NOMOR 1 TAHUN 2024"]], "PNG")),
        ("rusak.pdf", b"%PDF-1.4 rusak"),
        ("sop-data.pdf", samples.pdf_document(legal_texts.keputusan_kepala_dinas())),  # matches "~kelola data"
    ])
    token = csrf_token(client.get("/indikator").text)
    client.post("/periode", data={"csrf_token": token, "year": "2026", "framework": "spbe-2020", "label": ""})
    client.post("/indikator/spbe-2020/3/klaim", data={"csrf_token": token, "level": "3", "justification": "ada"})
    with Session(engine) as session:
        suggested = [link.id for link in session.exec(select(IndicatorLink))]
    client.post("/indikator/spbe-2020/3/saran", data={"csrf_token": token, "confirm_chosen": "1",
                                                      "chosen": [str(link_id) for link_id in suggested]})
    client.post("/logout", data={"csrf_token": token})


def _key(address: str) -> str:
    """One address per page and set of filters: paging and sorting do not make a new page."""
    parts = urlsplit(address)
    query = [(name, value) for name, value in parse_qsl(parts.query) if name not in ("page", "sort", "order")]
    return parts.path + ("?" + urlencode(sorted(query)) if query else "")


def _crawl(client: FlaskClient) -> tuple[dict[str, list[str]], set[str]]:
    """Every page reachable from the home page by links: (address → the problems on it, the pages read)."""
    problems: dict[str, list[str]] = {}
    read: set[str] = set()
    queue, seen = ["/"], {"/"}
    while queue and len(seen) <= PAGES_PER_ROLE:
        address = queue.pop(0)
        response = client.get(address)
        if response.status_code != 200 or not response.content_type.startswith("text/html"):
            continue
        read.add(urlsplit(address).path)
        reader = VisibleText()
        reader.feed(response.text)
        text = " ".join(" ".join(reader.parts).split())
        found = SNAKE.findall(text) + ENGLISH.findall(text) + INTERNAL.findall(text)
        if found:
            problems[address] = sorted(set(found))
        for link in reader.links:
            parts = urlsplit(link)
            if parts.netloc or not parts.path.startswith("/") or any(skip in link for skip in SKIPPED):
                continue
            key = _key(link.split("#")[0])
            if key not in seen:
                seen.add(key)
                queue.append(link.split("#")[0])
    return problems, read


def test_no_internal_code_on_any_page(client: FlaskClient, auth: Auth, engine) -> None:
    _seed(client, auth, engine)
    everywhere: dict[str, list[str]] = {}
    for role in ("coordinator", "reviewer", "admin"):
        auth.login(role)
        problems, read = _crawl(client)
        assert {"/", "/audit", "/indikator", "/indikator/spbe-2020/3", "/documents/1", "/documents/3", "/cari",
                "/riwayat", "/documents/1/riwayat", "/pustaka"} <= read, f"{role} did not reach every page"
        everywhere.update({f"{role} {address}": found for address, found in problems.items()})
        client.post("/logout", data={"csrf_token": auth.token("/")})
    assert everywhere == {}, "\n".join(f"{page}: {found}" for page, found in sorted(everywhere.items()))
