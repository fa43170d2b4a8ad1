"""Builds the Cython hot paths: every core/_speedups/*.pyx becomes core._speedups.<name>.

Each compiled module has a pure-Python twin (core/_speedups/_py_<name>.py) with the same
interface; REWARDS_IMPL=python|c forces one at import.
"""

from pathlib import Path

from Cython.Build import cythonize
from setuptools import Extension, setup

extensions = [
    Extension(f"core._speedups.{path.stem}", [str(path)], extra_compile_args=["-O3"])
    for path in sorted(Path("core/_speedups").glob("*.pyx"))
]

setup(ext_modules=cythonize(extensions, language_level=3))
