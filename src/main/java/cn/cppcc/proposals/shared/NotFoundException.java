package cn.cppcc.proposals.shared;

/** Unknown, or not visible to the caller (404: API.md answers both the same way). */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message);
    }
}
