"""The applications' helpers (register a case, act on it) serve the report and assessment tests."""

from tests.applications.conftest import act, register, signed_off  # noqa: F401  (fixtures)
