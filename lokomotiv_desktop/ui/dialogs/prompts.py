"""Small questions the window asks: save unsaved changes?"""
from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


class Choice(Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


def ask_save_changes(parent: QWidget, subject: str) -> Choice:
    """Gem / Kassér / Annullér. Escape (or closing the box) is Annullér: nothing is lost."""
    box = QMessageBox(parent)
    box.setObjectName("unsaved_changes")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("Prompts", "Unsaved changes"))
    box.setText(QCoreApplication.translate("Prompts", "Save the changes to %s?") % subject)
    box.setInformativeText(QCoreApplication.translate(
        "Prompts", "If you discard them, what you typed is lost."))
    role = QMessageBox.ButtonRole
    save = box.addButton(QCoreApplication.translate("Prompts", "Save"), role.AcceptRole)
    discard = box.addButton(QCoreApplication.translate("Prompts", "Discard"), role.DestructiveRole)
    cancel = box.addButton(QCoreApplication.translate("Prompts", "Cancel"), role.RejectRole)
    box.setDefaultButton(save)
    box.setEscapeButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    box.deleteLater()
    if clicked is save:
        return Choice.SAVE
    if clicked is discard:
        return Choice.DISCARD
    return Choice.CANCEL


def confirm_delete(parent: QWidget, question: str) -> bool:
    """Slet / Annullér, with Annullér the default: a stray Enter deletes nothing."""
    box = QMessageBox(parent)
    box.setObjectName("confirm_delete")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("Prompts", "Delete"))
    box.setText(question)
    box.setInformativeText(QCoreApplication.translate(
        "Prompts", "It is deleted on the other computers too at the next synchronisation."))
    role = QMessageBox.ButtonRole
    delete = box.addButton(QCoreApplication.translate("Prompts", "Delete"), role.DestructiveRole)
    cancel = box.addButton(QCoreApplication.translate("Prompts", "Cancel"), role.RejectRole)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    confirmed = box.clickedButton() is delete
    box.deleteLater()
    return confirmed
