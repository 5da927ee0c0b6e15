/** Apache Kafka's own KRaft broker run in-process, as one combined broker and controller. */
package com.cmobile.ecosystem.testkit.broker;
