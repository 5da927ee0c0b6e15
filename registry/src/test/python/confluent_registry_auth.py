#!/usr/bin/env python3
"""Registry check driven by ConfluentPythonClientWithAuthIT: Confluent's own Python client
(confluent_kafka.avro's CachedSchemaRegistryClient, as packaged by Debian) against our server with
basic auth on, configured the way Confluent documents it (basic.auth.credentials.source=USER_INFO
with basic.auth.user.info, or user:password in the URL).

Reads a JSON plan (path in argv[1]) written by the Java test:
  registry            the server's URL, without credentials
  writer, reader      {"user": ..., "password": ...} of a write and a read user
  schema              a schema as JSON text, already registered by our Java client ...
  java_id             ... which got this id
  subjects.<name>     fresh subjects for Python to register under

Prints one line per check; exits 0 when every check passed, 1 on the first mismatch.
"""
import json
import sys

import avro.schema
from confluent_kafka.avro import CachedSchemaRegistryClient
from confluent_kafka.avro.error import ClientError
from interop import check, run_checks


def user_info_client(url, user):
    return CachedSchemaRegistryClient({"url": url, "basic.auth.credentials.source": "USER_INFO",
                                       "basic.auth.user.info": user["user"] + ":" + user["password"]})


def refused(call, status):
    try:
        call()
    except ClientError as e:
        return ("Error code:" + str(status)) in str(e)
    return False


def check_registry(plan):
    url = plan["registry"]
    schema = avro.schema.parse(plan["schema"])
    java_id = plan["java_id"]
    subjects = plan["subjects"]
    writer = user_info_client(url, plan["writer"])
    reader = user_info_client(url, plan["reader"])
    anonymous = CachedSchemaRegistryClient({"url": url})

    check(writer.register(subjects["writer"], schema) == java_id,
          "the write user (USER_INFO) registers under %s and gets the id Java got" % subjects["writer"])
    check(reader.get_by_id(java_id) == schema, "the read user fetches schema id %d" % java_id)
    latest_id, latest, version = reader.get_latest_schema(subjects["writer"])
    check(latest_id == java_id and latest == schema and version == 1, "the read user reads the latest version")
    check(reader.check_registration(subjects["writer"], schema) == java_id, "the read user looks the schema up")
    check(reader.get_compatibility() == "BACKWARD", "the read user reads the global compatibility")
    check(refused(lambda: reader.register(subjects["reader"], schema), 403),
          "the read user registering is refused with 403")
    check(refused(lambda: anonymous.register(subjects["anonymous"], schema), 401),
          "a client without credentials registering is refused with 401")
    check(anonymous.get_latest_schema(subjects["writer"]) == (None, None, None),
          "a client without credentials reads nothing")
    wrong = user_info_client(url, {"user": plan["writer"]["user"], "password": "not-the-password"})
    check(refused(lambda: wrong.register(subjects["anonymous"], schema), 401),
          "a wrong password is refused with 401")
    in_url = url.replace("://", "://%s:%s@" % (plan["writer"]["user"], plan["writer"]["password"]), 1)
    check(CachedSchemaRegistryClient({"url": in_url}).register(subjects["url"], schema) == java_id,
          "credentials in the URL (source URL, the default) register under %s" % subjects["url"])


def main(plan_path):
    with open(plan_path, encoding="utf-8") as f:
        plan = json.load(f)
    return run_checks(lambda: check_registry(plan))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
