"""Encode or decode one record with Confluent's own Python client (confluent_kafka.avro).

Used by ConfluentPythonClientTest to check the Java serdes byte for byte against Confluent's
MessageSerializer. Usage:
  confluent_wire.py encode <registry-url> <topic> <schema-file>   (record JSON on stdin, hex on stdout)
  confluent_wire.py decode <registry-url>                         (hex on stdin, record JSON on stdout)
Records travel as the plain JSON of testkit's PythonInterop.plainJson (its interop module).
"""
import json
import sys

from confluent_kafka import avro
from confluent_kafka.avro import CachedSchemaRegistryClient
from confluent_kafka.avro.serializer.message_serializer import MessageSerializer
from interop import from_avro, to_avro


def main(argv):
    mode, url = argv[1], argv[2]
    serializer = MessageSerializer(CachedSchemaRegistryClient({"url": url}))
    if mode == "encode":
        topic, schema_file = argv[3], argv[4]
        with open(schema_file, encoding="utf-8") as f:
            schema = avro.loads(f.read())
        record = to_avro(json.loads(sys.stdin.read()))
        print(serializer.encode_record_with_schema(topic, schema, record).hex())
    elif mode == "decode":
        print(json.dumps(from_avro(serializer.decode_message(bytes.fromhex(sys.stdin.read().strip())))))
    else:
        raise SystemExit("unknown mode " + mode)


if __name__ == "__main__":
    main(sys.argv)
