"""Numbers as time expressions write them: Arabic, Chinese and English words.

``chinese_number("十二") == 12``, ``digit_sequence("二零二五") == 2025``,
``quantity("三五")`` is ``None`` (a vague "three or five"), ``english_number
("twenty-five") == 25``. Nothing here guesses: what is not a clear number
is ``None``.
"""

from __future__ import annotations

__all__ = [
    "CHINESE_DIGITS",
    "VAGUE_MARKS",
    "chinese_number",
    "digit_sequence",
    "english_number",
    "is_vague",
    "quantity",
]

#: Chinese digits and their values (``〇`` is folded to ``零`` before matching).
CHINESE_DIGITS: dict[str, int] = {
    "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4,
    "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}
_UNITS = {"十": 10, "百": 100, "千": 1000}
#: Characters that make a number vague: 几年, 数月, 若干, 好几.
VAGUE_MARKS = frozenset("几数若干好")
#: Neighbouring digits written together mean "one or the other": 两三年, 三五年.
_VAGUE_PAIRS = frozenset(
    ["一两", "一二", "两三", "二三", "三四", "三五", "四五", "五六", "六七", "七八", "八九"]
)

_EN_ONES = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "a": 1, "an": 1, "single": 1,
}
_EN_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}


def digit_sequence(text: str) -> int | None:
    """``二零二五`` → 2025: Chinese digits read one by one (no 十/百/千)."""
    if not text:
        return None
    value = 0
    for ch in text:
        digit = CHINESE_DIGITS.get(ch)
        if digit is None or ch in "两兩":
            return None
        value = value * 10 + digit
    return value


def chinese_number(text: str) -> int | None:
    """``十二`` → 12, ``两`` → 2, ``一百零五`` → 105, ``二十`` → 20.

    A run of bare digits longer than one (``二零``, ``三五``) is not a
    number here (see :func:`digit_sequence` and :func:`is_vague`).
    """
    if not text:
        return None
    if len(text) > 1 and not any(ch in _UNITS for ch in text):
        return None
    total = 0
    pending: int | None = None
    last_unit = 10_000
    for ch in text:
        if ch in CHINESE_DIGITS:
            if pending is not None and pending != 0 and CHINESE_DIGITS[ch] != 0:
                return None  # two digits in a row: 二三十
            pending = CHINESE_DIGITS[ch]
        elif ch in _UNITS:
            unit = _UNITS[ch]
            if unit >= last_unit:
                return None
            total += (1 if pending is None else pending) * unit
            pending = None
            last_unit = unit
        else:
            return None
    return total + (pending or 0)


def is_vague(text: str) -> bool:
    """Whether a written number is deliberately imprecise (几, 数, 三五, 十几, 一两)."""
    if any(ch in VAGUE_MARKS for ch in text):
        return True
    return any(text[i : i + 2] in _VAGUE_PAIRS for i in range(len(text) - 1))


def english_number(text: str) -> int | None:
    """``three`` → 3, ``twenty-five`` / ``twenty five`` → 25, ``a`` → 1."""
    words = text.lower().replace("-", " ").split()
    if not words or len(words) > 2:
        return None
    if len(words) == 1:
        word = words[0]
        return _EN_ONES.get(word, _EN_TENS.get(word))
    tens, ones = words
    if tens in _EN_TENS and ones in _EN_ONES and 0 < _EN_ONES[ones] < 10:
        return _EN_TENS[tens] + _EN_ONES[ones]
    return None


def quantity(text: str) -> float | None:
    """How many of a unit a written number says: ``3``, ``1.5``, ``十二``, ``两``, ``半``.

    ``None`` when the number is vague (``几``, ``三五``) or not a number.
    """
    text = text.strip()
    if not text:
        return None
    if text == "半":
        return 0.5
    if text[0].isdigit():
        try:
            number = float(text)
        except ValueError:
            return None
        return number
    if is_vague(text):
        return None
    value = chinese_number(text)
    if value is not None:
        return float(value)
    return None
