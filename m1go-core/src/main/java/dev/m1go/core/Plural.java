package dev.m1go.core;

/** "1 cell", "2 cells": a count with its noun. */
public final class Plural {

    private Plural() {}

    /** {@code n} and the word, with an {@code s} unless {@code n} is 1. */
    public static String of(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
