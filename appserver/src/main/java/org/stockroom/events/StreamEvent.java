package org.stockroom.events;

/**
 * One server-sent event as this server writes it.
 *
 * @param name       {@code movement}, {@code level}, {@code ready} or {@code reset}
 * @param id         what a client sends back in {@code Last-Event-ID} to resume after it; null for an event
 *                   that is no resume point (a level whose reservations changed)
 * @param data       its JSON, written once however many streams send it
 * @param movementId the movement the event tells of, 0 for none
 */
record StreamEvent(String name, String id, String data, long movementId) {

    static final String MOVEMENT = "movement";
    static final String LEVEL = "level";
    static final String READY = "ready";
    static final String RESET = "reset";
}
