package dev.m1go.toolchain;

/** No Go toolchain matched. The message says where m1go looked and how to point it at one. */
public final class NoToolchainsException extends Exception {
    private static final long serialVersionUID = 1L;

    public NoToolchainsException(String message) {
        super(message);
    }
}
