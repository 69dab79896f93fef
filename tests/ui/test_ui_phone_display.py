"""Phone numbers in the company's contact table read as Danes write them, and are edited
and stored as before."""
from __future__ import annotations

from PySide6.QtCore import Qt

from .test_ui_company_editor import open_by_keyboard


def test_contact_phone_is_shown_in_pairs_and_edited_as_stored(window, qtbot):
    editor = open_by_keyboard(window, qtbot, "Tømrerfirmaet Hansen ApS")
    editor.tabs.setCurrentIndex(2)
    model = editor.contacts
    column = next(c for c in range(model.columnCount())
                  if model.headerData(c, Qt.Orientation.Horizontal) == "Telefon")
    cell = model.index(0, column)
    assert cell.data(Qt.ItemDataRole.DisplayRole) == "75 12 34 56"
    assert cell.data(Qt.ItemDataRole.EditRole) in ("75123456", "+4575123456")
    model.setData(cell, "+4553555569")
    assert cell.data(Qt.ItemDataRole.DisplayRole) == "53 55 55 69"
    assert cell.data(Qt.ItemDataRole.EditRole) == "+4553555569"
    model.setData(cell, "5355")  # invalid: shown as typed, beside its error
    assert cell.data(Qt.ItemDataRole.DisplayRole) == "5355"
    editor.done(0)
