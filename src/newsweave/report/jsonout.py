"""JSON output: the data model itself (``Brief.to_dict``), so it reads back losslessly."""

from __future__ import annotations

import json

from newsweave.models import Brief


def render_json(brief: Brief) -> str:
    return json.dumps(brief.to_dict(), ensure_ascii=False, indent=2) + "\n"
