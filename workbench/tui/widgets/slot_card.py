"""One calendar slot as a focusable card: time, activity, segment, format and status."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from workbench.guards.text import for_display
from workbench.i18n import Catalog
from workbench.store.slotrecords import Slot
from workbench.weekplan.service import slot_status

STATUS_STYLES = {
    "sent": "bold green",
    "approved": "green",
    "in_review": "cyan",
    "draft": "yellow",
    "changes_requested": "magenta",
    "rejected": "red",
    "missing": "bold red",
}


def card_text(slot: Slot, t: Catalog) -> Text:
    status = slot_status(slot)
    text = Text()
    text.append(slot.time, style="bold")
    text.append(f" {t('cal.activity.' + slot.activity)}\n")
    text.append(f"{for_display(slot.segment_name or slot.segment_id)}\n", style="dim")
    text.append(f"{t('cal.format.' + slot.format)}\n")
    if any((v.content or {}).get("outline") for v in slot.variants):
        text.append(f"{t('cal.outline')}\n", style="italic")
    text.append(f"● {t('cal.status.' + status)}", style=STATUS_STYLES.get(status, ""))
    return text


class SlotCard(Static, can_focus=True):
    DEFAULT_CSS = """
    SlotCard {
        border: round $panel-lighten-2;
        padding: 0 1;
        margin: 0 0 1 0;
        height: auto;
    }
    SlotCard:focus {
        border: round $accent;
        background: $boost;
    }
    """

    def __init__(self, slot: Slot, t: Catalog, day: int) -> None:
        super().__init__(card_text(slot, t), id=f"slot-{slot.id}")
        self.slot = slot
        self.day = day
