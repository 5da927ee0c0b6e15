/** Reads event files (JSON Lines or CSV) line by line into validated events or {@code line N: reason} rejections. */
package com.cmobile.ecosystem.producers.file;
