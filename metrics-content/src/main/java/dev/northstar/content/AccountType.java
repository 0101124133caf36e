package dev.northstar.content;

/** The kind of an official account, as the platform registers it. */
public enum AccountType {
    /**
     * A subscription account: publishers and media, one mass push a day to followers' subscription
     * sessions.
     */
    SUBSCRIPTION,
    /** A service account: businesses serving customers, a few pushes a month into the chat list. */
    SERVICE,
    /** An enterprise account or mini program owner: internal communication and apps, rarely publishing. */
    ENTERPRISE
}
