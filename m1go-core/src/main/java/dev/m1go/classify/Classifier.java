package dev.m1go.classify;

/** Turns the evidence of one build or run into an outcome. Implementations are pure and thread-safe. */
@FunctionalInterface
public interface Classifier {

    Classification classify(Evidence evidence);
}
