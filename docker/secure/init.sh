#!/usr/bin/env bash
# The secure profile's first step (docker-compose.yml, service secure-init): generates, once, the CA,
# the broker's certificate, the passwords and the API token, formats the broker's storage with its
# SCRAM users (KRaft knows SCRAM users only from format time), and hands each service only the files
# it needs, owned by the user its image runs as. A second run keeps everything it finds.
#
# Runs in the apache/kafka image (bash, the JRE's keytool, kafka-storage.sh, busybox). Every path
# can be overridden, so that a test can run it outside a container.
set -euo pipefail
umask 077

MASTER=${MASTER:-/secure/ca}            # everything, for secure-init only (the CA's key never leaves it)
KAFKA=${KAFKA:-/secure/kafka}           # the broker (and the topics step): keystore, JAAS, admin client
REGISTRY=${REGISTRY:-/secure/registry}  # Confluent's schema registry: basic-auth users, its Kafka login
APP=${APP:-/secure/app}                 # the streams app's instances
ACLS=${ACLS:-/secure/acls}              # the acls step (producers image): the admin client
PARTNER=${PARTNER:-/secure/partner}     # the seed publisher: the demo partner inside the network
HOST=${HOST:-$MASTER/host}              # for people on the host: docker compose cp secure-init:/secure/ca/host ./secure
KAFKA_DATA=${KAFKA_DATA:-/var/lib/kafka/data}
KAFKA_STORAGE=${KAFKA_STORAGE:-/opt/kafka/bin/kafka-storage.sh}
KEYTOOL=${KEYTOOL:-keytool}
CLUSTER_ID=${CLUSTER_ID:?CLUSTER_ID must be set: the same id the broker is started with}
BROKER_HOST=${BROKER_HOST:-kafka-secure}
REGISTRY_HOST=${REGISTRY_HOST:-schema-registry-secure}
HOST_KAFKA_PORT=${HOST_KAFKA_PORT:-19093}
HOST_REGISTRY_PORT=${HOST_REGISTRY_PORT:-8082}
KAFKA_UID=${KAFKA_UID:-1000}            # appuser of apache/kafka and of confluentinc/cp-schema-registry
APP_UID=${APP_UID:-10001}               # the user docker/*.Dockerfile create
USERS="admin app partner-demo operator registry"

