"""Companies the window tests work with (made directly in the store, not by the demo
generator, so a change there cannot break these tests)."""
from __future__ import annotations

# name, city, municipality code, phase, consultant, reklamebeskyttet
COMPANIES = [
    ("Tømrerfirmaet Hansen ApS", "Vejle", "630", 1, "Anne Holm", False),
    ("Tømrer & Snedker Jensen", "Horsens", "615", 2, "Bo Jensen", False),
    ("Vejle Maskinfabrik A/S", "Vejle", "630", 3, "Anne Holm", True),
    ("Herning Plast A/S", "Herning", "657", 2, "Karin Lund", False),
    ("Århus Bageri I/S", "Aarhus", "751", 4, "Bo Jensen", False),
    ("Fiskeindustrien Nord", "Hjørring", "860", 5, "", False),
    ("Brdr. Smed Horsens", "Horsens", "615", 1, "Karin Lund", False),
    ("Rengøringshuset Syd", "Vejle", "630", 2, "Anne Holm", False),
]


def valid_cvr(seed: int) -> str:
    """A CVR number with a correct modulus-11 check digit."""
    weights = (2, 7, 6, 5, 4, 3, 2)
    base = 3100000 + seed * 7
    while True:
        digits = [int(d) for d in str(base)]
        remainder = sum(w * d for w, d in zip(weights, digits, strict=True)) % 11
        check = (11 - remainder) % 11
        if check < 10:
            return f"{base}{check}"
        base += 1
