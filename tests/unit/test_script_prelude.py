"""The script loader prepends the shared Lua preludes a script names (core/adapters/redis/scripts.py)."""

from __future__ import annotations

from core.adapters.redis.scripts import SCRIPTS_DIR, load_script


def test_the_redemption_limit_rule_is_prepended_to_the_scripts_that_use_it():
    for name in ("coupon_redeem", "coupon_check"):
        source = load_script(SCRIPTS_DIR / f"{name}.lua")
        assert source.startswith((SCRIPTS_DIR / "prelude" / "redemption_limits.lua").read_text())
        assert source.count("local function limit_failures") == 1


def test_a_script_without_a_prelude_line_loads_as_written(tmp_path):
    plain = tmp_path / "plain.lua"
    plain.write_text("return 1\n")

    assert load_script(plain) == "return 1\n"


def test_every_prelude_named_exists_and_no_rule_is_written_twice():
    for path in SCRIPTS_DIR.glob("*.lua"):
        source = load_script(path)  # Raises for a prelude that does not exist.
        assert source.count("local function applied_limits") <= 1, path.name
