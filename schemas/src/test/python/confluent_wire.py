"""Encode or decode one record with Confluent's own Python client (confluent_kafka.avro).

Used by ConfluentPythonClientTest to check the Java serdes byte for byte against Confluent's
MessageSerializer. Usage:
  confluent_wire.py encode <registry-url> <topic> <schema-file>   (record JSON on stdin, hex on stdout)
  confluent_wire.py decode <registry-url>                         (hex on stdin, record JSON on stdout)
Timestamps travel as epoch milliseconds in the JSON.
"""
import datetime
import json
import sys

from confluent_kafka import avro
from confluent_kafka.avro import CachedSchemaRegistryClient
from confluent_kafka.avro.serializer.message_serializer import MessageSerializer

UTC = datetime.timezone.utc


def main(argv):
    mode, url = argv[1], argv[2]
    serializer = MessageSerializer(CachedSchemaRegistryClient({"url": url}))
    if mode == "encode":
        topic, schema_file = argv[3], argv[4]
        with open(schema_file, encoding="utf-8") as f:
            schema = avro.loads(f.read())
        record = json.loads(sys.stdin.read())
        record["occurredAt"] = datetime.datetime.fromtimestamp(record["occurredAt"] / 1000, UTC)
        print(serializer.encode_record_with_schema(topic, schema, record).hex())
    elif mode == "decode":
        record = serializer.decode_message(bytes.fromhex(sys.stdin.read().strip()))
        record["occurredAt"] = int(record["occurredAt"].timestamp() * 1000)
        print(json.dumps(record))
    else:
        raise SystemExit("unknown mode " + mode)


if __name__ == "__main__":
    main(sys.argv)
