"""Every main screen at 1366×768 and on a phone: photographed for a person to look at, and checked.

The checks are the ones a screenshot cannot show reliably: every form field has a label, no
id is used twice, the page does not scroll sideways on a phone, the keyboard focus is visible,
and nothing is loaded from outside the vault (the journey fixture watches every request).
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from .conftest import DATA_POLICY, DESKTOP, OUTPUT, PHONE, Journey, Vault, open_document
from .test_journeys import ensure_period

pytestmark = pytest.mark.e2e

# Form controls without an accessible name (a <label>, aria-label or aria-labelledby).
UNLABELLED = """() => [...document.querySelectorAll('input, select, textarea')]
  .filter(el => el.type !== 'hidden' && !(el.labels && el.labels.length)
                && !el.getAttribute('aria-label') && !el.getAttribute('aria-labelledby'))
  .map(el => el.outerHTML.slice(0, 120))"""
# Ids used twice (a label then names the wrong field, a link the wrong place); hidden inputs count too.
DUPLICATE_IDS = """() => { const seen = {};
  for (const el of document.querySelectorAll('[id]')) seen[el.id] = (seen[el.id] || 0) + 1;
  return Object.keys(seen).filter(id => seen[id] > 1); }"""
SIDEWAYS = "() => document.documentElement.scrollWidth - window.innerWidth"
# The elements that stick out to the right, outside any box that scrolls on its own.
STICKING_OUT = """() => [...document.querySelectorAll('body *')].filter(el => {
    if (el.getBoundingClientRect().right <= window.innerWidth + 1) return false;
    for (let up = el.parentElement; up; up = up.parentElement)
      if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(up).overflowX)) return false;
    return true; }).slice(0, 5).map(el => el.outerHTML.slice(0, 100))"""
FOCUS_RING = """() => { const s = getComputedStyle(document.activeElement);
  return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2; }"""

SCREENS = [
    ("dokumen", "/"),
    ("unggah", "/upload"),
    ("cari-kosong", "/cari"),
    ("cari", "/cari?q=kelola"),
    ("indikator", "/indikator"),
    ("indikator-3", "/indikator/spbe-2020/3"),
    ("audit", "/audit"),
    ("pustaka", "/pustaka"),
    ("riwayat", "/riwayat"),
    ("pengguna", "/pengguna"),
    ("kata-sandi", "/akun/kata-sandi"),
    ("tempat-sampah", "/trash"),
    ("tidak-ditemukan", "/documents/999999"),
]


def check(page: Page, name: str, folder: str) -> list[str]:
    """Photograph the screen; the problems found on it."""
    page.screenshot(path=OUTPUT / "screens" / folder / f"{name}.png", full_page=True)
    problems = [f"{name}: field without a label: {field}" for field in page.evaluate(UNLABELLED)]
    problems += [f"{name}: id used more than once: {found}" for found in page.evaluate(DUPLICATE_IDS)]
    sideways = page.evaluate(SIDEWAYS)
    if sideways > 0:
        problems.append(f"{name}: the page scrolls sideways by {sideways}px at {folder}: {page.evaluate(STICKING_OUT)}")
    return problems


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_every_screen(journey: Journey, vault: Vault, viewport: dict[str, int]) -> None:
    folder = f"{viewport['width']}x{viewport['height']}"
    (OUTPUT / "screens" / folder).mkdir(parents=True, exist_ok=True)
    login = journey.new_page("login", viewport)
    login.goto(vault.url + "/login")
    problems = check(login, "masuk", folder)
    login.keyboard.press("Tab")
    if not login.evaluate(FOCUS_RING):
        problems.append("the keyboard focus is not visible")

    ensure_period(vault)
    page = journey.as_user("coordinator", viewport)
    for name, path in SCREENS:
        page.goto(vault.url + path)
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        problems += check(page, name, folder)
        if name == "dokumen":
            shown = [text.strip() for text in page.locator("table.documents th:visible").all_inner_texts()]
            wanted = ["Judul", "Keabsahan", "Status"] if viewport == PHONE else None
            if wanted and [re.sub(r"\s*[▲▼]$", "", text) for text in shown] != wanted:
                problems.append(f"dokumen: columns shown on a phone: {shown}")
    open_document(page, vault, DATA_POLICY)
    problems += check(page, "dokumen-rinci", folder)
    assert not problems, "\n".join(problems)


def test_audit_and_indicator_pages_print_cleanly(journey: Journey, vault: Vault) -> None:
    """What a meeting gets on paper: the content with the organisation and period, no menus or forms."""
    (OUTPUT / "print").mkdir(parents=True, exist_ok=True)
    ensure_period(vault)
    page = journey.as_user("coordinator")
    for name, path in [("audit", "/audit"), ("indikator-3", "/indikator/spbe-2020/3")]:
        page.goto(vault.url + path)
        page.emulate_media(media="print")
        expect(page.get_by_role("navigation", name="Menu utama")).to_be_hidden()
        expect(page.get_by_role("banner")).to_contain_text("Pemerintah Kabupaten Badung")
        expect(page.get_by_role("banner")).to_contain_text("Evaluasi SPBE 2025")
        expect(page.locator("main form:visible")).to_have_count(0)
        page.pdf(path=OUTPUT / "print" / f"{name}.pdf", format="A4", print_background=True)
        page.screenshot(path=OUTPUT / "print" / f"{name}.png", full_page=True)
        page.emulate_media(media="screen")


def test_the_key_column_stays_on_a_phone(journey: Journey, vault: Vault) -> None:
    """On a phone: the audit keeps Didukung and Status, the indicator list Klaim, an upload Keterangan; the
    search results come before the filters, which fold behind "Saring hasil"."""
    ensure_period(vault)
    page = journey.as_user("coordinator", PHONE)
    page.goto(vault.url + "/audit")
    first = page.locator("table.audit-table tbody tr").first
    for label in ("Didukung", "Status"):
        cell = first.locator(f'td[data-label="{label}"]')
        expect(cell).to_be_visible()
        assert cell.bounding_box()["x"] + cell.bounding_box()["width"] <= PHONE["width"], label
    page.goto(vault.url + "/indikator?kerangka=spbe-2020")
    header = page.locator("table.indicators").first.locator("th:visible")
    expect(header).to_have_text(["No.", "Indikator", "Diajukan", "Klaim"])
    page.goto(vault.url + "/cari?q=kelola")
    hits, filters = page.locator("section.hits"), page.locator("details.facets")
    expect(hits).to_be_visible()
    expect(filters.get_by_text("Saring hasil")).to_be_visible()
    assert hits.bounding_box()["y"] < filters.bounding_box()["y"], "results first"
    expect(filters.get_by_role("group", name="Saringan")).to_be_hidden()
    filters.get_by_text("Saring hasil").click()
    expect(filters.get_by_role("group", name="Saringan")).to_be_visible()
    desktop = journey.as_user("coordinator", DESKTOP)
    desktop.goto(vault.url + "/cari?q=kelola")
    expect(desktop.get_by_role("group", name="Saringan")).to_be_visible()  # always open beside the results
