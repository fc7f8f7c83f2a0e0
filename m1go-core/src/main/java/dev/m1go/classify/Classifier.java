package dev.m1go.classify;

/** Turns the evidence of one build or run into an outcome. Implementations are pure and thread-safe. */
@FunctionalInterface
public interface Classifier {

    Classification classify(Evidence evidence);

    /**
     * Classifies with a way to tell C from Go code at the faulting PC, for reports whose text leaves it open; a
     * classifier that does not need it ignores it.
     */
    default Classification classify(Evidence evidence, PcLocator locator) {
        return classify(evidence);
    }

    /**
     * Classifies and says what the outcome rests on: how sure it is, why, and the evidence lines. A classifier that
     * keeps no such account says only its summary, with {@link Confidence#HIGH}.
     */
    default Reading read(Evidence evidence) {
        return Reading.of(classify(evidence));
    }
}
