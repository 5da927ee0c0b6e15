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


REGISTRY_KEYS = ("schema.registry.url", "basic.auth.credentials.source", "basic.auth.user.info")


def registry_config(properties_path):
    """The schema registry client's settings a Java client properties file may carry beside Kafka's
    (the secure local run's partner-demo.properties does): basic.auth.credentials.source and
    basic.auth.user.info, as CachedSchemaRegistryClient takes them."""
    settings = _read_properties(properties_path)
    return {key: value for key, value in settings.items() if key in REGISTRY_KEYS[1:]}


def _read_properties(properties_path):
    settings = {}
    with open(properties_path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line or line[0] in "#!":
                continue
            key, _, value = line.partition("=")
            settings[key.strip()] = value.strip().replace("\\\\", "\\")
    return settings


def librdkafka_config(properties_path, old_scram_falls_back_to_plain=True):
    """The settings of a Java client properties file (bootstrap.servers, security.protocol,
    sasl.mechanism, a SCRAM or PLAIN sasl.jaas.config, a PEM ssl.truststore.location, a PKCS12
    ssl.keystore.*) as librdkafka names them, the way a partner using Confluent's Python client
    would carry over the file we hand out. The registry client's settings (REGISTRY_KEYS) are left
    to registry_config; anything else it does not understand is an error.

    librdkafka before 2.6.1 (Debian 12 ships 2.0.2) cannot finish SCRAM with a Kafka 4 broker
    (confluentinc/librdkafka#4895); with such a librdkafka, SCRAM becomes PLAIN (same user and
    password, still over TLS), which testkit's secure broker offers for it, and a line on stderr
    says so."""
    import re
    import sys
    settings = _read_properties(properties_path)
    config = {}
    for key, value in settings.items():
        if key in REGISTRY_KEYS:
            continue
        if key in ("bootstrap.servers", "security.protocol", "sasl.mechanism"):
            config[key] = value
        elif key == "sasl.jaas.config":
            username = re.search(r'username="([^"]*)"', value)
            password = re.search(r'password="([^"]*)"', value)
            if not username or not password:
                raise ValueError("sasl.jaas.config has no username/password")
            config["sasl.username"] = username.group(1)
            config["sasl.password"] = password.group(1)
        elif key == "ssl.truststore.location":
            if settings.get("ssl.truststore.type", "").upper() != "PEM":
                raise ValueError("librdkafka reads a PEM CA file, not a %s truststore"
                                 % settings.get("ssl.truststore.type", "JKS"))
            config["ssl.ca.location"] = value
        elif key == "ssl.keystore.location":
            config["ssl.keystore.location"] = value
        elif key == "ssl.keystore.password":
            config["ssl.keystore.password"] = value
        elif key in ("ssl.truststore.type", "ssl.keystore.type", "ssl.key.password"):
            continue
        else:
            raise ValueError("no librdkafka equivalent known for " + key)
    if old_scram_falls_back_to_plain and config.get("sasl.mechanism", "").upper().startswith("SCRAM"):
        import confluent_kafka
        version, number = confluent_kafka.libversion()
        if number < 0x020601ff:
            sys.stderr.write("librdkafka %s cannot do SCRAM with Kafka 4 (librdkafka#4895): using PLAIN\n" % version)
            config["sasl.mechanism"] = "PLAIN"
    return config
