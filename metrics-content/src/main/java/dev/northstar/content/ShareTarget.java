package dev.northstar.content;

/** Where a reader shared an article. */
public enum ShareTarget {
    /** Into a one-to-one or group chat. */
    CHAT,
    /** To the reader's Moments timeline. */
    MOMENTS
}
