"""Private-data handling for replies shown publicly and documents about to be published.

* :mod:`zwgk.privacy.ids` — check-digit validators (identity numbers, credit codes, Luhn).
* :mod:`zwgk.privacy.detect` — finds personal data in free text (Art. 32), one module per detector.
* :mod:`zwgk.privacy.mask` — masks what was found, keeping the text readable (Art. 32).
* :mod:`zwgk.privacy.scan` — pre-publication scan for personal data and sensitive words (Art. 4).

Pure Python on purpose (no Django import): Celery jobs, bench scripts and tests use it directly.
"""

from zwgk.privacy.detect import KIND_LABELS, KINDS, NUMBER_KINDS, Finding, find_numbers, find_private_data
from zwgk.privacy.mask import mask_findings, mask_text, mask_value
from zwgk.privacy.scan import SCAN_KINDS, SensitiveWordMatcher, excerpt, scan_for_publication

__all__ = [
    "KINDS",
    "KIND_LABELS",
    "NUMBER_KINDS",
    "SCAN_KINDS",
    "Finding",
    "SensitiveWordMatcher",
    "excerpt",
    "find_numbers",
    "find_private_data",
    "mask_findings",
    "mask_text",
    "mask_value",
    "scan_for_publication",
]
