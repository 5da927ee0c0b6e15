package com.cmobile.ecosystem.app.oracle;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What one route must answer: its status and, when 200, the fields of its body the oracle models.
 * Fields the body has beyond these (a page's {@code answeredBy}, {@code next}) are not compared.
 * Arrays are compared as sets of elements told apart by a key field ({@code items[FR]}), and then
 * for their order, so that a missing or extra element is one line, not a shift of every later one.
 *
 * @param status       200, or the status of a missing key (404)
 * @param body         the expected body (fields the app answers, in its JSON form)
 * @param paged        a list route: its pages are walked and their items compared as one {@code items} array
 * @param keys         for each array field, the field that identifies its elements
 * @param ignoringCase fields compared ignoring case and surrounding blanks (a city's display name)
 */
public record Expected(int status, JsonNode body, boolean paged, Map<String, String> keys, Set<String> ignoringCase) {

    private static final int LONGEST_TEXT = 300;

    public Expected {
        keys = Map.copyOf(keys);
        ignoringCase = Set.copyOf(ignoringCase);
    }

    static Expected notFound() {
        return new Expected(404, JsonNodeFactory.instance.objectNode(), false, Map.of(), Set.of());
    }

    static Expected found(ObjectNode body, Map<String, String> keys, Set<String> ignoringCase) {
        return new Expected(200, body, false, keys, ignoringCase);
    }

    static Expected page(List<ObjectNode> items, String keyField, Set<String> ignoringCase) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.putArray("items").addAll(items);
        return new Expected(200, body, true, Map.of("items", keyField), ignoringCase);
    }

    /**
     * Each way the app's answer to {@code route} differs, one line naming the route, the field and both
     * values; a list is asked page by page ({@code limit=pageSize}, then {@code after=next}).
     */
    public List<String> differencesFrom(String route, Function<String, HttpAnswer> ask, int pageSize) {
        JsonNode actual;
        if (paged) {
            var items = JsonNodeFactory.instance.arrayNode();
            var cursors = new HashSet<String>();
            String after = null;
            do {
                String page = route + (route.contains("?") ? "&" : "?") + "limit=" + pageSize
                        + (after == null ? "" : "&after=" + after);
                HttpAnswer answer = ask.apply(page);
                if (answer.status() != status || answer.body() == null) {
                    return List.of(route + ": expected " + status + ", app answered " + answer.status() + " to "
                            + page + ": " + shortened(answer.text()));
                }
                if (!answer.body().path("items").isArray()) {
                    return List.of(route + ": no items in the answer to " + page + ": " + shortened(answer.text()));
                }
                answer.body().path("items").forEach(items::add);
                JsonNode next = answer.body().path("next");
                after = next.isTextual() ? next.asText() : null;
                if (after != null && !cursors.add(after)) {
                    return List.of(route + ": the pages loop, cursor " + after + " came twice");
                }
            } while (after != null);
            ObjectNode merged = JsonNodeFactory.instance.objectNode();
            merged.set("items", items);
            actual = merged;
        } else {
            HttpAnswer answer = ask.apply(route);
            if (answer.status() != status) {
                return List.of(route + ": expected " + this + ", app answered " + answer.status() + " "
                        + shortened(answer.text()));
            }
            actual = answer.body();
        }
        var differences = new ArrayList<String>();
        compareBody(route + ": ", actual, differences);
        return differences;
    }

    /** Compares the expected body with {@code actual}, adding a line per difference, each after {@code prefix}. */
    void compareBody(String prefix, JsonNode actual, List<String> out) {
        compare(prefix, "", "", body, actual, out);
    }

    /** Compares {@code expected} with {@code actual} (both under {@code field}), adding a line per difference. */
    private void compare(String prefix, String path, String field, JsonNode expected, JsonNode actual, List<String> out) {
        if (expected.isObject()) {
            if (actual == null || !actual.isObject()) {
                out.add(prefix + (path.isEmpty() ? "body" : path) + " expected " + shortened(expected.toString())
                        + ", app answered " + shortened(String.valueOf(actual)));
                return;
            }
            expected.properties().forEach(entry -> compare(prefix, join(path, entry.getKey()), entry.getKey(),
                    entry.getValue(), actual.get(entry.getKey()), out));
        } else if (expected.isArray()) {
            compareElements(prefix, path, field, expected, actual, out);
        } else {
            String want = scalar(field, expected);
            String got = actual == null ? "(absent)" : scalar(field, actual);
            if (!want.equals(got)) {
                out.add(prefix + path + " expected " + want + ", app answered " + got);
            }
        }
    }

    private void compareElements(String prefix, String path, String field, JsonNode expected, JsonNode actual,
                                 List<String> out) {
        String keyField = keys.get(field);
        if (keyField == null) {
            throw new IllegalStateException("no key field for the elements of '" + field + "' in " + this);
        }
        if (actual == null || !actual.isArray()) {
            out.add(prefix + path + " expected an array, app answered " + shortened(String.valueOf(actual)));
            return;
        }
        Map<String, JsonNode> want = byKey(prefix, path, keyField, expected, out);
        Map<String, JsonNode> got = byKey(prefix, path, keyField, actual, out);
        want.forEach((key, element) -> {
            if (!got.containsKey(key)) {
                out.add(prefix + path + "[" + key + "] expected " + shortened(element.toString()) + ", app answered none");
            }
        });
        got.forEach((key, element) -> {
            if (want.containsKey(key)) {
                compare(prefix, path + "[" + key + "]", "", want.get(key), element, out);
            } else {
                out.add(prefix + path + "[" + key + "] not expected, app answered " + shortened(element.toString()));
            }
        });
        List<String> wantOrder = want.keySet().stream().filter(got::containsKey).toList();
        List<String> gotOrder = got.keySet().stream().filter(want::containsKey).toList();
        if (!wantOrder.equals(gotOrder)) {
            out.add(prefix + path + " in the order " + shortened(gotOrder.toString()) + ", expected "
                    + shortened(wantOrder.toString()));
        }
    }

    private Map<String, JsonNode> byKey(String prefix, String path, String keyField, JsonNode elements,
                                        List<String> out) {
        var byKey = new LinkedHashMap<String, JsonNode>();
        for (JsonNode element : elements) {
            String key = scalar(keyField, element.path(keyField));
            if (byKey.put(key, element) != null) {
                out.add(prefix + path + "[" + key + "] more than once: " + shortened(elements.toString()));
            }
        }
        return byKey;
    }

    private String scalar(String field, JsonNode value) {
        String text = value.isNull() ? "null" : value.isMissingNode() ? "(absent)" : value.asText();
        return ignoringCase.contains(field) ? text.strip().toLowerCase(Locale.ROOT) : text;
    }

    private static String join(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    private static String shortened(String text) {
        return text == null || text.length() <= LONGEST_TEXT ? String.valueOf(text)
                : text.substring(0, LONGEST_TEXT) + "...(" + text.length() + " characters)";
    }

    @Override
    public String toString() {
        return status + (status == 200 ? " " + shortened(body.toString()) : "");
    }
}
