package com.cmobile.ecosystem.bench.chaos;

/** Waiting in the harness's helper threads, which end on interruption rather than throw. */
final class Pause {

    private Pause() {
    }

    /** Sleeps {@code millis}; an interruption ends the sleep and stays set for the caller to see. */
    static void quietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
