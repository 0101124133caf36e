package dev.northstar.demo;

/** A mistake of the user's (bad argument, unreadable input): one line on stderr, exit code 2. */
final class UserError extends RuntimeException {
    UserError(String message) {
        super(message);
    }
}
