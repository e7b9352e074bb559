"""The week view: days as columns, the week plan's slots as cards with their status; open
a slot to review its content like any variant (approve, reject, edit, compare)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Footer, Header, Static

from workbench.store.slotrecords import Slot
from workbench.tui.context import TuiContext
from workbench.tui.screens.base import WorkbenchScreen
from workbench.tui.screens.variants import VariantsScreen
from workbench.tui.widgets.slot_card import SlotCard
from workbench.weekplan.model import DAYS


def _binding(key: str, action: str, name: str, show: bool = True) -> Binding:
    return Binding(
        key, action, f"tui.key.{name}", id=f"week.{name}", tooltip=f"tui.tip.{name}", show=show
    )


class WeekScreen(WorkbenchScreen):
    DEFAULT_CSS = """
    #week-days { height: 1fr; }
    .week-day { width: 1fr; padding: 0 0 0 1; }
    .week-day-title { text-style: bold; height: 1; }
    .week-day-title.-today { color: $accent; }
    .week-day-cards { height: 1fr; scrollbar-size-vertical: 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        _binding("enter", "open", "open_slot"),
        _binding("n", "week(1)", "week_next"),
        _binding("p", "week(-1)", "week_prev"),
        _binding("down", "card(1)", "card_next", show=False),
        _binding("up", "card(-1)", "card_prev", show=False),
        _binding("right", "day(1)", "day_next", show=False),
        _binding("left", "day(-1)", "day_prev", show=False),
        _binding("f5", "reload", "refresh", show=False),
        Binding("escape", "back", "tui.key.back", id="week.back", tooltip="tui.tip.back"),
    ]

    def __init__(self, ctx: TuiContext, week: date | None = None) -> None:
        super().__init__(ctx)
        self.week = week
        self.slots: list[Slot] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="week-title", classes="screen-title")
        with Horizontal(id="week-days"):
            for index in range(7):
                with Vertical(classes="week-day", id=f"day-{index}"):
                    yield Static("", classes="week-day-title")
                    yield VerticalScroll(classes="week-day-cards", can_focus=False)
        yield Static(self.t("cal.tui.hint"), id="week-hint", classes="hint")
        yield Footer()

    def on_mount(self) -> None:
        self.reload()

    def on_screen_resume(self) -> None:
        self.reload()

    def on_descendant_blur(self) -> None:
        """Keep a card focused (the command palette closing may leave nothing focused)."""
        self.call_after_refresh(self._keep_focus)

    def _keep_focus(self) -> None:
        if self.focused is None:
            first = next(iter(self.query(SlotCard)), None)
            if first is not None:
                first.focus()

    def reload(self) -> None:
        self._load(self.week)

    @work(thread=True, exclusive=True, group="week", exit_on_error=False)
    def _load(self, week: date | None) -> None:
        wb = self.ctx.workbench
        slots: list[Slot] = []
        if wb.db_exists():
            store = wb.store
            if week is None:
                weeks = store.calendar.weeks()
                week = date.fromisoformat(weeks[-1]) if weeks else None
            if week is not None:
                slots = store.calendar.slots(week_of=week.isoformat())
        self.app.call_from_thread(self._loaded, week, slots)  # type: ignore[arg-type]

    async def _loaded(self, week: date | None, slots: list[Slot]) -> None:
        focused = self.focused.slot.id if isinstance(self.focused, SlotCard) else None
        self.week, self.slots = week, slots
        title = self.query_one("#week-title", Static)
        if week is None:
            title.update(Text(self.t("cal.tui.none"), style="yellow"))
            return
        title.update(self.t("cal.tui.title", week=week.isoformat()))
        for index in range(7):
            day = week + timedelta(days=index)
            column = self.query_one(f"#day-{index}", Vertical)
            column.query_one(".week-day-title", Static).update(
                f"{self.t('cal.day.' + DAYS[index])} {day:%m-%d}"
            )
            cards = column.query_one(".week-day-cards", VerticalScroll)
            await cards.remove_children()
            todays = [s for s in slots if s.date == day.isoformat()]
            await cards.mount_all([SlotCard(s, self.t, index) for s in todays])
        target = self._card(focused) or next(iter(self.query(SlotCard)), None)
        if target is not None:
            target.focus()

    def _card(self, slot_id: int | None) -> SlotCard | None:
        if slot_id is None:
            return None
        return next((c for c in self.query(SlotCard) if c.slot.id == slot_id), None)

    def current_slot(self) -> Slot | None:
        return self.focused.slot if isinstance(self.focused, SlotCard) else None

    def action_open(self) -> None:
        slot = self.current_slot()
        if slot is not None:
            self.app.push_screen(SlotScreen(self.ctx, slot))

    def action_week(self, step: int) -> None:
        if self.week is not None:
            self.week = self.week + timedelta(days=7 * step)
            self.reload()

    def action_card(self, step: int) -> None:
        cards = list(self.query(SlotCard))
        if not cards:
            return
        current = self.focused if isinstance(self.focused, SlotCard) else None
        if current is None:
            cards[0].focus()
            return
        same_day = [c for c in cards if c.day == current.day]
        index = same_day.index(current) + step
        if 0 <= index < len(same_day):
            same_day[index].focus()
            same_day[index].scroll_visible()

    def action_day(self, step: int) -> None:
        current = self.focused if isinstance(self.focused, SlotCard) else None
        day = current.day if current is not None else -1 if step > 0 else 7
        cards = list(self.query(SlotCard))
        ahead = range(day + step, 7) if step > 0 else range(day + step, -1, -1)
        for target in ahead:
            found = [c for c in cards if c.day == target]
            if found:
                found[0].focus()
                return

    def action_reload(self) -> None:
        self.reload()

    def action_back(self) -> None:
        self.app.pop_screen()


class SlotScreen(VariantsScreen):
    """The variants screen narrowed to one slot's content (the newest version of each)."""

    def __init__(self, ctx: TuiContext, slot: Slot) -> None:
        super().__init__(ctx, slot.campaign_id)
        self.slot_id = int(slot.id)
        self.slot = slot

    def on_mount(self) -> None:
        t, s = self.t, self.slot
        label = (
            f"{s.date} {s.time} · {t('cal.activity.' + s.activity)} · "
            f"{s.segment_name or s.segment_id} · {t('cal.format.' + s.format)} · "
            f"{s.owner}"
        )
        self.query_one("#variants-title", Static).update(label)
        super().on_mount()

    @work(thread=True, exclusive=True, group="variants", exit_on_error=False)
    def _load(self) -> None:
        from workbench.tui.screens.variants import search_index

        store = self.ctx.workbench.store
        slot = store.calendar.slot(self.slot_id)
        ids = {v.id for v in slot.variants}
        variants = [
            v
            for v in store.variants.rows(campaign=slot.campaign_id, segment=slot.segment_id)
            if v.id in ids
        ]
        self.app.call_from_thread(self._loaded, variants, search_index(variants))
