package cn.cppcc.proposals.shared;

/** The caller may see the proposal but may not take this step (403). */
public class ForbiddenException extends RuntimeException {
    public ForbiddenException(String message) {
        super(message);
    }
}
