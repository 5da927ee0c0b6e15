"""The plain JSON of testkit's PythonInterop.plainJson, both ways, for scripts using Confluent's
Python client: enums as symbols, UUIDs as strings, occurredAt as epoch milliseconds.

PythonInterop puts this module on the PYTHONPATH of every script it runs: `from plain_json import to_avro`.
"""
import datetime
import uuid

UTC = datetime.timezone.utc


def to_avro(value):
    """Plain JSON -> what python3-avro writes: occurredAt as an aware datetime."""
    converted = dict(value)
    converted["occurredAt"] = datetime.datetime.fromtimestamp(value["occurredAt"] / 1000, tz=UTC)
    return converted


def from_avro(value):
    """What python3-avro read -> plain JSON, to compare with what Java wrote."""
    converted = dict(value)
    occurred = converted["occurredAt"]
    if isinstance(occurred, datetime.datetime):
        converted["occurredAt"] = round(occurred.timestamp() * 1000)
    if isinstance(converted.get("eventId"), uuid.UUID):
        converted["eventId"] = str(converted["eventId"])
    return converted
