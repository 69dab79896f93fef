"""No screening data without consent, enforced on the shared store: a pushed screening,
referral or dyslexia result whose participant has no valid consent for screening here, or
an enrolment or attendance without one for course planning (tables.NEEDS_CONSENT), is
refused, and lands in the sender's inbox with the reason."""
from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from ..domain.consent import has_valid_consent
from ..domain.screening_rules import screening_problem
from ..sync.tables import NEEDS_CONSENT, SyncedTable, participant_link
from .refusals import Rejected
from .storage import RowState, load_children

if TYPE_CHECKING:
    from .push import _Batch

_PURPOSE_TEXT = {"screening": "screening", "course": "kursusplanlægning"}


def check_person_rules(batch: _Batch, spec: SyncedTable, values: dict[str, Any],
                       won: dict[str, Any]) -> None:
    """Raises Rejected for screening data the participant has not consented to, or a
    screening whose fields do not fit together (a trin outside the subject's range)."""
    purpose = NEEDS_CONSENT.get(spec.name)
    if purpose is None or (won.get("deleted") == 1 and set(won) == {"deleted"}):
        return  # deleting screening data never needs consent
    if spec.name == "screening":
        problem = screening_problem(values)
        if problem:
            raise Rejected("invalid_value", "invalid_screening", problem=problem)
    participant = _participant(batch, spec, values)
    if participant is None:
        return  # the scope check refuses it as an orphan
    try:
        on = date.fromisoformat(str(values.get("date")))
    except ValueError:
        return  # the row rules refuse the date
    if not has_valid_consent(_consents(batch, participant.id), purpose, on):
        raise Rejected("no_consent", purpose=_PURPOSE_TEXT.get(purpose, purpose))


def _participant(batch: _Batch, spec: SyncedTable, values: dict[str, Any]) -> RowState | None:
    node_values = values
    state: RowState | None = None
    for fk, table in participant_link(spec.name):
        parent_id = node_values.get(fk)
        if not isinstance(parent_id, str):
            return None
        state = batch.row((table, parent_id))
        if state is None:
            return None
        node_values = state.values
    return state


def _consents(batch: _Batch, participant_id: str) -> list[dict[str, Any]]:
    """The participant's consents as they stand in this batch (stored, then newer)."""
    stored = batch.consents_stored.get(participant_id)
    if stored is None:
        stored = batch.consents_stored[participant_id] = {
            c.key: c for c in load_children(batch.db, [participant_id]) if c.table == "consent"}
    keys = set(stored) | batch.consents_written.get(participant_id, set())
    return [(batch.rows.get(k) or stored[k]).values for k in keys]
