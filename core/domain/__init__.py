"""Plain dataclasses, rules, errors and limits. Imports only the standard library."""
