"""Foreslåede hold: pick a municipality (all its companies with screenings together) or one
of its companies, and see the suggested classes (subject, trin, size, teams) and who could
not be placed, with the Danish reason."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.class_suggestions import Suggestion
from ...domain.screening_catalog import catalog
from ...services import screenings
from ...store import participant_queries as queries
from ...store.companies import CompanyRepository
from ...store.database import Store


class ClassSuggestionsView(QWidget):
    plan_requested = Signal(object)  # the chosen SuggestedClass: plan it as a course

    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self._store = store
        self._repository = CompanyRepository(store)
        self.municipality = QComboBox()
        self.municipality.setAccessibleName(self.tr("Municipality"))
        self.company = QComboBox()
        self.company.setAccessibleName(self.tr("Company"))
        self.show_button = QPushButton(self.tr("Suggest classes"))
        self.plan_button = QPushButton(self.tr("Plan course …"))
        self.plan_button.setEnabled(False)
        self.summary = QLabel()
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Class / participant"), self.tr("Level"),
                                   self.tr("Size"), self.tr("Teams / reason")])
        self.tree.setColumnWidth(0, 300)
        self.tree.setColumnWidth(1, 60)
        self.tree.setColumnWidth(2, 60)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Municipality:")))
        row.addWidget(self.municipality, 1)
        row.addWidget(QLabel(self.tr("Company:")))
        row.addWidget(self.company, 1)
        row.addWidget(self.show_button)
        row.addWidget(self.plan_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        for m in self._repository.municipalities():
            self.municipality.addItem(m.name, m.code)
        self.municipality.currentIndexChanged.connect(self._fill_companies)
        self.show_button.clicked.connect(self.suggest)
        self.tree.currentItemChanged.connect(
            lambda item, _old: self.plan_button.setEnabled(self.chosen_class() is not None))
        self.plan_button.clicked.connect(self._plan)
        self._fill_companies()

    def _fill_companies(self) -> None:
        self.company.clear()
        code = self.municipality.currentData()
        self.company.addItem(self.tr("All companies in the municipality"), None)
        if not code:
            return
        for company_id in screenings.companies_near(self._store, code):
            company = self._repository.get(company_id)
            if company is not None:
                self.company.addItem(company.name, company_id)

    def choose(self, municipality_code: str, company_id: str | None = None) -> None:
        self.municipality.setCurrentIndex(max(0, self.municipality.findData(municipality_code)))
        self._fill_companies()
        if company_id:
            self.company.setCurrentIndex(max(0, self.company.findData(company_id)))

    def company_ids(self) -> list[str]:
        chosen = self.company.currentData()
        if chosen:
            return [chosen]
        code = self.municipality.currentData()
        return screenings.companies_near(self._store, code) if code else []

    def suggest(self) -> Suggestion:
        ids = self.company_ids()
        result = screenings.suggest_for(self._store, ids)
        self.display(result)
        return result

    def display(self, result: Suggestion) -> None:
        self.result = result
        names = {pid: row.name for pid, row in queries.rows_for(
            self._store, sorted({p for c in result.classes for p in c.participant_ids}
                                | {u.participant_id for u in result.unplaced})).items()}
        data = catalog()
        self.tree.clear()
        for n, suggested in enumerate(result.classes, start=1):
            label = self.tr("Class %s: %s") % (n, data.subject_label(suggested.subject))
            if suggested.obu:
                label += " (OBU)"
            teams = ", ".join(t for t in suggested.teams if t)
            item = QTreeWidgetItem([label, "" if suggested.trin is None else str(suggested.trin),
                                    str(len(suggested.participant_ids)),
                                    "; ".join(x for x in (teams, suggested.note) if x)])
            item.setData(0, Qt.ItemDataRole.UserRole, n - 1)
            for pid in suggested.participant_ids:
                item.addChild(QTreeWidgetItem([names.get(pid, pid)]))
            self.tree.addTopLevelItem(item)
        if result.unplaced:
            unplaced = QTreeWidgetItem([self.tr("Not placed"), "", str(len(result.unplaced))])
            for u in result.unplaced:
                unplaced.addChild(QTreeWidgetItem([
                    f"{names.get(u.participant_id, u.participant_id)} "
                    f"({data.subject_label(u.subject)})",
                    "" if u.trin is None else str(u.trin), "", u.reason]))
            self.tree.addTopLevelItem(unplaced)
        if len(names) <= 200:  # a few classes: show who is in them at once
            self.tree.expandAll()
        self.summary.setText(self.tr("%s suggested classes, %s not placed")
                             % (len(result.classes), len(result.unplaced)))

    def chosen_class(self):
        """The suggested class whose line (or one of whose people) is selected."""
        item = self.tree.currentItem()
        if item is not None and item.parent() is not None:
            item = item.parent()
        index = item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None
        result = getattr(self, "result", None)
        return result.classes[index] if result is not None and index is not None else None

    def _plan(self) -> None:
        chosen = self.chosen_class()
        if chosen is not None:
            self.plan_requested.emit(chosen)
