package dev.m1go.cases;

/** A case descriptor or case directory is wrong; the message names the file and the field to change. */
public final class CaseDefinitionException extends Exception {
    private static final long serialVersionUID = 1L;

    public CaseDefinitionException(String message) {
        super(message);
    }

    public CaseDefinitionException(String message, Throwable cause) {
        super(message, cause);
    }
}
