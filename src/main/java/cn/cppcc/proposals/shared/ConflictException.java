package cn.cppcc.proposals.shared;

/** The step is not open now, or someone else just took it (409). */
public class ConflictException extends RuntimeException {
    public ConflictException(String message) {
        super(message);
    }

    /** A race lost to another request: {@code cause} is how it showed. */
    public ConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
