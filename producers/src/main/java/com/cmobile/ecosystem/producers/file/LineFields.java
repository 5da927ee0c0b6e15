package com.cmobile.ecosystem.producers.file;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The fields of one line as a small map kept in insertion order in two arrays: a line has about
 * ten fields, which a linear scan finds faster than hashing. Names are interned, so a lookup by a
 * literal name is an identity match, and so is a duplicate. Read-only for its users; not thread-safe.
 */
final class LineFields extends AbstractMap<String, String> {

    private String[] names = new String[16];
    private String[] values = new String[16];
    private int size;

    /**
     * Adds a field; false (and no change) when the line already has one of that name.
     *
     * @param name an interned name (equal interned strings are the same instance)
     */
    boolean add(String name, String value) {
        for (int i = 0; i < size; i++) {
            if (names[i] == name) {
                return false;
            }
        }
        if (size == names.length) {
            names = Arrays.copyOf(names, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        names[size] = name;
        values[size] = value;
        size++;
        return true;
    }

    @Override
    public String get(Object name) {
        int i = indexOf(name);
        return i < 0 ? null : values[i];
    }

    @Override
    public boolean containsKey(Object name) {
        return indexOf(name) >= 0;
    }

    @Override
    public int size() {
        return size;
    }

    private int indexOf(Object name) {
        for (int i = 0; i < size; i++) {
            if (names[i] == name) {
                return i;
            }
        }
        for (int i = 0; i < size; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public Set<String> keySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<String> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < size;
                    }

                    @Override
                    public String next() {
                        if (next >= size) {
                            throw new NoSuchElementException();
                        }
                        return names[next++];
                    }
                };
            }

            @Override
            public boolean contains(Object name) {
                return containsKey(name);
            }

            @Override
            public int size() {
                return size;
            }
        };
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, String>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < size;
                    }

                    @Override
                    public Entry<String, String> next() {
                        if (next >= size) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new SimpleImmutableEntry<>(names[i], values[i]);
                    }
                };
            }

            @Override
            public int size() {
                return size;
            }
        };
    }
}
