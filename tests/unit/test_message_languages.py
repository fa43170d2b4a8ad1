"""Message languages and a program's points-reminder settings, the pure parts
(core/domain/messages.py): which template a person's language picks, tag shapes, the settings'
JSON round trip and its bounds."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.domain.errors import DomainError
from core.domain.messages import (CHANNEL_EMAIL, CHANNEL_SMS, PointsReminder, PointsReminders, PointsTemplate,
                                  language_choice, language_valid, validate_points_reminders)


@pytest.mark.parametrize(("available", "wanted", "default", "chosen"), [
    (["de", "en"], "en", "", 1),
    (["de", "en"], "EN", "", 1),              # Tags compare case-insensitively.
    (["de", "en-GB"], "en-US", "", 1),        # Primary language.
    (["de-AT", "en"], "de", "", 0),           # ... either way.
    (["de-AT", "de"], "de-CH", "", 0),        # The first with the primary language.
    (["de-AT", "de"], "de", "", 1),           # An exact match wins over a primary one.
    (["de", "en"], "fr", "en", 1),            # The default.
    (["de", "en-GB"], "fr", "en", 1),         # The default by its primary language.
    (["de", "en"], "fr", "", 0),              # No default: the first.
    (["de", "en"], "", "en", 1),              # Unknown language: the default.
    ([], "de", "de", None),
])
def test_language_choice(available, wanted, default, chosen):
    assert language_choice(available, wanted, default) == chosen


@given(st.lists(st.sampled_from(["de", "en", "fr", "de-CH", "en-GB", "pt-BR"]), min_size=1, unique=True),
       st.sampled_from(["", "de", "en", "it", "de-AT", "EN-gb", "pt"]))
def test_a_choice_is_always_one_of_the_available_and_exact_when_there_is_one(available, wanted):
    chosen = language_choice(available, wanted)
    assert chosen is not None and 0 <= chosen < len(available)
    if wanted.lower() in [a.lower() for a in available]:
        assert available[chosen].lower() == wanted.lower()


@pytest.mark.parametrize(("tag", "valid"), [
    ("de", True), ("de-CH", True), ("zh-Hant-TW", True), ("en-GB", True), ("gsw", True),
    ("d", False), ("de_CH", False), ("1de", False), ("de-", False), ("de--CH", False), ("", False),
    ("de-CH-123456789", False), ("x" * 36, False), ("dé", False),
])
def test_language_tags(tag, valid):
    assert language_valid(tag) is valid


def settings(**fields) -> PointsReminders:
    values = {"reminders": (PointsReminder(3, CHANNEL_SMS, "09:30"), PointsReminder(1, CHANNEL_EMAIL, "18:00")),
              "templates": (PointsTemplate("de", "{{ points }} Punkte"), PointsTemplate("en", "{{ points }} points",
                                                                                       "Soon", True)),
              "default_language_code": "en", **fields}
    return PointsReminders(**values)


def test_points_reminders_round_trip_through_json_and_pick_their_template():
    sent = settings()
    assert PointsReminders.from_json(sent.to_json()) == sent
    assert PointsReminders.from_json(None) is None
    assert sent.template("de-CH").language_code == "de"
    assert sent.template("fr").language_code == "en"
    assert sent.reminders[0].key == "3d@09:30/SMS"
    validate_points_reminders(sent)
    validate_points_reminders(None)


@pytest.mark.parametrize(("fields", "reason", "field"), [
    ({"default_language_code": "fr"}, "FIELD_INVALID", "program.points_reminders.default_language_code"),
    ({"templates": ()}, "FIELD_REQUIRED", "program.points_reminders.templates (a template for the reminders)"),
    ({"templates": (PointsTemplate("de", "x"), PointsTemplate("DE", "y"))}, "FIELD_INVALID",
     "program.points_reminders.templates[1].language_code"),
    ({"templates": (PointsTemplate("de", " "),)}, "FIELD_REQUIRED", "program.points_reminders.templates[0].text"),
    ({"templates": (PointsTemplate("de", "✓"),)}, "FIELD_INVALID", "program.points_reminders.templates[0].text"),
    ({"reminders": (PointsReminder(366, CHANNEL_SMS, "09:30"),)}, "FIELD_OUT_OF_RANGE",
     "program.points_reminders.reminders[0].days_before_expiry"),
    ({"reminders": (PointsReminder(3, "NONE", "09:30"),)}, "FIELD_INVALID",
     "program.points_reminders.reminders[0].channel"),
    ({"reminders": (PointsReminder(3, CHANNEL_SMS, "24:00"),)}, "FIELD_INVALID",
     "program.points_reminders.reminders[0].local_time"),
    ({"reminders": (PointsReminder(3, CHANNEL_SMS, "09:30"),) * 2}, "FIELD_INVALID",
     "program.points_reminders.reminders"),
    ({"reminders": tuple(PointsReminder(d, CHANNEL_SMS, "09:30") for d in range(1, 10))}, "FIELD_OUT_OF_RANGE",
     "program.points_reminders.reminders"),
])
def test_bad_points_reminders(fields, reason, field):
    with pytest.raises(DomainError) as refused:
        validate_points_reminders(settings(**fields))
    assert (refused.value.reason.name, refused.value.metadata["field"]) == (reason, field)
