#!/usr/bin/env python3
"""Confluent's own Python client (as packaged by Debian) writes events the way a partner system
using it would; run by MixedPartitionersIT and by the fault-injection run, shipped in testkit. Values go through confluent_kafka.avro's
MessageSerializer; keys are the UTF-8 ids; the plain Producer is left with its default
partitioner (librdkafka's consistent_random: CRC32 of the key), which is the point of the test.

Reads a JSON plan (path in argv[1]) written by the Java test:
  bootstrap, registry        where to connect
  schemas.pop/.partner       the event schemas as JSON text
  records                    [{"schema": "pop"|"partner", "topic": .., "key": .., "value": {..}}], in order
  producer                   optional librdkafka settings added to bootstrap.servers
                             (e.g. {"enable.idempotence": true})
  client_properties          optional path of a Java client properties file (security.protocol,
                             sasl.*, ssl.truststore.*): translated by interop.librdkafka_config;
                             its basic.auth.* settings go to the registry client
Values use the plain JSON of testkit's PythonInterop.plainJson (its interop module reads them).

Prints "partition <topic> <key> <partition>" for each delivered record and exits 0 when every
record was delivered, 1 otherwise.
"""
import json
import sys

import avro.schema
from confluent_kafka import Producer
from confluent_kafka.avro import CachedSchemaRegistryClient
from confluent_kafka.avro.serializer.message_serializer import MessageSerializer

from interop import librdkafka_config, registry_config, to_avro

DEADLINE_SECONDS = 45


def main(plan_path):
    with open(plan_path, encoding="utf-8") as f:
        plan = json.load(f)
    schemas = {name: avro.schema.parse(text) for name, text in plan["schemas"].items()}
    registry = {"url": plan["registry"]}
    config = {"bootstrap.servers": plan["bootstrap"]}
    if plan.get("client_properties"):
        config.update(librdkafka_config(plan["client_properties"]))
        registry.update(registry_config(plan["client_properties"]))
    serializer = MessageSerializer(CachedSchemaRegistryClient(registry))
    config.update(plan.get("producer", {}))
    producer = Producer(config)
    failures = []

    def delivered(error, message):
        if error is not None:
            failures.append("%s/%s: %s" % (message.topic(), message.key().decode("utf-8"), error))
        else:
            print("partition %s %s %d" % (message.topic(), message.key().decode("utf-8"), message.partition()))

    for record in plan["records"]:
        value = serializer.encode_record_with_schema(record["topic"], schemas[record["schema"]],
                                                     to_avro(record["value"]))
        producer.produce(record["topic"], key=record["key"].encode("utf-8"), value=value, on_delivery=delivered)
    remaining = producer.flush(DEADLINE_SECONDS)
    for failure in failures:
        print("FAIL " + failure)
    if remaining or failures:
        print("FAIL %d records left unsent, %d failed" % (remaining, len(failures)))
        return 1
    print("done")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