secret() { head -c 24 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n'; }
password_of() { sed -n "s/^$1=//p" "$MASTER/kafka-users.properties"; }
registry_password_of() { sed -n "s/^$1=//p" "$MASTER/registry-credentials.properties"; }
jaas() { printf 'org.apache.kafka.common.security.scram.ScramLoginModule required username="%s" password="%s";' "$1" "$(password_of "$1")"; }

mkdir -p "$MASTER" "$KAFKA" "$REGISTRY" "$APP" "$ACLS" "$PARTNER" "$HOST"
chmod 700 "$MASTER" "$KAFKA" "$REGISTRY" "$APP" "$ACLS" "$PARTNER" "$HOST"

# Passwords and token: generated once, kept on every later run (the broker's users cannot change).
if [ ! -s "$MASTER/kafka-users.properties" ]; then
  for user in $USERS; do echo "$user=$(secret)"; done > "$MASTER/kafka-users.properties"
fi
if [ ! -s "$MASTER/registry-credentials.properties" ]; then
  printf 'app=%s\npartner-demo=%s\n' "$(secret)" "$(secret)" > "$MASTER/registry-credentials.properties"
fi
[ -s "$MASTER/store.password" ] || secret > "$MASTER/store.password"
[ -s "$MASTER/api-token" ] || secret > "$MASTER/api-token"
[ -s "$MASTER/peer-secret" ] || { secret; secret; } | tr -d '\n' > "$MASTER/peer-secret"
STORE_PASSWORD=$(cat "$MASTER/store.password")

# The CA and the broker's certificate (names the containers and the host use), with the JDK's keytool.
if [ ! -s "$MASTER/broker.p12" ]; then
  rm -f "$MASTER/ca.p12" "$MASTER/ca.pem" "$MASTER/broker.csr" "$MASTER/broker.pem"
  "$KEYTOOL" -genkeypair -alias ca -keyalg EC -groupname secp256r1 -dname "CN=ecosystem-compose-ca" \
    -ext bc:c -ext KU:c=keyCertSign,cRLSign -validity 3650 \
    -keystore "$MASTER/ca.p12" -storetype PKCS12 -storepass "$STORE_PASSWORD"
  "$KEYTOOL" -exportcert -alias ca -rfc -keystore "$MASTER/ca.p12" -storepass "$STORE_PASSWORD" -file "$MASTER/ca.pem"
  "$KEYTOOL" -genkeypair -alias broker -keyalg EC -groupname secp256r1 -dname "CN=$BROKER_HOST" -validity 3650 \
    -keystore "$MASTER/broker.p12" -storetype PKCS12 -storepass "$STORE_PASSWORD"
  "$KEYTOOL" -certreq -alias broker -keystore "$MASTER/broker.p12" -storepass "$STORE_PASSWORD" -file "$MASTER/broker.csr"
  "$KEYTOOL" -gencert -alias ca -keystore "$MASTER/ca.p12" -storepass "$STORE_PASSWORD" -infile "$MASTER/broker.csr" \
    -outfile "$MASTER/broker.pem" -rfc -validity 3650 -ext KU:c=digitalSignature -ext EKU=serverAuth,clientAuth \
    -ext "SAN=dns:$BROKER_HOST,dns:localhost,ip:127.0.0.1"
  "$KEYTOOL" -importcert -noprompt -alias ca -file "$MASTER/ca.pem" -keystore "$MASTER/broker.p12" -storepass "$STORE_PASSWORD"
  "$KEYTOOL" -importcert -noprompt -alias broker -file "$MASTER/broker.pem" -keystore "$MASTER/broker.p12" -storepass "$STORE_PASSWORD"
  rm -f "$MASTER/broker.csr" "$MASTER/broker.pem"
fi

# Java client settings of a SCRAM user; $2: bootstrap.servers (none: security settings only), $3: the CA's path.
client_properties() {
  [ -z "$2" ] || echo "bootstrap.servers=$2"
  echo "security.protocol=SASL_SSL"
  echo "sasl.mechanism=SCRAM-SHA-512"
  echo "sasl.jaas.config=$(jaas "$1")"
  echo "ssl.truststore.type=PEM"
  echo "ssl.truststore.location=$3"
}

# The broker: keystore and its password files (the image reads them from /etc/kafka/secrets), the CA,
# the JAAS file: SCRAM for clients and between listeners, PLAIN for librdkafka before 2.6.1 and the
# controller listener (KRaft controllers cannot use SCRAM).
cp "$MASTER/broker.p12" "$MASTER/ca.pem" "$MASTER/store.password" "$KAFKA/"
{
  echo "KafkaServer {"
  echo "  org.apache.kafka.common.security.scram.ScramLoginModule required"
  echo "    username=\"admin\" password=\"$(password_of admin)\";"
  echo "  org.apache.kafka.common.security.plain.PlainLoginModule required"
  printf '    username="admin" password="%s"' "$(password_of admin)"
  for user in $USERS; do printf '\n    user_%s="%s"' "$user" "$(password_of "$user")"; done
  echo ";"
  echo "};"
} > "$KAFKA/kafka_server_jaas.conf"
client_properties admin "$BROKER_HOST:9092" /etc/kafka/secrets/ca.pem > "$KAFKA/admin.properties"

# Confluent's registry: a Jetty realm file (MD5 of 144-bit random passwords: nobody can guess them
# back from it), its JAAS file, and its own Kafka login.
cp "$MASTER/ca.pem" "$REGISTRY/"
{
  echo "app: MD5:$(printf %s "$(registry_password_of app)" | md5sum | cut -d' ' -f1),read"
  echo "partner-demo: MD5:$(printf %s "$(registry_password_of partner-demo)" | md5sum | cut -d' ' -f1),write"
} > "$REGISTRY/users.properties"
cat > "$REGISTRY/jaas.conf" <<JAAS
SchemaRegistry {
  org.eclipse.jetty.jaas.spi.PropertyFileLoginModule required
  file="/secrets/users.properties"
  debug="false";
};
JAAS
jaas registry > "$REGISTRY/kafka-jaas"

# The app: its Kafka security settings (KAFKA_CLIENT_CONFIG_FILE), registry login, the tokens' hashes
# and the peer secret.
cp "$MASTER/ca.pem" "$MASTER/peer-secret" "$APP/"
client_properties app "" /secrets/ca.pem > "$APP/kafka.properties"
echo "app:$(registry_password_of app)" > "$APP/registry-user-info"
echo "compose-read sha256:$(tr -d '\n' < "$MASTER/api-token" | sha256sum | cut -d' ' -f1) read,metrics" > "$APP/api-tokens"

# The acls step, the seed publisher inside the network, and the files for the host.
cp "$MASTER/ca.pem" "$ACLS/"
client_properties admin "$BROKER_HOST:9092" /secrets/ca.pem > "$ACLS/admin.properties"
partner_files() {  # $1 directory, $2 bootstrap, $3 registry URL, $4 the CA's path as its user sees it
  cp "$MASTER/ca.pem" "$1/"
  {
    client_properties partner-demo "$2" "$4"
    echo "schema.registry.url=$3"
    echo "basic.auth.credentials.source=USER_INFO"
    echo "basic.auth.user.info=partner-demo:$(registry_password_of partner-demo)"
  } > "$1/partner-demo.properties"
}
partner_files "$PARTNER" "$BROKER_HOST:9092" "http://$REGISTRY_HOST:8081" /secrets/ca.pem
partner_files "$HOST" "localhost:$HOST_KAFKA_PORT" "http://localhost:$HOST_REGISTRY_PORT" ca.pem
{
  echo "bootstrap.servers=localhost:$HOST_KAFKA_PORT"
  echo "security.protocol=SASL_SSL"
  echo "sasl.mechanism=PLAIN"
  echo "sasl.username=partner-demo"
  echo "sasl.password=$(password_of partner-demo)"
  echo "ssl.ca.location=ca.pem"
} > "$HOST/partner-demo.librdkafka.properties"
cp "$MASTER/api-token" "$HOST/"

# The broker's storage, with its SCRAM users; an existing one is kept as it is.
mkdir -p "$KAFKA_DATA"
cat > "$MASTER/format.properties" <<PROPERTIES
node.id=1
process.roles=broker,controller
controller.listener.names=CONTROLLER
listeners=CONTROLLER://localhost:9093
listener.security.protocol.map=CONTROLLER:SASL_PLAINTEXT
controller.quorum.voters=1@localhost:9093
log.dirs=$KAFKA_DATA
PROPERTIES
scram=()
for user in $USERS; do scram+=(--add-scram "SCRAM-SHA-512=[name=$user,password=$(password_of "$user")]"); done
"$KAFKA_STORAGE" format --ignore-formatted --cluster-id "$CLUSTER_ID" --config "$MASTER/format.properties" "${scram[@]}"

if [ "$(id -u)" = 0 ]; then
  chown -R "$KAFKA_UID" "$KAFKA" "$REGISTRY" "$KAFKA_DATA"
  chown -R "$APP_UID" "$APP" "$ACLS" "$PARTNER"
fi
echo "secure-init: credentials ready; for the host: docker compose cp secure-init:$HOST ./secure"
