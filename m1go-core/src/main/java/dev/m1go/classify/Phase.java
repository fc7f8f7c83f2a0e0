package dev.m1go.classify;

/** Which step produced the evidence: building the binary (C library, go build) or running it. */
public enum Phase {
    BUILD,
    RUN
}
