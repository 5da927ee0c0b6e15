/** The Kafka ACLs a deployment applies: who may write, read and manage which topics, groups and transactions. */
package com.cmobile.ecosystem.producers.acl;
