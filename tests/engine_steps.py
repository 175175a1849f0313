"""Steps for the engine tests: they hang or kill their worker on a marker in the text.

They live in a module (not in a test file) because the worker processes import them.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from typing import ClassVar

from hzcorpus.document import Document
from hzcorpus.steps import Outcome, Step


@dataclass(frozen=True)
class TroubleStep(Step):
    """Hangs on `HANG`, kills its process on `DIE`, raises on `RAISE`; else forwards."""

    name: ClassVar[str] = "trouble"

    def process(self, doc: Document) -> Document | Outcome:
        if "HANG" in doc.raw:
            time.sleep(3600)
        if "DIE" in doc.raw:
            os._exit(3)
        if "RAISE" in doc.raw:
            raise ValueError("a broken page")
        return doc
