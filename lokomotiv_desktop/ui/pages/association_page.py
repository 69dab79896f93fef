"""Forening: the association's members (municipalities with a vote, organisations without),
its board, and the grants of a year (grants_panel.py). Reads and writes run on the worker;
refusals are the services' own Danish sentences, shown on the tab's message line."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.danish_format import field_date
from ...store.database import Store
from ..tasks import TaskRunner
from ..widgets.error_label import ErrorLabel
from .association_parts import Work, fill, iso_text, table_widget
from .grants_panel import GrantsPanel


class AssociationPage(QWidget):
    changed = Signal()  # something was written here
    loaded = Signal()  # members and board are shown

    def __init__(self, store: Store, runner: TaskRunner | None, parent=None):
        super().__init__(parent)
        self.setObjectName("association_page")
        self._store = store
        self.members: list[dict] = []
        self.tabs = QTabWidget()
        self.tabs.addTab(self._members_tab(), self.tr("Members"))
        self.tabs.addTab(self._board_tab(), self.tr("Board"))
        self.grants = GrantsPanel(store, runner)
        self.grants.changed.connect(self.changed)
        self.tabs.addTab(self.grants, self.tr("Grants"))
        self._members_work = Work(runner, self.member_error)
        self._board_work = Work(runner, self.board_error)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)

    # -- building -----------------------------------------------------------------------------
    def _members_tab(self) -> QWidget:
        self.member_table = table_widget([self.tr("Name"), self.tr("Kind"),
                                          self.tr("Municipality code"), self.tr("Since"),
                                          self.tr("Until"), self.tr("Vote")])
        self.member_kind = QComboBox()
        self.member_kind.setAccessibleName(self.tr("Kind of member"))
        self.member_kind.addItem(self.tr("Municipality"), "kommune")
        self.member_kind.addItem(self.tr("Organisation"), "organisation")
        self.member_name = QLineEdit()
        self.member_name.setPlaceholderText(self.tr("Municipality code or name, e.g. 615"))
        self.member_since = QLineEdit(field_date(date.today()))
        self.member_since.setMaximumWidth(110)
        self.add_member_button = QPushButton(self.tr("Add member"))
        self.member_until = QLineEdit(field_date(date.today()))
        self.member_until.setMaximumWidth(110)
        self.end_member_button = QPushButton(self.tr("End membership"))
        self.member_error = ErrorLabel()
        self.member_count = QLabel()
        self.member_kind.currentIndexChanged.connect(self._kind_changed)
        self.add_member_button.clicked.connect(self.add_member)
        self.member_name.returnPressed.connect(self.add_member)
        self.end_member_button.clicked.connect(self.end_member)

        add = QHBoxLayout()
        add.addWidget(self.member_kind)
        add.addWidget(self.member_name, 1)
        add.addWidget(QLabel(self.tr("since")))
        add.addWidget(self.member_since)
        add.addWidget(self.add_member_button)
        end = QHBoxLayout()
        end.addWidget(self.member_count, 1)
        end.addWidget(QLabel(self.tr("Selected member ends on")))
        end.addWidget(self.member_until)
        end.addWidget(self.end_member_button)
        tab = QWidget()
        box = QVBoxLayout(tab)
        box.addWidget(self.member_table, 1)
        box.addLayout(end)
        box.addLayout(add)
        box.addWidget(self.member_error)
        return tab

    def _board_tab(self) -> QWidget:
        self.board_table = table_widget([self.tr("Name"), self.tr("Role"), self.tr("Vote"),
                                         self.tr("Elected"), self.tr("Until")])
        self.board_name = QLineEdit()
        self.board_name.setPlaceholderText(self.tr("Name"))
        self.board_role = QComboBox()
        self.board_role.setAccessibleName(self.tr("Role"))
        self.board_role.addItem(self.tr("Chair"), "formand")
        self.board_role.addItem(self.tr("Member"), "medlem")
        self.board_role.setCurrentIndex(1)
        self.board_vote = QCheckBox(self.tr("Vote"))
        self.board_vote.setChecked(True)
        self.add_board_button = QPushButton(self.tr("Add to the board"))
        self.board_error = ErrorLabel()
        self.add_board_button.clicked.connect(self.add_board_member)
        self.board_name.returnPressed.connect(self.add_board_member)
        add = QHBoxLayout()
        add.addWidget(self.board_name, 1)
        add.addWidget(self.board_role)
        add.addWidget(self.board_vote)
        add.addWidget(self.add_board_button)
        tab = QWidget()
        box = QVBoxLayout(tab)
        box.addWidget(self.board_table, 1)
        box.addLayout(add)
        box.addWidget(self.board_error)
        return tab

    def _kind_changed(self) -> None:
        municipality = self.member_kind.currentData() == "kommune"
        self.member_name.setPlaceholderText(
            self.tr("Municipality code or name, e.g. 615") if municipality
            else self.tr("Organisation, e.g. 3F"))

    # -- loading ------------------------------------------------------------------------------
    def reload(self) -> None:
        store = self._store

        def read():
            from ...services import association

            return association.members(store), association.board(store)

        self._members_work.run(read, self._show)
        self.grants.reload()

    def _show(self, result) -> None:
        self.members, board = result
        yes, no = self.tr("Yes"), self.tr("No")
        kinds = {"kommune": self.tr("Municipality"), "organisation": self.tr("Organisation")}
        fill(self.member_table, [[m["name"], kinds.get(m["kind"], m["kind"]),
                                  m["municipality_code"] or "", iso_text(m["since"]),
                                  iso_text(m["until"]), yes if m["vote"] else no]
                                 for m in self.members])
        active = sum(1 for m in self.members if m["active"])
        voting = sum(1 for m in self.members if m["active"] and m["vote"])
        self.member_count.setText(self.tr("%1 members today, %2 with a vote")
                                  .replace("%1", str(active)).replace("%2", str(voting)))
        roles = {"formand": self.tr("Chair"), "medlem": self.tr("Member")}
        fill(self.board_table, [[b["name"], roles.get(b["role"], b["role"]),
                                 yes if b["vote"] else no, iso_text(b["since"]),
                                 iso_text(b["until"])] for b in board])
        self.loaded.emit()

    def member_rows(self) -> list[list[str]]:
        return [[self.member_table.item(r, c).text() for c in range(
            self.member_table.columnCount())] for r in range(self.member_table.rowCount())]

    # -- writing ------------------------------------------------------------------------------
    def _written(self, _result=None) -> None:
        self.reload()
        self.changed.emit()

    def add_member(self) -> None:
        store, kind = self._store, self.member_kind.currentData()
        name, since = self.member_name.text(), self.member_since.text()

        def write():
            from ...services import association

            if kind == "kommune":
                return association.add_municipality_member(store, name, since)
            return association.add_organisation_member(store, name, since)

        def done(result) -> None:
            self.member_name.clear()
            self._written(result)

        self._members_work.run(write, done)

    def end_member(self) -> None:
        row = self.member_table.currentRow()
        if not 0 <= row < len(self.members):
            self.member_error.show_message(self.tr("Choose the member whose membership ends."))
            return
        member, store, until = self.members[row], self._store, self.member_until.text()

        def write():
            from ...services import association

            if member["kind"] == "kommune":
                return association.end_membership(
                    store, until=until, municipality=member["municipality_code"])
            return association.end_membership(store, until=until,
                                              organisation=member["name"])

        self._members_work.run(write, self._written)

    def add_board_member(self) -> None:
        store, name = self._store, self.board_name.text()
        role, vote = self.board_role.currentData(), self.board_vote.isChecked()

        def write():
            from ...services import association

            return association.add_board_member(store, name, role, vote=vote)

        def done(result) -> None:
            self.board_name.clear()
            self._written(result)

        self._board_work.run(write, done)
