"""Which class builds each kiosk screen, and which screens exist only with a result to show."""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ui.screens.state import (FILED, HOME, LOOKUP, LOOKUP_RESULT, QUEUE, QUEUE_CODE, QUEUE_TICKET,
                              RECEIPT, RESULTS, WizardState)

if TYPE_CHECKING:
    from ui.screens.base import Host, Screen


def screen_class(name: str) -> Callable[["Host"], "Screen"]:
    """The screen's class, imported on its first visit (keeps start-up short). The imports are
    spelled out, not built from strings, so PyInstaller's analysis still finds every screen."""
    if name == HOME:
        from ui.screens.home import HomeScreen as cls
    elif name == "category":
        from ui.screens.category import CategoryScreen as cls
    elif name == "text":
        from ui.screens.describe import DescribeScreen as cls
    elif name == "photos":
        from ui.screens.photos import PhotosScreen as cls
    elif name == "place":
        from ui.screens.place import PlaceScreen as cls
    elif name == "who":
        from ui.screens.who import WhoScreen as cls
    elif name == "review":
        from ui.screens.review import ReviewScreen as cls
    elif name == RECEIPT:
        from ui.screens.receipt import ReceiptScreen as cls
    elif name == QUEUE:
        from ui.screens.queue_services import QueueServicesScreen as cls
    elif name == QUEUE_CODE:
        from ui.screens.queue_code import QueueCodeScreen as cls
    elif name == QUEUE_TICKET:
        from ui.screens.queue_ticket import QueueTicketScreen as cls
    elif name == FILED:
        from ui.screens.filed import FiledScreen as cls
    elif name == LOOKUP:
        from ui.screens.lookup import LookupScreen as cls
    elif name == LOOKUP_RESULT:
        from ui.screens.lookup_result import LookupResultScreen as cls
    elif name == RESULTS:
        from ui.screens.results import ResultsScreen as cls
    else:
        raise KeyError(name)
    return cls


def has_content(name: str, state: WizardState) -> bool:
    """Result screens exist only while there is a result to show."""
    if name == RECEIPT:
        return state.filed is not None
    if name == QUEUE_TICKET:
        return state.queue.ticket is not None
    if name == LOOKUP_RESULT:
        return state.lookup.result is not None
    return True
