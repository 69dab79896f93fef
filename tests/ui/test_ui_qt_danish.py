"""Qt's own dialogs speak Danish: the non-native file dialog (labels, sidebar, types and
dates), a message box with standard buttons, and a text field's context menu."""
from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QWidget,
)

from lokomotiv_desktop.ui.widgets.file_dialog import MODIFIED_COLUMN, danish_file_dialog

# Words of Qt's English texts in these dialogs (not those Danish shares, as "OK" or "Type").
ENGLISH = re.compile(
    r"\b(Look|Files|Folder|Computer|Drive|Unknown|Shortcut|File|Name|Size|Date|Modified|"
    r"Back|Forward|Parent|Create|New|View|List|Detail|Details|Show|Hide|Save|Open|Cancel|"
    r"Yes|No|All|Apply|Reset|Restore|Defaults|Help|Close|Discard|Abort|Retry|Ignore|Undo|"
    r"Redo|Cut|Copy|Paste|Delete|Select)\b")


def texts_of(top: QWidget) -> list[str]:
    """What a person reads: labels, buttons, tool tips, actions, combo entries, view cells
    and headers."""
    found = []
    for widget in [top, *top.findChildren(QWidget)]:
        if isinstance(widget, QAbstractButton | QLabel):
            found.append(widget.text())
        if isinstance(widget, QComboBox):
            found += [widget.itemText(i) for i in range(widget.count())]
        found.append(widget.toolTip())
        found += [action.text() for action in widget.actions()]
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model, root = widget.model(), widget.rootIndex()
            found += [str(model.headerData(c, Qt.Orientation.Horizontal) or "")
                      for c in range(model.columnCount(root))]
            found += [str(model.index(r, c, root).data() or "")
                      for r in range(model.rowCount(root)) for c in range(model.columnCount(root))]
    return found


def english_in(texts: list[str]) -> list[str]:
    return sorted({text for text in texts if ENGLISH.search(text.replace("&", ""))})


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "Kalendere").mkdir()
    (tmp_path / "møder.ics").write_text("BEGIN:VCALENDAR\n")
    return tmp_path


def test_the_file_dialog_is_danish_with_danish_dates(qtbot, folder):
    dialog = danish_file_dialog(None, "Eksportér kalender", str(folder), "iCalendar (*.ics)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setViewMode(QFileDialog.ViewMode.Detail)
    qtbot.addWidget(dialog)
    dialog.show()
    view = dialog.findChild(QAbstractItemView, "treeView")
    qtbot.waitUntil(lambda: view.model().rowCount(view.rootIndex()) == 2)
    qtbot.waitUntil(lambda: view.model().index(0, 2, view.rootIndex()).data() == "Mappe")
    texts = texts_of(dialog)
    assert "&Kig i:" in texts and "Fil&type:" in texts
    assert "Denne computer" in texts
    assert english_in(texts) == []
    dates = [view.model().index(r, MODIFIED_COLUMN, view.rootIndex()).data() for r in range(2)]
    assert all(re.fullmatch(r"\d{1,2}\.\d{1,2}\.\d{4} kl\. \d\d\.\d\d", d) for d in dates), dates
    dialog.reject()


def test_a_message_box_is_danish(qtbot):
    buttons = QMessageBox.StandardButton
    box = QMessageBox(QMessageBox.Icon.Question, "Lokomotiv", "Gem ændringerne?",
                      buttons.Save | buttons.Discard | buttons.Cancel | buttons.Yes | buttons.No
                      | buttons.Ok | buttons.Close | buttons.Retry | buttons.Ignore | buttons.Help)
    box.setDetailedText("Detaljer")
    qtbot.addWidget(box)
    box.show()
    texts = texts_of(box)
    assert "Annullér" in texts and "Vis detaljer …" in texts
    assert english_in(texts) == []
    box.reject()


def test_a_text_fields_context_menu_is_danish(qtbot):
    field = QLineEdit("Tømrerfirmaet Hansen ApS")
    qtbot.addWidget(field)
    menu = field.createStandardContextMenu()
    texts = [action.text().split("\t")[0] for action in menu.actions()]
    assert "Markér alt" in texts
    assert english_in(texts) == []
    menu.deleteLater()
