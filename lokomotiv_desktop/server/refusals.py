"""Why the server refuses a pushed change: the reason codes (sync/messages.py lists them
for clients) and their Danish messages, which land in the sender's inbox."""
from __future__ import annotations

from typing import Any

MESSAGES = {
    "erased": "Rækken er slettet efter GDPR og kan ikke ændres igen.",
    "forbidden": "Din rolle må ikke ændre den slags data ({table}).",
    "scope": "Rækken hører til en kommune, du ikke har adgang til.",
    "no_scope": "Rækken har ingen kommune; angiv en kommune, før den kan synkroniseres.",
    "orphan": "Den overordnede række findes ikke på serveren.",
    "unknown_table": "Serveren kender ikke tabellen {table}; opdater serveren.",
    "unknown_field": "Serveren kender ikke felterne {fields} i {table}.",
    "invalid_clock": "Ændringen har et ugyldigt tidsstempel.",
    "identity": "{key} kan ikke ændres: det er rækkens identitet. Opret den med det rigtige "
                "nummer i stedet.",
    "invalid_value": "Ændringen er ikke gemt, fordi en værdi ikke er gyldig: {problem}",
    "incomplete": "Rækken findes ikke på serveren endnu, og ændringen har ikke {fields}; "
                  "Lokomotiv sender hele rækken.",
    "restricted": "Kun virksomhedens konsulent og koordinatorerne kan registrere og se "
                  "resultatet af ordblindetesten; det er fjernet fra din computer.",
    "no_consent": "Ændringen er ikke gemt: deltageren har ikke et gyldigt samtykke til "
                  "{purpose} på serveren (givet senest på dagen og ikke trukket tilbage). "
                  "Registrér samtykket, og synkronisér igen.",
    "invalid_screening": "Screeningen er ikke gemt: {problem}",
    "clock_ahead": "Ændringen er stemplet mere end {minutes} minutter ud i fremtiden. Tjek "
                   "computerens ur og dato.",
}
KEY_NAMES = {"cvr": "CVR-nummeret", "pnr": "P-nummeret"}


class Rejected(Exception):
    def __init__(self, reason: str, message_key: str | None = None, evict: bool = False,
                 **fmt: Any):
        self.reason, self.evict = reason, evict
        self.message = MESSAGES[message_key or reason].format(**fmt)
