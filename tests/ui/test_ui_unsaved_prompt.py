"""Gem in the unsaved-changes prompt with invalid fields says what is wrong: the prompt lists
the problems, and Gem leads back to the form, which says why it did not save."""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from .test_ui_company_editor import open_by_keyboard, replace_text


def answer(qtbot, button_text: str, seen: list[str]) -> None:
    """Reads the question box as soon as it shows, then clicks one of its buttons."""
    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click)
            return
        seen.append(box.informativeText())
        button = next(b for b in box.buttons() if b.text() == button_text)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, click)


def test_the_company_prompt_names_the_problem_and_save_says_why_not(window, qtbot):
    editor = open_by_keyboard(window, qtbot, "Herning Plast A/S")
    replace_text(qtbot, editor.form.inputs["email"], "info@")
    seen: list[str] = []
    answer(qtbot, "Gem", seen)
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: bool(seen))
    assert seen[0].startswith("Det kan ikke gemmes, som det er:\n• E-mail: ")
    assert editor.isVisible()
    assert editor.general_error.text() == (
        "Ikke gemt: ret det, der er markeret med rødt, og gem så.")
    assert editor.form.errors["email"].isVisible()
    editor.done(0)


def test_the_visit_prompt_names_the_problem_and_save_says_why_not(window, qtbot, filled_store,
                                                                 runner):
    from lokomotiv_desktop.ui.dialogs.visit_form import VisitForm

    company = filled_store.db.execute("SELECT id FROM company LIMIT 1").fetchone()[0]
    form = VisitForm(filled_store, runner, company)
    form.show()
    try:
        form.date.selectAll()
        qtbot.keyClicks(form.date, "31.2.2026")
        seen: list[str] = []
        answer(qtbot, "Gem", seen)
        qtbot.keyClick(form, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: bool(seen))
        assert "• Dato: " in seen[0]
        assert form.isVisible() and form.errors["date"].isVisible()
        assert form.errors["_general"].text() == (
            "Ikke gemt: ret det, der er markeret med rødt, og gem så.")
    finally:
        form.done(0)
        form.deleteLater()
