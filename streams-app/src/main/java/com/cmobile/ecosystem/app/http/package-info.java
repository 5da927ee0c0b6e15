/** HTTP routes only: parse the request, call the query layer, map its result to JSON and a status code. */
package com.cmobile.ecosystem.app.http;
