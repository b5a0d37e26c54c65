import json

from rempart.decision.model import Decision
from rempart.request.model import ScreenRequestDoc


def test_request_and_decision_have_json_schemas():
    req = ScreenRequestDoc.model_json_schema()
    dec = Decision.model_json_schema()
    assert {"prompt", "mode", "tier", "images_base64"} <= set(req["properties"])
    assert req["required"] == ["prompt"]
    assert {"decision", "reasons", "request_id", "timings_ms", "audit_seq"} <= set(dec["properties"])
    assert json.dumps(dec)  # serialisable


def test_documented_schema_files_match_the_models():
    from pathlib import Path

    docs = Path(__file__).resolve().parents[2] / "docs" / "schemas"
    assert json.loads((docs / "request.schema.json").read_text()) == ScreenRequestDoc.model_json_schema()
    assert json.loads((docs / "decision.schema.json").read_text()) == Decision.model_json_schema()
