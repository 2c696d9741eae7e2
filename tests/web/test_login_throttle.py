"""The per-address login throttle stays bounded however many addresses fail."""

from __future__ import annotations

import pytest

from evidence_vault.web import auth


def test_addresses_beyond_the_cap_are_forgotten_oldest_first() -> None:
    throttle = auth._Throttle(limit=2, max_addresses=3)
    for address in ("10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.4"):
        throttle.failed(address)
    assert list(throttle.failures) == ["10.0.0.2", "10.0.0.3", "10.0.0.4"]
    throttle.failed("10.0.0.4")
    assert not throttle.allow("10.0.0.4") and throttle.allow("10.0.0.1")


def test_an_address_whose_failures_aged_out_is_dropped(monkeypatch: pytest.MonkeyPatch) -> None:
    now = [1000.0]
    monkeypatch.setattr(auth.time, "monotonic", lambda: now[0])
    throttle = auth._Throttle(limit=1, window=60)
    throttle.failed("10.0.0.9")
    assert not throttle.allow("10.0.0.9")
    now[0] += 61
    assert throttle.allow("10.0.0.9") and "10.0.0.9" not in throttle.failures
