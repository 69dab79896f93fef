"""Every string of the window has a finished Danish translation, and the committed .qm
is what the .ts compiles to."""
from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET

import pytest

from lokomotiv_desktop.ui import translations_tool as tool


def translated_texts(translation: ET.Element) -> list[str]:
    """The translation, or each plural form of a %n message."""
    forms = translation.findall("numerusform")
    return [form.text or "" for form in forms] if forms else [translation.text or ""]


def messages(ts_path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts_path).getroot()
    return {(context.findtext("name"), message.findtext("source")): message.find("translation")
            for context in root.iter("context") for message in context.iter("message")}


@pytest.fixture(scope="module")
def source_strings(tmp_path_factory):
    """The tr() strings in ui/ now, extracted with lupdate into a fresh file."""
    fresh = tmp_path_factory.mktemp("lupdate") / "fresh.ts"
    tool.lupdate(fresh)
    return set(messages(fresh))


def test_tr_strings_were_found(source_strings):
    assert ("MainWindow", "Companies") in source_strings
    assert len(source_strings) > 50


def test_every_string_has_a_finished_danish_translation(source_strings):
    committed = messages(tool.ts_file())
    missing = sorted(source_strings - set(committed))
    assert not missing, f"not in {tool.ts_file().name}; run the translations tool: {missing}"
    unfinished = sorted(
        key for key in source_strings
        if committed[key].get("type") in ("unfinished", "vanished", "obsolete")
        or not all(text.strip() for text in translated_texts(committed[key])))
    assert not unfinished, f"Danish translation missing or unfinished: {unfinished}"


def test_no_stale_strings_in_the_ts(source_strings):
    stale = sorted(set(messages(tool.ts_file())) - source_strings)
    assert not stale, f"strings no longer in the code; run the translations tool: {stale}"


def test_committed_qm_matches_the_ts(tmp_path):
    compiled = tmp_path / "check.qm"
    tool.lrelease(tool.ts_file(), compiled)
    assert tool.qm_file().read_bytes() == compiled.read_bytes(), (
        "lokomotiv_da.qm is out of date: python -m lokomotiv_desktop.ui.translations_tool")


def test_placeholders_survive_translation():
    for (context, source), translation in messages(tool.ts_file()).items():
        for text in filter(str.strip, translated_texts(translation)):  # unfinished: above
            for marker in ("%s", "%1", "%2", "%3", "%4"):
                assert source.count(marker) == text.count(marker), (context, source, text)


def test_the_tool_finds_lupdate():
    assert shutil.which(tool.qt_tool("lupdate"))


def test_committed_qt_extra_qm_matches_its_ts(tmp_path):
    compiled = tmp_path / "qt_extra.qm"
    tool.lrelease(tool.qt_extra_ts(), compiled)
    assert tool.qt_extra_qm().read_bytes() == compiled.read_bytes(), (
        "qt_extra_da.qm is out of date: python -m lokomotiv_desktop.ui.translations_tool")
