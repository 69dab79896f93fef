"""Small questions the window asks: save unsaved changes? delete? whose value to keep?"""
from __future__ import annotations

from datetime import date, time
from enum import Enum
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


class Choice(Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


def ask_save_changes(parent: QWidget, subject: str, problems: list[str] | None = None) -> Choice:
    """Gem / Kassér / Annullér. Escape (or closing the box) is Annullér: nothing is lost.

    ``problems``: what stops the save ("Field: message"); the box says them before the
    choice, and Gem then leads back to the fields (the caller shows them there)."""
    box = QMessageBox(parent)
    box.setObjectName("unsaved_changes")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("Prompts", "Unsaved changes"))
    box.setText(QCoreApplication.translate("Prompts", "Save the changes to %s?") % subject)
    box.setInformativeText(QCoreApplication.translate(
        "Prompts", "If you discard them, what you typed is lost."))
    if problems:
        box.setInformativeText("\n".join([
            QCoreApplication.translate("Prompts", "It cannot be saved as it is:"),
            *(f"• {problem}" for problem in problems),
            QCoreApplication.translate(
                "Prompts", "Save takes you back to correct it; Discard throws the changes "
                "away.")]))
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


class Keep(Enum):
    MINE = "mine"
    THEIRS = "theirs"
    CANCEL = "cancel"  # neither yet: the form stays open with what was typed


def shown_value(value: Any) -> str:
    """A stored value as a person reads it in the question below."""
    if value is None or value == "" or value == []:
        return QCoreApplication.translate("Prompts", "(empty)")
    if isinstance(value, bool):
        return (QCoreApplication.translate("Prompts", "Yes") if value
                else QCoreApplication.translate("Prompts", "No"))
    if isinstance(value, date):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, float):
        return f"{value:g}".replace(".", ",")
    if isinstance(value, Enum):
        return str(getattr(value, "label", None) or value.value)
    if isinstance(value, (list, tuple)):
        return ", ".join(shown_value(v) for v in value)
    return str(value)


def ask_keep_mine(parent: QWidget, label: str, theirs: str, mine: str) -> Keep:
    """A field the person changed was changed by someone else meanwhile (another tab, a
    sync): the save never silently wins, the person chooses. Escape keeps editing."""
    box = QMessageBox(parent)
    box.setObjectName("changed_underneath")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("Prompts", "Changed by someone else"))
    box.setText(QCoreApplication.translate(
        "Prompts", "The field «%s» was changed by someone else while you were editing.") % label)
    box.setInformativeText(QCoreApplication.translate(
        "Prompts", "Their value: %s\nYour value: %s") % (theirs, mine))
    role = QMessageBox.ButtonRole
    keep_mine = box.addButton(QCoreApplication.translate("Prompts", "Keep mine"),
                              role.AcceptRole)
    keep_theirs = box.addButton(QCoreApplication.translate("Prompts", "Keep theirs"),
                                role.DestructiveRole)
    cancel = box.addButton(QCoreApplication.translate("Prompts", "Cancel"), role.RejectRole)
    box.setDefaultButton(keep_mine)
    box.setEscapeButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    box.deleteLater()
    if clicked is keep_mine:
        return Keep.MINE
    if clicked is keep_theirs:
        return Keep.THEIRS
    return Keep.CANCEL
