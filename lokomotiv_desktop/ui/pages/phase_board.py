"""Faser: the board with one column per phase. Cards move by drag and drop or with
Ctrl+Left / Ctrl+Right; every move asks for a reason and is recorded in the phase history.

The whole board is read once in the background (one query, services.phases.board); the
filters work on the cards in memory, so filtering 5 000 companies is a list comprehension.
"""
from __future__ import annotations

from PySide6.QtCore import QLocale, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from ...domain.enums import Phase
from ...domain.text import fold_danish
from ...services import phases
from ...services.me import my_name
from ...services.outreach import today_local
from ...store.database import Store
from ...store.phases import Board, BoardCard
from ..dialogs.phase_move_dialog import PhaseMoveDialog
from ..models.board_model import COMPANY_ID_ROLE
from ..tasks import TaskRunner
from ..widgets.board_card_delegate import BoardCardDelegate
from ..widgets.board_column import BoardColumn
from ..widgets.mine_toggle import MineToggle

NO_CONSULTANT = ""  # the consultant filter's value for cards without one


class PhaseBoardPage(QWidget):
    open_company = Signal(str)
    changed = Signal()  # a move was recorded: other pages refresh
    loaded = Signal()

    def __init__(self, store: Store, runner: TaskRunner, parent=None):
        super().__init__(parent)
        self.setObjectName("phase_board")
        self._store, self._runner = store, runner
        self._board = Board()
        self._cards: dict[str, BoardCard] = {}
        self._select_after_load: str | None = None
        self._current_company: str | None = None  # the card last selected, in any column
        self._mover = ""
        self.move_dialog: PhaseMoveDialog | None = None

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Filter by name or CVR"))
        self.search.setClearButtonEnabled(True)
        self.municipality = QComboBox()
        self.municipality.setAccessibleName(self.tr("Municipality"))
        self.consultant = QComboBox()
        self.consultant.setAccessibleName(self.tr("Consultant"))
        for combo in (self.municipality, self.consultant):
            # Long names must not widen the window past 1024 px; the open list shows them.
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(12)
        self.count_label = QLabel()
        self.mine = MineToggle("phases", self)  # shown once a load knows my name
        self.hint = QLabel(self.tr("Drag a card to another phase, or select it and press "
                                   "Ctrl+Left / Ctrl+Right. Enter opens the company."))
        self.hint.setStyleSheet("color: #5f6670;")
        self.hint.setWordWrap(True)
        self.delegate = BoardCardDelegate(self, today_local())
        self.columns = {phase: BoardColumn(phase, self.delegate) for phase in Phase}
        self._fill_choices()

        filters = QHBoxLayout()
        filters.addWidget(self.search, 2)
        filters.addWidget(self.municipality, 1)
        filters.addWidget(self.consultant, 1)
        filters.addWidget(self.mine)
        filters.addWidget(self.count_label)
        board = QHBoxLayout()
        board.setSpacing(6)
        for column in self.columns.values():
            board.addWidget(column, 1)
            column.model.drop_requested.connect(self._dropped)
            column.view.step_requested.connect(self._stepped)
            column.view.company_activated.connect(self.open_company)
            column.view.selectionModel().currentChanged.connect(self._current_changed)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.hint)
        layout.addLayout(board, 1)

        self._debounce = QTimer(self, singleShot=True, interval=120)
        self._debounce.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(self._debounce.start)
        self.municipality.currentIndexChanged.connect(self.apply_filters)
        self.consultant.currentIndexChanged.connect(self.apply_filters)
        self.mine.changed.connect(self.apply_filters)

    # -- loading ------------------------------------------------------------------------------
    def reload(self) -> None:
        store = self._store
        # My name is read on the worker too: the GUI thread never queries the store while
        # the worker may be using it.
        self._runner.run(lambda: (phases.board(store), my_name(store)), on_done=self._loaded,
                         cancellable=True)

    def _loaded(self, result: tuple[Board, str | None]) -> None:
        board, name = result
        self.mine.set_name(name)
        self._board = board
        self._cards = {c.company_id: c for cards in board.columns.values() for c in cards}
        self.delegate.today = today_local()
        self._fill_choices()
        had_focus = any(column.view.hasFocus() for column in self.columns.values())
        self.apply_filters()
        # Keep the card selected across reloads; after a move, follow it to its new column.
        wanted = self._select_after_load or self._current_company
        card = self._cards.get(wanted) if wanted else None
        if card is not None:
            self.columns[card.phase].select_company(
                card.company_id, focus=had_focus or bool(self._select_after_load))
        self._select_after_load = None
        self.loaded.emit()

    def _fill_choices(self) -> None:
        cards = self._cards.values()
        municipalities = sorted({c.municipality for c in cards if c.municipality}, key=str.casefold)
        consultants = sorted({c.consultant for c in cards if c.consultant}, key=str.casefold)
        _refill(self.municipality, self.tr("All municipalities"),
                [(name, name) for name in municipalities])
        choices = [(name, name) for name in consultants]
        if any(not c.consultant for c in cards):
            choices.append((self.tr("(no consultant)"), NO_CONSULTANT))
        _refill(self.consultant, self.tr("All consultants"), choices)

    # -- filtering ----------------------------------------------------------------------------
    def apply_filters(self) -> None:
        self._debounce.stop()
        municipality = self.municipality.currentData()
        mine = self.mine.consultant()
        self.consultant.setEnabled(mine is None)  # "Kun mine" decides the consultant
        consultant = mine if mine is not None else self.consultant.currentData()
        text = fold_danish(self.search.text().strip())
        shown = 0
        for phase, column in self.columns.items():
            cards = self._board.columns.get(phase, [])
            if municipality is not None:
                cards = [c for c in cards if c.municipality == municipality]
            if consultant is not None:
                cards = [c for c in cards if c.consultant == consultant]
            if text:
                cards = [c for c in cards if text in fold_danish(c.name) or c.cvr.startswith(text)]
            column.model.set_cards(cards)
            shown += len(cards)
        self.count_label.setText(self.tr("Companies: %s") % QLocale().toString(shown))

    # -- moving -------------------------------------------------------------------------------
    def _dropped(self, company_ids: list[str], phase: Phase) -> None:
        # Not inside the drop: the drag's own event loop must end before a dialog opens.
        QTimer.singleShot(0, lambda: self.request_move(company_ids, phase))

    def _stepped(self, company_id: str, step: int) -> None:
        card = self._cards.get(company_id)
        if card is None:
            return
        target = int(card.phase) + step
        if Phase.AFKLARING <= target <= Phase.OPFOELGNING:
            self.request_move([company_id], Phase(target))

    def request_move(self, company_ids: list[str], target: Phase) -> None:
        """Opens the dialog that asks why; the move happens when the user confirms."""
        companies = [(c.company_id, c.name, c.phase) for c in
                     (self._cards.get(i) for i in company_ids) if c is not None]
        if not companies or self.move_dialog is not None:
            return
        mover = self._mover or self.mine.name or ""  # read with the board, on the worker
        self.move_dialog = PhaseMoveDialog(self._store, self._runner, companies, target, mover,
                                           self)
        self.move_dialog.moved.connect(self._moved)
        self.move_dialog.finished.connect(self._dialog_closed)
        self.move_dialog.open()

    def _moved(self, company_ids: list[str], target: Phase) -> None:
        if self.move_dialog is not None:
            self._mover = self.move_dialog.changed_by.text().strip()
        self._select_after_load = company_ids[0] if company_ids else None
        self.changed.emit()
        self.reload()

    def _dialog_closed(self) -> None:
        dialog, self.move_dialog = self.move_dialog, None
        if dialog is not None:
            dialog.deleteLater()

    def _current_changed(self, current, _previous) -> None:
        company_id = current.data(COMPANY_ID_ROLE) if current.isValid() else None
        if company_id:
            self._current_company = company_id

    def selected_company_id(self) -> str | None:
        """The card last selected on the board, while it is still shown."""
        wanted = self._current_company
        shown = wanted and any(c.model.row_of(wanted) >= 0 for c in self.columns.values())
        return wanted if shown else None


def _refill(combo: QComboBox, everything: str, choices: list[tuple[str, str]]) -> None:
    """Replaces a filter's choices and keeps the current one when it is still there."""
    chosen = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(everything, None)
    for text, value in choices:
        combo.addItem(text, value)
    index = combo.findData(chosen) if chosen is not None else 0
    combo.setCurrentIndex(max(index, 0))
    combo.blockSignals(False)
