#!/usr/bin/env python3
"""Registry check driven by ConfluentPythonClientAgainstServerIT: Confluent's own Python client
(confluent_kafka.avro's CachedSchemaRegistryClient, as packaged by Debian) against our server.

Reads a JSON plan (path in argv[1]) written by the Java test:
  registry          the server's URL
  schemas.<name>    schemas as JSON text, each already registered by our Java client
  java_ids.<name>   the id the Java client got for it
  subjects.<name>   a fresh subject for Python to register it under

Prints one line per check; exits 0 when every check passed, 1 on the first mismatch.
"""
import json
import sys

import avro.schema
from confluent_kafka.avro import CachedSchemaRegistryClient
from interop import check, run_checks


def check_registry(plan):
    url = plan["registry"]
    registering = CachedSchemaRegistryClient({"url": url})
    # The client caches what it registered; fetch with a second one so every read reaches the server.
    fetching = CachedSchemaRegistryClient({"url": url})
    check(fetching.get_compatibility() == "BACKWARD", "GET /config answers the default BACKWARD level")
    for name, text in plan["schemas"].items():
        schema = avro.schema.parse(text)
        java_id = plan["java_ids"][name]
        subject = plan["subjects"][name]
        check(fetching.get_by_id(java_id) == schema, "GET /schemas/ids/%d returns the schema Java registered" % java_id)
        schema_id = registering.register(subject, schema)
        check(schema_id == java_id, "registered %s under %s as id %s, the id Java got" % (name, subject, schema_id))
        latest_id, latest, version = fetching.get_latest_schema(subject)
        check(latest_id == schema_id and latest == schema and version == 1,
              "latest version of %s is version 1 with id %d" % (subject, schema_id))
        check(CachedSchemaRegistryClient({"url": url}).get_version(subject, schema) == 1,
              "lookup finds %s version 1" % subject)
        check(fetching.test_compatibility(subject, schema) is True, "the schema is compatible with itself")


def main(plan_path):
    with open(plan_path, encoding="utf-8") as f:
        plan = json.load(f)
    return run_checks(lambda: check_registry(plan))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
