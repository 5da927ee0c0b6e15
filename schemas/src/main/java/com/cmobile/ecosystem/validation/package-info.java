/** The one validation of events shared by producers and the streams application. */
package com.cmobile.ecosystem.validation;
