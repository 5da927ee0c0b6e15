/**
 * The naive oracle of the HTTP API ({@link com.cmobile.ecosystem.app.oracle.NaiveAnswers}): every
 * route's answer recomputed from the events, without the topology's code, and compared with what the
 * app answers. Shipped as this module's test jar, for its ITs and for the benchmarks' harnesses.
 */
package com.cmobile.ecosystem.app.oracle;
