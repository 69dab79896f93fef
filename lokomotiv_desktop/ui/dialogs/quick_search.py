"""Ctrl+K: a small popup that finds companies as you type, best match first, each row saying
why it matched ("kontaktperson: Hanne Hansen"); Enter opens the chosen one."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout

from ...store.companies import CompanyRepository
from ...store.quick_search import QuickHit

RESULT_LIMIT = 30
_DEBOUNCE_MS = 100


class QuickSearch(QDialog):
    company_chosen = Signal(str)  # company id

    def __init__(self, repository: CompanyRepository, parent=None):
        super().__init__(parent)
        self.setObjectName("quick_search")
        self.setWindowTitle(self.tr("Find company"))
        self._repository = repository
        self.query = QLineEdit()
        self.query.setPlaceholderText(self.tr("Type a name, CVR, P-number, city or person …"))
        self.results = QListWidget()
        self.empty = QLabel()
        self.empty.setObjectName("quick_search_empty")
        self.empty.setWordWrap(True)
        self.empty.hide()
        self.hint = QLabel(self.tr("↑↓ choose · Enter open · Esc close"))
        self.hint.setStyleSheet("color: palette(mid);")
        layout = QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.hint)
        self.resize(560, 380)
        self._debounce = QTimer(self, singleShot=True, interval=_DEBOUNCE_MS)
        self._debounce.timeout.connect(self._search)
        self.query.textChanged.connect(self._debounce.start)
        self.query.returnPressed.connect(self._choose)
        self.results.itemActivated.connect(self._choose)
        self.query.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Arrow keys move through the results while the cursor stays in the query.
        if watched is self.query and event.type() == QEvent.Type.KeyPress:
            step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1}.get(event.key())
            if step and self.results.count():
                row = min(max(self.results.currentRow() + step, 0), self.results.count() - 1)
                self.results.setCurrentRow(row)
                return True
        return super().eventFilter(watched, event)

    def _search(self) -> None:
        self._debounce.stop()
        self.results.clear()
        text = self.query.text()
        self.empty.hide()
        if not text.strip():
            return
        for hit in self._repository.quick_search(text, limit=RESULT_LIMIT):
            line = "  ·  ".join(x for x in (hit.name, hit.cvr, hit.city) if x)
            why = self.why(hit)
            item = QListWidgetItem(f"{line}    ({why})" if why else line)
            item.setData(Qt.ItemDataRole.UserRole, hit.company_id)
            item.setToolTip(why or hit.name)
            self.results.addItem(item)
        if self.results.count():
            self.results.setCurrentRow(0)
        else:
            self.empty.setText(self.tr("No companies found for «%s»") % text.strip())
            self.empty.show()

    def why(self, hit: QuickHit) -> str:
        """Why a row matched, when the name does not say it."""
        labels = {
            "cvr": self.tr("CVR number"), "pnr": self.tr("P-number %s"),
            "contact": self.tr("contact person: %s"), "city": self.tr("city: %s"),
            "unit": self.tr("P-unit: %s"), "address": self.tr("address: %s"),
            "postcode": self.tr("postcode: %s"),
        }
        label = labels.get(hit.why, "")
        return label % hit.detail if "%s" in label else label

    def _choose(self, *_args) -> None:
        if self._debounce.isActive():
            self._search()  # Enter right after typing: search what they typed first
        item = self.results.currentItem()
        if item is None:
            return
        self.company_chosen.emit(item.data(Qt.ItemDataRole.UserRole))
        self.accept()
