"""What the scripts checking us against Confluent's Python client share: the plain JSON of
testkit's PythonInterop.plainJson both ways (enums as symbols, UUIDs as strings, occurredAt as
epoch milliseconds), and checks that print a line each and stop at the first mismatch.

PythonInterop puts this module on the PYTHONPATH of every script it runs: `from interop import to_avro`.
"""
import datetime
import uuid

UTC = datetime.timezone.utc


class Mismatch(Exception):
    pass


def check(condition, message):
    """Prints `ok   <message>`, or raises Mismatch(message) when the condition does not hold."""
    if not condition:
        raise Mismatch(message)
    print("ok   " + message)


def run_checks(checks):
    """Runs checks(): prints `done` and returns 0, or `FAIL <mismatch>` and returns 1."""
    try:
        checks()
    except Mismatch as e:
        print("FAIL " + str(e))
        return 1
    print("done")
    return 0


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
