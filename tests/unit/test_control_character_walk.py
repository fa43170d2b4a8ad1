"""The decoder's control-character walk (server/interceptors.py control_character_path) on message
shapes the rewards protos do not all have: recursive types, maps of messages, repeated strings
inside repeated messages, well-known types."""

from __future__ import annotations

from google.protobuf import field_mask_pb2, struct_pb2
from rewards.accounts.v1 import account_service_pb2 as accounts_api
from rewards.accounts.v1 import resources_pb2 as accounts

from server.interceptors import control_character_path


def test_a_recursive_type_is_walked_to_any_depth():
    value = struct_pb2.Value(struct_value=struct_pb2.Struct(fields={
        "outer": struct_pb2.Value(list_value=struct_pb2.ListValue(values=[
            struct_pb2.Value(string_value="fine"),
            struct_pb2.Value(struct_value=struct_pb2.Struct(fields={"inner": struct_pb2.Value(string_value="a\x00")}))]))}))

    assert control_character_path(value) == \
        "struct_value.fields['outer'].list_value.values[1].struct_value.fields['inner'].string_value"
    assert control_character_path(struct_pb2.Struct(fields={"k\x1b": struct_pb2.Value(number_value=1)})) == \
        "fields['k\\x1b']"


def test_clean_strings_of_every_script_pass_and_each_control_range_is_caught():
    clean = accounts_api.CreateAccountRequest(program_id="Ünïcödé ☕ 東京 \u00a0\u200d", identifiers=[
        accounts.Identifier(type=accounts.IDENTIFIER_TYPE_CARDCODE, value="C-1")])
    assert control_character_path(clean) is None
    for character in ("\x00", "\x09", "\x0a", "\x0d", "\x1f", "\x7f", "\x80", "\x9f"):
        bad = accounts_api.CreateAccountRequest()
        bad.CopyFrom(clean)
        bad.identifiers.add(value="x" + character)
        assert control_character_path(bad) == "identifiers[1].value", repr(character)
    for character in ("\xa0", "\u2028", "~", " "):
        fine = accounts_api.CreateAccountRequest(program_id="p" + character)
        assert control_character_path(fine) is None, repr(character)


def test_field_mask_paths_are_strings_too():
    assert control_character_path(field_mask_pb2.FieldMask(paths=["ok", "no\x00"])) == "paths[1]"
