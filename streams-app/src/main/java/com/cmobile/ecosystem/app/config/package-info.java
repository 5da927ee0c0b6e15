/** Application configuration from the environment, and its translation into Kafka Streams properties. */
package com.cmobile.ecosystem.app.config;
