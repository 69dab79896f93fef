"""File dialogs that write dates the Danish way.

Qt's own (non-native) file dialog formats "Ændringsdato" with the *system* locale, not the
one the window sets, so on a machine whose locale is C or English it shows "3 12 2026
11:32". A proxy model over its file system model writes the column with danish_format
instead. A native dialog (Windows, macOS, a desktop portal) is left as the platform draws it.
"""
from __future__ import annotations

from PySide6.QtCore import QIdentityProxyModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QFileDialog, QFileSystemModel, QWidget

from ...domain.danish_format import date_time

MODIFIED_COLUMN = 3  # QFileSystemModel: name, size, type, date modified


class DanishDates(QIdentityProxyModel):
    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole):
        source = self.sourceModel()
        if (role == Qt.ItemDataRole.DisplayRole and index.column() == MODIFIED_COLUMN
                and isinstance(source, QFileSystemModel)):
            modified = source.lastModified(self.mapToSource(index))
            if modified.isValid():
                return date_time(modified.toPython())
        return super().data(index, role)


def danish_file_dialog(parent: QWidget | None, caption: str, directory: str,
                       filters: str) -> QFileDialog:
    dialog = QFileDialog(parent, caption, directory, filters)
    dialog.setProxyModel(DanishDates(dialog))
    return dialog


def save_file_name(parent: QWidget | None, caption: str, directory: str, filters: str) -> str:
    """The chosen path, or "" when cancelled (as QFileDialog.getSaveFileName)."""
    dialog = danish_file_dialog(parent, caption, directory, filters)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    if dialog.exec() and dialog.selectedFiles():
        return dialog.selectedFiles()[0]
    return ""


def open_file_name(parent: QWidget | None, caption: str, directory: str, filters: str) -> str:
    dialog = danish_file_dialog(parent, caption, directory, filters)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    if dialog.exec() and dialog.selectedFiles():
        return dialog.selectedFiles()[0]
    return ""
