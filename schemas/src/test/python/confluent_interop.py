#!/usr/bin/env python3
"""Interop check driven by ConfluentPythonClientIT: Confluent's own Python client
(confluent_kafka.avro, as packaged by Debian) and our Java serdes, through a broker.

Reads a JSON plan (path in argv[1]) written by the Java test:
  bootstrap, registry        where to connect
  schemas.pop/.partner       the event schemas as JSON text
  produce.{pop,partner}      {"topic": .., "records": [{"key": .., "value": {..}}]} to write
  consume.{pop,partner}      {"topic": .., "records": [...]} the Java serializer wrote; compare
Values use the plain JSON of testkit's PythonInterop.plainJson (its interop module reads them).

Prints one line per check and "id <schema> <id>" for the schema id its records carry; exits 0
when everything matched, 1 on the first mismatch.
"""
import json
import struct
import sys
import time
import uuid

import avro.schema
from confluent_kafka import Consumer, Producer
from confluent_kafka.avro import CachedSchemaRegistryClient
from confluent_kafka.avro.serializer.message_serializer import MessageSerializer
from interop import Mismatch, check, from_avro, run_checks, to_avro

DEADLINE_SECONDS = 45


def produce(plan, serializer, schemas):
    producer = Producer({"bootstrap.servers": plan["bootstrap"]})
    for name, schema in schemas.items():
        topic = plan["produce"][name]["topic"]
        for record in plan["produce"][name]["records"]:
            value = serializer.encode_record_with_schema(topic, schema, to_avro(record["value"]))
            producer.produce(topic, key=record["key"].encode("utf-8"), value=value)
        # Confluent's wire format: magic byte 0, then the schema id as a 4-byte big-endian int.
        print("id   %s %d" % (name, struct.unpack(">I", value[1:5])[0]))
    remaining = producer.flush(DEADLINE_SECONDS)
    check(remaining == 0, "produced every record (%d left unsent)" % remaining)


def consume(plan, serializer):
    expected = {}
    for name in ("pop", "partner"):
        spec = plan["consume"][name]
        for record in spec["records"]:
            expected[(spec["topic"], record["key"])] = record["value"]
    consumer = Consumer({
        "bootstrap.servers": plan["bootstrap"],
        "group.id": "confluent-interop-%s" % uuid.uuid4(),
        "auto.offset.reset": "earliest",
        "enable.auto.commit": False,
    })
    try:
        consumer.subscribe(sorted({topic for topic, _ in expected}))
        seen = {}
        deadline = time.monotonic() + DEADLINE_SECONDS
        while len(seen) < len(expected) and time.monotonic() < deadline:
            message = consumer.poll(0.5)
            if message is None:
                continue
            if message.error():
                raise Mismatch("consumer error: %s" % message.error())
            key = message.key().decode("utf-8")
            seen[(message.topic(), key)] = from_avro(serializer.decode_message(message.value()))
        check(len(seen) == len(expected), "consumed %d of %d records the Java serializer wrote" % (len(seen), len(expected)))
        for (topic, key), want in expected.items():
            got = seen[(topic, key)]
            for field, value in want.items():
                check(got.get(field) == value,
                      "%s/%s field %s: python read %r, Java wrote %r" % (topic, key, field, got.get(field), value))
    finally:
        consumer.close()


def main(plan_path):
    with open(plan_path, encoding="utf-8") as f:
        plan = json.load(f)
    schemas = {name: avro.schema.parse(text) for name, text in plan["schemas"].items()}

    def checks():
        produce(plan, MessageSerializer(CachedSchemaRegistryClient({"url": plan["registry"]})), schemas)
        # A fresh client: decoding must fetch the writer schemas by id from the registry.
        consume(plan, MessageSerializer(CachedSchemaRegistryClient({"url": plan["registry"]})))

    return run_checks(checks)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
