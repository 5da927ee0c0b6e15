/** ISO 3166-1 country codes and the UN M49 regions PoP capacity is rolled up into. */
package com.cmobile.ecosystem.geo;
