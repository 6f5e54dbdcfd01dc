"""Every kiosk screen, found where the shell finds them (ui/screens/registry.py), and a way to
reach each one with something on it, so tests over "every screen" grow with the registry.

    registered_screens() -> names screen_class() knows, in its order
    give_content(shell, name) -> puts into the shell's state what a result screen needs

A new result screen (one whose has_content() is False for a fresh state) makes give_content
fail with a sentence saying what to add here, instead of being silently skipped.
"""
from __future__ import annotations

import ast
import inspect
import textwrap

from kiosk.reports import ReportDraft, file_report
from ui.screens import registry
from ui.screens.state import LOOKUP_RESULT, QUEUE_TICKET, RECEIPT

QUEUE_SERVICE = "tu-phap-ho-tich"     # a service of the bundled demo office


def registered_screens() -> tuple[str, ...]:
    """The names compared with `name` in registry.screen_class, constants resolved."""
    tree = ast.parse(textwrap.dedent(inspect.getsource(registry.screen_class)))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Compare) and isinstance(node.left, ast.Name) \
                and node.left.id == "name":
            for other in node.comparators:
                if isinstance(other, ast.Constant) and isinstance(other.value, str):
                    names.append(other.value)
                elif isinstance(other, ast.Name):
                    names.append(str(getattr(registry, other.id)))
    found = tuple(dict.fromkeys(names))
    for name in found:
        registry.screen_class(name)     # each one really builds a class
    assert len(found) >= 10, found
    return found


def _report(shell):  # noqa: ANN001, ANN202
    return file_report(shell.store, ReportDraft(category_id="moi-truong",
                                                text="Cống thoát nước bị nghẹt"))


def give_content(shell, name: str) -> None:  # noqa: ANN001
    if registry.has_content(name, shell.state):
        return
    if name == RECEIPT:
        shell.state.filed = _report(shell)
    elif name == QUEUE_TICKET:
        shell.state.queue.ticket = shell.queue.take(QUEUE_SERVICE)
    elif name == LOOKUP_RESULT:
        from kiosk.lookup import lookup

        filed = _report(shell)
        shell.state.lookup.code = filed.code
        shell.state.lookup.result = lookup(shell.store.conn(), filed.code, scope=shell.mode)
    else:
        raise AssertionError(f"screen {name!r} shows nothing for a fresh state: teach "
                             "tests/screens_support.give_content how to fill it")
    assert registry.has_content(name, shell.state), name
