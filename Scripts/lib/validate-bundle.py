"""Validates every line of a Signatory bundle against Schema/bundle.schema.json.

Usage: python3 Scripts/lib/validate-bundle.py BUNDLE.jsonl
"""
import json
import pathlib
import sys

import jsonschema

schema_path = pathlib.Path(__file__).resolve().parents[2] / "Schema" / "bundle.schema.json"
schema = json.loads(schema_path.read_text())
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)
lines = pathlib.Path(sys.argv[1]).read_text(encoding="utf-8").splitlines()
for number, line in enumerate(lines, start=1):
    value = json.loads(line)
    part = schema["$defs"]["header" if number == 1 else "change"]
    errors = list(jsonschema.Draft202012Validator({**part, "$defs": schema["$defs"]}).iter_errors(value))
    if errors:
        print(f"line {number}: {errors[0].message}", file=sys.stderr)
        sys.exit(1)
print(f"{len(lines)} lines valid")
