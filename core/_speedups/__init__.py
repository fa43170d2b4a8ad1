"""Compiled hot paths (Cython, `<name>.pyx` + `<name>.pyi`) and their pure-Python twins
(`_py_<name>.py`) of the identical interface. Import the public module (e.g. `core.codegen`),
never these directly: it picks the implementation (REWARDS_IMPL=c|python forces one)."""
