"""How a screening's fields fit together: the tool is one for the subject, the outcome one
of the tool's, the trin within the subject's range (none for FVU-start). Checked on the
whole row by the services before a save and by the server on every push (a merge of two
laptops' edits could combine a subject with another subject's trin)."""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .screening_catalog import parse_outcome, parse_tool, parse_trin
from .validation import ValidationError


def screening_problem(values: Mapping[str, Any]) -> str | None:
    """The Danish reason a complete screening row does not hold together, or None."""
    subject, tool = values.get("subject"), values.get("tool")
    try:
        if parse_tool(str(tool), str(subject)) != tool:
            return f"Værktøjet «{tool}» er ikke skrevet som i kataloget."
        if parse_outcome(str(values.get("outcome")), str(tool)) != values.get("outcome"):
            return f"Udfaldet «{values.get('outcome')}» er ikke skrevet som i kataloget."
        trin = values.get("trin")
        if parse_trin(trin, str(subject)) != trin:
            return f"Trin «{trin}» er ikke gyldigt."
    except ValidationError as exc:
        return exc.message
    return None
