"""Text folding so that Danish spellings match each other in search."""
from __future__ import annotations

import unicodedata

# "Århus" and "Aarhus" must find each other, so å folds to its old spelling "aa";
# æ and ø likewise to "ae" and "oe" (the spellings used where the letters are missing).
_DANISH = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "ä": "ae", "ö": "oe", "ü": "ue"})


def fold_danish(text: str) -> str:
    """Lower-case, fold æ/ø/å to ae/oe/aa and strip other accents (é -> e)."""
    lowered = text.casefold().translate(_DANISH)
    if lowered.isascii():
        return lowered  # the common case, and the search index folds every document
    decomposed = unicodedata.normalize("NFKD", lowered)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def split_name(name: str) -> tuple[str, str]:
    """"Anne Marie Holm" -> ("Anne Marie", "Holm"); one word is a first name."""
    words = (name or "").split()
    if len(words) < 2:
        return (words[0] if words else "?"), ""
    return " ".join(words[:-1]), words[-1]
