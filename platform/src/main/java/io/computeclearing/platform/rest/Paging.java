package io.computeclearing.platform.rest;

/**
 * Bounds of every paged list. The largest page times the largest size stays far within an int, so the offset
 * ({@code page * size}) never overflows; a page beyond the data is simply empty.
 */
public final class Paging {

    /** The highest page number (from 0) a list serves. */
    public static final int MAX_PAGE = 100_000;

    private Paging() {
    }
}
