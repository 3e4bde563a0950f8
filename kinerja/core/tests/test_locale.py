"""Bahasa Indonesia first, English switchable: the English catalogue translates every string."""

from pathlib import Path

from django.conf import settings

PO = Path(settings.BASE_DIR) / "locale" / "en" / "LC_MESSAGES" / "django.po"


def _entries(text: str):
    """(msgid, [msgstr...]) pairs of a .po file, header excluded."""
    entries, msgid, msgstrs, current = [], None, [], None
    for line in [*text.splitlines(), ""]:
        if line.startswith("msgid "):
            if msgid:
                entries.append((msgid, msgstrs))
            msgid, msgstrs, current = line[7:-1], [], "id"
        elif line.startswith("msgid_plural"):
            current = "plural"
        elif line.startswith("msgstr"):
            msgstrs.append(line.split(" ", 1)[1][1:-1])
            current = "str"
        elif line.startswith('"'):
            if current == "id":
                msgid += line[1:-1]
            elif current == "str":
                msgstrs[-1] += line[1:-1]
    if msgid:
        entries.append((msgid, msgstrs))
    return entries


def test_every_string_has_an_english_translation():
    entries = _entries(PO.read_text(encoding="utf-8"))
    assert len(entries) > 300
    missing = [msgid for msgid, msgstrs in entries if not all(msgstrs)]
    assert missing == []


def test_no_fuzzy_guess_left():
    """gettext's fuzzy matches are guesses from similar strings; each must be checked by a person."""
    lines = PO.read_text(encoding="utf-8").split("\n\n")[1:]  # the header entry is fuzzy by convention
    assert not [block for block in lines if "#, fuzzy" in block or "#| msgid" in block]


def test_compiled_catalogue_is_committed():
    assert PO.with_suffix(".mo").stat().st_size > 0
