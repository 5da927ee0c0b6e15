package com.cmobile.ecosystem.app.query;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a key-ordered list: at most {@code limit} items with keys after {@code afterKey}.
 * The cursor clients see is opaque (base64url of the last key), so the key format can change
 * without breaking clients that only echo it back.
 */
public record PageRequest(Optional<String> afterKey, int limit) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    public PageRequest {
        Objects.requireNonNull(afterKey, "afterKey");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
    }

    public static PageRequest first(int limit) {
        return new PageRequest(Optional.empty(), limit);
    }

    /** The opaque cursor a client passes back as {@code after} to get the page following {@code key}. */
    public static String cursorOf(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Decodes a cursor made by {@link #cursorOf}.
     *
     * @throws IllegalArgumentException naming the cursor when it is not one of ours
     */
    public static String keyOfCursor(String cursor) {
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(cursor);
            String key = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            if (key.isEmpty()) {
                throw new IllegalArgumentException("malformed cursor '" + cursor + "': empty key");
            }
            return key;
        } catch (IllegalArgumentException | java.nio.charset.CharacterCodingException e) {
            throw new IllegalArgumentException("malformed cursor '" + cursor + "': use the 'next' value of the previous page", e);
        }
    }
}
