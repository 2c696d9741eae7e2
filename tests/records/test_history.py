"""The audit trail speaks Indonesian: every action the code records has a label."""

from __future__ import annotations

import ast
from pathlib import Path

from evidence_vault.records import history

SOURCE = Path(history.__file__).resolve().parents[1]  # the whole package


def _strings(node: ast.expr) -> list[str]:
    """The string constants an argument can evaluate to (`"a" if x else "b"` gives both)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        return _strings(node.body) + _strings(node.orelse)
    return []


def _name(call: ast.Call) -> str:
    function = call.func
    return function.attr if isinstance(function, ast.Attribute) else getattr(function, "id", "")


def _is_events_record(call: ast.Call) -> bool:
    function = call.func
    return (isinstance(function, ast.Attribute) and function.attr == "record"
            and isinstance(function.value, ast.Name) and function.value.id == "events")


def recorded_actions() -> dict[str, str]:
    """Every action name passed to `events.record` anywhere in evidence_vault/, with where it is.

    A function that passes one of its own parameters on as the action (links._audit does) is a
    recorder too: the strings its callers give for that parameter are actions as well.
    """
    trees = {path: ast.parse(path.read_text(encoding="utf-8")) for path in sorted(SOURCE.rglob("*.py"))}
    recorders: dict[str, int] = {}  # function name -> index of its action parameter
    for tree in trees.values():
        for function in ast.walk(tree):
            if not isinstance(function, ast.FunctionDef):
                continue
            parameters = [argument.arg for argument in function.args.args]
            for call in ast.walk(function):
                if isinstance(call, ast.Call) and _is_events_record(call) and len(call.args) > 1:
                    action = call.args[1]
                    if isinstance(action, ast.Name) and action.id in parameters:
                        recorders[function.name] = parameters.index(action.id)
    found: dict[str, str] = {}
    for path, tree in trees.items():
        for call in ast.walk(tree):
            if not isinstance(call, ast.Call):
                continue
            if _is_events_record(call) and len(call.args) > 1:
                argument = call.args[1]
            elif _name(call) in recorders and len(call.args) > recorders[_name(call)]:
                argument = call.args[recorders[_name(call)]]
            else:
                continue
            for action in _strings(argument):
                found.setdefault(action, f"{path.relative_to(SOURCE.parent)}:{call.lineno}")
    return found


def test_the_scan_finds_actions_recorded_directly_and_through_a_helper() -> None:
    found = recorded_actions()
    assert {"document.upload", "login.failed", "period.create", "link.confirm", "link.add", "link.verify"} <= set(found)


def test_every_recorded_action_has_an_indonesian_label() -> None:
    missing = {action: where for action, where in recorded_actions().items() if action not in history.ACTION_LABELS}
    assert missing == {}, f"add these to history.ACTION_LABELS: {missing}"


def test_no_label_for_an_action_nothing_records() -> None:
    """A label without a recorder is a typo or a leftover, and a dead option in the history filter."""
    assert set(history.ACTION_LABELS) - set(recorded_actions()) == set()
