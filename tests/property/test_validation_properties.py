"""Validators against generated input: every valid CVR passes, every one-digit typo fails."""
from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from lokomotiv_desktop.domain.validation import (
    ValidationError,
    validate_cvr,
    validate_phone,
    validate_pnr,
)

WEIGHTS = (2, 7, 6, 5, 4, 3, 2, 1)


def checksum_ok(cvr: str) -> bool:
    return sum(w * int(d) for w, d in zip(WEIGHTS, cvr, strict=True)) % 11 == 0


@st.composite
def valid_cvrs(draw):
    head = draw(st.integers(1_000_000, 9_999_999))
    check = -sum(w * int(d) for w, d in zip(WEIGHTS, str(head), strict=False)) % 11
    assume(check < 10)  # no check digit exists for this head
    return f"{head}{check}"


@given(valid_cvrs())
def test_every_modulus_11_cvr_is_accepted(cvr):
    assert validate_cvr(cvr) == cvr


@given(valid_cvrs(), st.integers(0, 7), st.integers(1, 9))
def test_a_single_wrong_digit_is_always_caught(cvr, position, delta):
    digits = list(cvr)
    digits[position] = str((int(digits[position]) + delta) % 10)
    typo = "".join(digits)
    assume(typo[0] != "0")
    assert not checksum_ok(typo)  # modulus 11 catches every single-digit error
    with pytest.raises(ValidationError, match="kontrolcifferet"):
        validate_cvr(typo)


@given(st.text(max_size=12))
def test_cvr_validator_never_crashes_and_answers_in_danish(text):
    try:
        result = validate_cvr(text)
    except ValidationError as error:
        assert error.field == "cvr" and "CVR-nummer" in error.message
    else:
        assert len(result) == 8 and checksum_ok(result)


@given(st.from_regex(r"\A[0-9]{10}\Z"))
def test_every_ten_digit_pnr_is_accepted(pnr):
    assert validate_pnr(pnr) == pnr


@given(st.from_regex(r"\A[2-9][0-9]{7}\Z"), st.sampled_from(["", "+45", "+45 ", "0045", "0045 "]))
def test_phone_prefixes_all_normalise_alike(national, prefix):
    spaced = " ".join(national[i:i + 2] for i in range(0, 8, 2))
    assert validate_phone(prefix + national) == validate_phone(spaced) == "+45" + national


@given(st.text(max_size=16))
def test_phone_validator_never_crashes(text):
    try:
        result = validate_phone(text)
    except ValidationError as error:
        assert error.field == "phone"
    else:
        assert result.startswith("+45") and len(result) == 11
